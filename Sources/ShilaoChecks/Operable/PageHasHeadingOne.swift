import ShilaoCore

/// Best practice (axe page-has-heading-one): a page with content has a level-one heading, the
/// first place a screen-reader user jumps to when looking for what the page is about.
struct PageHasHeadingOne: BuiltInCheck {
    static let id = "page-has-heading-one"

    func run(on page: Page, into results: inout Results) {
        guard let body = page.document.body, !body.textContent.allSatisfy(\.quickIsWhitespace) else { return }
        let tree = page.accessibility
        if let heading = body.descendants.first(where: { tree.headingLevel(of: $0) == 1 && !tree.isHidden($0) }) {
            results.pass(heading)
        } else {
            results.fail(body)
        }
    }
}
