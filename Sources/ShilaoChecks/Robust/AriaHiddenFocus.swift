import Foundation
import ShilaoCore
import ShilaoDOM

/// ACT 6cfa84: content hidden with `aria-hidden="true"` cannot be reached with the Tab key;
/// otherwise keyboard users land on something screen readers say nothing about.
/// A page whose scripts handle focus may send focus on at once (a focus trap's sentinel),
/// which only a person trying the page can tell.
struct AriaHiddenFocus: BuiltInCheck {
    static let id = "aria-hidden-focus"

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        let scriptsHandleFocus = Self.scriptsHandleFocus(page.document)
        var offending: [Element] = []
        var roots: [Element] = []
        for element in page.document.elements {
            if AccessibilityContext.setsAriaHidden(element) { roots.append(element) }
            // Focusable elements are rendered, so a hidden one is hidden by aria-hidden: that
            // cheap inherited flag is asked first, and focus (which needs styles) only inside.
            if tree.isAriaHidden(element), tree.isInTabOrder(element) { offending.append(element) }
        }
        for element in offending {
            if scriptsHandleFocus {
                results.review(element, "review", ["element": element.name])
            } else {
                results.fail(element, "fail", ["element": element.name])
            }
        }
        let offendingSet = Set(offending)
        let offendingInside = FirstDescendant(in: page.document, where: offendingSet.contains)
        for root in roots where !offendingSet.contains(root) && offendingInside.of(root) == nil {
            results.pass(root)
        }
    }

    /// Whether a script or an inline event handler mentions focus.
    static func scriptsHandleFocus(_ document: HTMLDocument) -> Bool {
        document.elements.contains { element in
            if element.isNamed("script"), element.textContent.lowercased().contains("focus") { return true }
            return element.attributes(prefixed: "on").contains { $0.value.lowercased().contains("focus") }
        }
    }
}
