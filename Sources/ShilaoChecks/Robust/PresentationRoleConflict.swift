import ShilaoCore
import ShilaoDOM

/// ACT 46ca7f: an element marked as decorative (`role="none"`/`"presentation"`, or an image
/// with `alt=""`) stays out of the accessibility tree. Browsers ignore the mark on an element
/// that can take focus or carries a global ARIA attribute, and screen readers then announce
/// it with no useful name.
struct PresentationRoleConflict: BuiltInCheck {
    static let id = "presentation-role-conflict"

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        for element in page.document.elements {
            let decorativeImage = element.isNamed("img") && element.attribute("alt") == "" && tree.explicitRole(element) == nil
            guard decorativeImage || tree.isMarkedPresentational(element), !tree.isHidden(element) else { continue }
            if tree.role(of: element) == "none" || tree.role(of: element) == "presentation" {
                results.pass(element)
            } else if tree.isFocusable(element) {
                results.fail(element, "fail.focusable")
            } else {
                let global = element.attributes(prefixed: "aria-").first {
                    $0.name != "aria-hidden" && ARIA.attributes[$0.name]?.isGlobal == true && !$0.value.allSatisfy(\.quickIsWhitespace)
                }
                results.fail(element, "fail.attribute", ["attribute": global?.name ?? "aria-*"])
            }
        }
    }
}
