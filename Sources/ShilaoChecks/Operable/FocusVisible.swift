import ShilaoCore
import ShilaoDOM
import ShilaoStyle

/// WCAG 2.4.7, MIIT web W8: an element reached with Tab shows where focus is. Its keyboard-focus
/// style (`:focus` and `:focus-visible` matching) needs a visible outline, or a replacement: a
/// border, shadow, background, text colour or underline that changes on focus. Rules that drop
/// the outline only under `:focus:not(:focus-visible)` leave the keyboard outline in place.
///
/// Failures are grouped by the author rule that took the outline away: one `a:focus { outline:
/// none }` in a shared sheet breaks every link on every page, and one finding at the first link
/// with the count says what to fix without drowning the report. A `style` attribute is its own
/// group, per element.
struct FocusVisible: BuiltInCheck {
    static let id = "focus-visible"

    func run(on page: Page, into results: inout Results) {
        var groups: [String: (element: Element, rule: AuthorRule?, count: Int)] = [:]
        var order: [String] = []
        let tree = page.accessibility
        for element in page.document.elements where tree.isFocusable(element) {
            // Focus that only scripts can give (tabindex="-1") is not reached with the keyboard.
            if let tabindex = element.attribute("tabindex").flatMap(htmlInteger), tabindex < 0 { continue }
            let focused = page.style.focusedStyle(of: element)
            if focused.hasVisibleOutline || Self.hasReplacement(focused, page.style.style(of: element)) {
                results.pass(element)
                continue
            }
            let rule = Self.outlineRule(of: element, focused: focused, page: page)
            let key = rule.map { "\($0.sheet)\u{0}\($0.selectorText)" } ?? "style\u{0}\(element.path)"
            if let group = groups[key] {
                groups[key] = (group.element, group.rule, group.count + 1)
            } else {
                groups[key] = (element, rule, 1)
                order.append(key)
            }
        }
        for key in order {
            let group = groups[key]!
            if let rule = group.rule {
                // A local sheet is named by its path, not a file:// URL.
                let sheet = rule.sheet.hasPrefix("file://") ? String(rule.sheet.dropFirst(7)) : rule.sheet
                results.fail(group.element, "fail", [
                    "selector": rule.selectorText, "sheet": sheet, "count": String(group.count),
                ])
            } else {
                results.fail(group.element, "fail.inline")
            }
        }
    }

    /// A change on focus that shows it in place of the outline.
    static func hasReplacement(_ focused: ComputedStyle, _ resting: ComputedStyle) -> Bool {
        if focused.border != resting.border, focused.border.sides.contains(where: \.isVisible) { return true }
        if focused.hasBoxShadow, !resting.hasBoxShadow { return true }
        return focused.backgroundColor != resting.backgroundColor || focused.color != resting.color
            || focused.textDecorationLine != resting.textDecorationLine
    }

    /// The author rule whose outline declaration won for the focused element; nil when the
    /// outline came from the `style` attribute.
    static func outlineRule(of element: Element, focused: ComputedStyle, page: Page) -> AuthorRule? {
        let sources = [focused.source(of: .outlineStyle), focused.source(of: .outlineWidth), focused.source(of: .outlineColor)]
        if sources.contains(where: { $0?.origin == .inlineStyle }) { return nil }
        let rules = page.style.matchedAuthorRules(of: element, focused: true).filter { rule in
            rule.declarations.contains { $0.property.lowercased().hasPrefix("outline") }
        }
        // Important declarations win over normal ones whatever their order.
        let important = rules.last { rule in
            rule.declarations.contains { $0.important && $0.property.lowercased().hasPrefix("outline") }
        }
        return important ?? rules.last
    }
}
