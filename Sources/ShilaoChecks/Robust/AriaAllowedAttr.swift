import ShilaoCore

/// ACT 5c01ea: each WAI-ARIA state or property on an element in the accessibility tree is
/// global, or supported by the element's role, and not prohibited on it (`aria-label` on a
/// plain `div` or `span` is prohibited).
struct AriaAllowedAttr: BuiltInCheck {
    static let id = "aria-allowed-attr"

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        for element in page.document.elements {
            // A blank value is the same as no attribute.
            let used = element.attributes(prefixed: "aria-").filter { ARIA.attributes[$0.name] != nil && !$0.value.allSatisfy(\.quickIsWhitespace) }
            guard !used.isEmpty, !tree.isHidden(element) else { continue }
            let refused = used.map(\.name).filter { !tree.permits($0, on: element) }
            if refused.isEmpty {
                results.pass(element)
            } else {
                results.fail(element, "fail", ["attribute": refused.joined(separator: ", "), "element": element.name])
            }
        }
    }
}
