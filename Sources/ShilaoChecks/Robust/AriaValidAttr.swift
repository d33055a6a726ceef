import ShilaoCore

/// ACT 5f99a7: every `aria-*` attribute is one WAI-ARIA defines (a misspelt one is ignored).
struct AriaValidAttr: BuiltInCheck {
    static let id = "aria-valid-attr"

    func run(on page: Page, into results: inout Results) {
        for element in page.document.elements {
            let names = element.attributes(prefixed: "aria-").map(\.name)
            guard !names.isEmpty else { continue }
            let unknown = names.filter { ARIA.attributes[$0] == nil }
            if unknown.isEmpty {
                results.pass(element)
            } else {
                results.fail(element, "fail", ["attribute": unknown.joined(separator: ", ")])
            }
        }
    }
}
