import ShilaoCore

/// Best practice (axe listitem): an `li` that is a list item sits in a list (`ul`, `ol`,
/// `menu`, or an element with `role="list"`).
struct ListItem: BuiltInCheck {
    static let id = "listitem"

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        for item in page.document.elements where item.isNamed("li") {
            // Outside a list an `li` has no implicit role; an author's other role makes it something else.
            let role = tree.role(of: item)
            guard role == "listitem" || role == nil, !tree.isHidden(item) else { continue }
            if let parent = item.parent, tree.role(of: parent) == "list" {
                results.pass(item)
            } else {
                results.fail(item)
            }
        }
    }
}
