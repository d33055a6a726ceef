import ShilaoCore

/// Best practice (axe heading-order): heading levels go down one step at a time, so the outline
/// a screen reader lists has no missing levels.
struct HeadingOrder: BuiltInCheck {
    static let id = "heading-order"

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        var previous: Int?
        for element in page.document.elements {
            guard let level = tree.headingLevel(of: element), !tree.isHidden(element) else { continue }
            if let previous, level > previous + 1 {
                results.fail(element, "fail", ["level": String(level), "previous": String(previous)])
            } else {
                results.pass(element)
            }
            previous = level
        }
    }
}
