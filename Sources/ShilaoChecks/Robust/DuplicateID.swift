import ShilaoCore

/// ACT 3ea0c8: `id` values are unique in the page. Repeats of an id that labels or describes
/// something are `duplicate-id-aria`'s (more serious) finding; this check reports the rest.
struct DuplicateID: BuiltInCheck {
    static let id = "duplicate-id"

    func run(on page: Page, into results: inout Results) {
        let ids = DuplicateIDs.of(page)
        guard ids.hasIDs else { return }
        let unreferenced = ids.repeats.filter { !$0.isReferenced }
        for item in unreferenced {
            results.fail(item.element, "fail", ["id": item.id, "line": String(item.firstLine)])
        }
        if unreferenced.isEmpty { results.pass() }
    }
}
