import ShilaoCore

/// ACT 6a7281: every WAI-ARIA state or property with a value has one its definition allows.
struct AriaValidAttrValue: BuiltInCheck {
    static let id = "aria-valid-attr-value"

    func run(on page: Page, into results: inout Results) {
        for element in page.document.elements {
            var judged = false
            var failed = false
            for attribute in element.attributes(prefixed: "aria-") where !attribute.value.isEmpty {
                guard let valid = ARIA.isValid(attribute.value, for: attribute.name) else { continue }
                judged = true
                if !valid {
                    failed = true
                    results.fail(element, "fail", ["attribute": attribute.name, "value": attribute.value])
                }
            }
            if judged && !failed { results.pass(element) }
        }
    }
}
