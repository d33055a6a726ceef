import ShilaoCore
import ShilaoDOM

/// ACT de46e4: an element in the body whose `lang` is not empty, and that gives its language to
/// some text (visible or in the accessibility tree), has a valid primary language subtag.
struct ValidLang: BuiltInCheck {
    static let id = "valid-lang"

    func run(on page: Page, into results: inout Results) {
        guard let body = page.document.body else { return }
        let tree = page.accessibility
        for element in [body] + Array(body.descendants) {
            guard let lang = element.attribute("lang"), !lang.isEmpty,
                  Self.hasTextInheritingLanguage(from: element, tree) else { continue }
            if LanguageTags.isValid(lang) {
                results.pass(element)
            } else {
                results.fail(element, "fail", ["lang": lang.trimmed(.whitespaces)])
            }
        }
    }

    /// Text below `element` that takes its language from it: descendants with their own `lang`
    /// speak for their text. Text that is aria-hidden still shows, so only unrendered text
    /// (and an image's or control's alternative text, which is read out) is left aside.
    static func hasTextInheritingLanguage(from element: Element, _ tree: AccessibilityContext) -> Bool {
        var pending = [element]
        while let current = pending.popLast() {
            if tree.isNotRendered(current) { continue }
            if !(current.attribute("alt") ?? "").allSatisfy(\.quickIsWhitespace)
                || !(current.attribute("aria-label") ?? "").allSatisfy(\.quickIsWhitespace) {
                return true
            }
            for child in current.childNodes {
                switch child {
                case .text(let text): if !text.allSatisfy(\.quickIsWhitespace) { return true }
                case .element(let inner): if !inner.hasAttribute("lang") { pending.append(inner) }
                }
            }
        }
        return false
    }
}
