import ShilaoCore

/// ACT ff89c9: an element whose explicit role only makes sense inside certain roles (a list
/// item in a list, a tab in a tab list, an option in a list box) sits in one of them in the
/// accessibility tree, counting `aria-owns` and passing through elements without semantics.
struct AriaRequiredParent: BuiltInCheck {
    static let id = "aria-required-parent"

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        let ownership = Ownership(page)
        for element in page.document.elements {
            guard let role = tree.explicitRole(element), tree.role(of: element) == role,
                  tree.implicitRole(element) != role,
                  let context = ARIA.roles[role]?.requiredContextRoles, !context.isEmpty,
                  !tree.isHidden(element) else { continue }
            let parentRole = ownership.semanticParent(of: element).flatMap(tree.role(of:))
            if let parentRole, context.contains(parentRole) {
                results.pass(element)
            } else {
                results.fail(element, "fail", ["role": role, "parents": context.joined(separator: ", ")])
            }
        }
    }
}
