import ShilaoCore

/// Best practice (axe tabindex): no positive `tabindex`, which moves an element ahead of the
/// page's reading order in the Tab sequence.
struct Tabindex: BuiltInCheck {
    static let id = "tabindex"

    func run(on page: Page, into results: inout Results) {
        for element in page.document.elements {
            guard let value = element.attribute("tabindex"), let tabindex = htmlInteger(value) else { continue }
            if tabindex > 0 {
                results.fail(element, "fail", ["tabindex": String(tabindex)])
            } else {
                results.pass(element)
            }
        }
    }
}
