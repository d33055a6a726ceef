import ShilaoCore
import ShilaoDOM

/// ACT 4e8ab6: an element given a role by its `role` attribute sets that role's required
/// states and properties (a checkbox its `aria-checked`, a heading its `aria-level`).
/// Native elements keep their own mappings, so a role that repeats the implicit one is left out.
struct AriaRequiredAttr: BuiltInCheck {
    static let id = "aria-required-attr"

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        for element in page.document.elements {
            guard let role = tree.explicitRole(element), tree.role(of: element) == role,
                  tree.implicitRole(element) != role, !tree.isHidden(element) else { continue }
            let missing = ARIA.requiredStates(of: role, focusable: tree.isFocusable(element)).filter { state in
                if let value = element.attribute(state), !value.allSatisfy(\.quickIsWhitespace) { return false }
                return !Self.nativelyProvided(state, element)
            }
            if missing.isEmpty {
                results.pass(element)
            } else {
                results.fail(element, "fail", ["role": role, "attribute": missing.joined(separator: ", ")])
            }
        }
    }

    /// A native checkbox or radio button gives any role put on it its checked state.
    static func nativelyProvided(_ state: String, _ element: Element) -> Bool {
        guard state == "aria-checked", element.isNamed("input") else { return false }
        let type = element.attribute("type")?.lowercased()
        return type == "checkbox" || type == "radio"
    }
}
