import ShilaoCore

/// ACT 2779a5: the first `title` of the page (outside SVG) has text.
struct DocumentTitle: BuiltInCheck {
    static let id = "document-title"

    func run(on page: Page, into results: inout Results) {
        guard let root = page.document.root else { return }
        let title = page.document.elements.first { $0.isNamed("title") && $0.closest("svg") == nil }
        guard let title else {
            results.fail(root, "fail.missing")
            return
        }
        if title.textContent.allSatisfy(\.quickIsWhitespace) {
            results.fail(title, "fail.empty")
        } else {
            results.pass(title)
        }
    }
}
