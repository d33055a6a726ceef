import ShilaoCore
import ShilaoDOM

/// ACT 047fe0: on a page whose navigation comes before its content, a heading (in the
/// accessibility tree) lets screen-reader users jump to where the content starts. A page with
/// no such heading at all fails; where headings exist but none sits between the navigation and
/// the content, whether one starts the content is a person's call.
struct HeadingForMainContent: BuiltInCheck {
    static let id = "heading-for-main-content"

    func run(on page: Page, into results: inout Results) {
        guard let body = page.document.body, let layout = NavigationBeforeContent.of(page) else { return }
        let tree = page.accessibility
        let headings = layout.rendered.indices.filter {
            tree.role(of: layout.rendered[$0]) == "heading" && !tree.isHidden(layout.rendered[$0])
        }
        // The longest passage only stands in for the content, so findings point at the page.
        if headings.isEmpty {
            results.fail(body)
            return
        }
        let inNavigation = InheritedFlag { tree.role(of: $0) == "navigation" }
        let opening = headings.first { index in
            index > layout.firstNavigation && index <= layout.content
                && !inNavigation.anyAncestor(layout.rendered[index])
        }
        if let opening {
            results.pass(layout.rendered[opening])
        } else {
            results.review(body)
        }
    }
}
