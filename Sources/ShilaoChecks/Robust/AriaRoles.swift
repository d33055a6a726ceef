import Foundation
import ShilaoCore
import ShilaoDOM

/// ACT 674b10: a `role` attribute on an element in the accessibility tree names at least one
/// real, non-abstract WAI-ARIA role (a misspelt role is ignored and the element keeps its
/// native meaning).
struct AriaRoles: BuiltInCheck {
    static let id = "aria-roles"

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        for element in page.document.elements {
            guard let value = element.attribute("role"), !value.allSatisfy(\.quickIsWhitespace),
                  !tree.isHidden(element) else { continue }
            if tree.explicitRole(element) != nil {
                results.pass(element)
            } else {
                results.fail(element, "fail", ["role": value.trimmed(.whitespacesAndNewlines)])
            }
        }
    }
}
