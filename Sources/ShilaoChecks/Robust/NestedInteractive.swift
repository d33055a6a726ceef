import ShilaoCore
import ShilaoDOM

/// ACT 307n5z: an element whose role makes its children presentational (a button, checkbox,
/// tab, image…) holds nothing reachable with the Tab key: screen readers announce only the
/// outer element, so the inner control has no name or role for them.
struct NestedInteractive: BuiltInCheck {
    static let id = "nested-interactive"

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        let focusableInside = FirstDescendant(in: page.document, where: tree.isInTabOrder)
        for element in page.document.elements {
            guard let role = tree.role(of: element), ARIA.roles[role]?.childrenPresentational == true,
                  !tree.isHidden(element) else { continue }
            if let inner = focusableInside.of(element) {
                results.fail(element, "fail", ["role": role, "element": inner.name])
            } else {
                results.pass(element)
            }
        }
    }
}
