import ShilaoCore

/// Best practice (axe landmark-one-main): a page with content has exactly one `main` landmark,
/// the place screen-reader users jump to with one key.
struct LandmarkOneMain: BuiltInCheck {
    static let id = "landmark-one-main"

    func run(on page: Page, into results: inout Results) {
        guard let body = page.document.body, !body.textContent.allSatisfy(\.quickIsWhitespace) else { return }
        let tree = page.accessibility
        let mains = body.descendants.filter { tree.role(of: $0) == "main" && !tree.isHidden($0) }
        switch mains.count {
        case 0: results.fail(body)
        case 1: results.pass(mains[0])
        default:
            for extra in mains.dropFirst() { results.fail(extra, "fail.many", ["count": String(mains.count)]) }
        }
    }
}
