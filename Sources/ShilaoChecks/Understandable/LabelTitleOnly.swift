import ShilaoCore
import ShilaoDOM

/// Best practice (axe label-title-only): a form field named only by its `title` or its
/// `placeholder` has no lasting visible label. A placeholder disappears when typing starts and a
/// title shows only under a hovering mouse, so people forget what the field asks for.
struct LabelTitleOnly: BuiltInCheck {
    static let id = "label-title-only"

    static let fieldRoles: Set<String> = [
        "checkbox", "combobox", "listbox", "radio", "searchbox", "slider", "spinbutton", "switch", "textbox",
    ]

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        let ids = tree.idIndex
        let labelTargets = Set(page.document.elements(named: "label").compactMap { $0.attribute("for") })
        for field in page.document.elements {
            guard field.isNamed("input") || field.isNamed("select") || field.isNamed("textarea"),
                  let role = tree.role(of: field), Self.fieldRoles.contains(role), !tree.isHidden(field),
                  !tree.name(of: field).allSatisfy(\.quickIsWhitespace) else { continue }
            let labelledBy = (field.attribute("aria-labelledby") ?? "").whitespaceTokens.contains { ids[$0] != nil }
            let hasAriaLabel = !(field.attribute("aria-label") ?? "").allSatisfy(\.quickIsWhitespace)
            let hasLabel = field.closest("label") != nil
                || field.attribute("id").map { labelTargets.contains($0) && ids[$0] == field } == true
            if labelledBy || hasAriaLabel || hasLabel {
                results.pass(field)
            } else if !(field.attribute("placeholder") ?? "").allSatisfy(\.quickIsWhitespace) {
                results.fail(field, "fail.placeholder")
            } else if !(field.attribute("title") ?? "").allSatisfy(\.quickIsWhitespace) {
                results.fail(field, "fail.title")
            } else {
                results.pass(field)
            }
        }
    }
}
