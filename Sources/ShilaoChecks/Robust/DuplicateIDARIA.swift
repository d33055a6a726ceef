import ShilaoCore

/// ACT 3ea0c8 for ids that `aria-labelledby`, `aria-describedby`, `label for` and the other id
/// references point at: a repeat makes the reference pick whichever element comes first.
struct DuplicateIDARIA: BuiltInCheck {
    static let id = "duplicate-id-aria"

    func run(on page: Page, into results: inout Results) {
        let ids = DuplicateIDs.of(page)
        guard ids.hasIDs else { return }
        let referenced = ids.repeats.filter(\.isReferenced)
        for item in referenced {
            results.fail(item.element, "fail", ["id": item.id, "line": String(item.firstLine)])
        }
        if referenced.isEmpty { results.pass() }
    }
}
