import ShilaoCore
import ShilaoDOM

/// MIIT web 服务原则?: desktop sites offer an extra-large mouse pointer (特大鼠标) besides full
/// keyboard operation. Passes on a known accessibility toolbar (which has a big-cursor mode),
/// a `cursor: url(...)` in the site's own styles, or a 大鼠标 / 大光标 / 十字光标 control.
/// Desktop only: phones have no pointer, and pages that say they are the mobile version are left out.
struct ElderLargePointer: BuiltInCheck {
    static let id = "elder-large-pointer"

    static let controlWords = ["大鼠标", "大光标", "十字光标", "鼠标样式", "光标样式", "特大鼠标", "放大鼠标", "大指针"]

    func run(on page: Page, into results: inout Results) {
        guard page.style.viewport == .desktop, let body = page.document.body, !PageKind.isMobileVersion(page) else { return }
        if let toolbar = PageKind.toolbarScript(page) {
            results.pass(toolbar)
        } else if let control = body.descendants.first(where: { ElderLargePointer.isPointerControl($0, in: page) }) {
            results.pass(control)
        } else if let styled = ElderLargePointer.customCursor(page) {
            results.pass(styled)
        } else {
            results.fail(body, "fail.missing")
        }
    }

    static func isPointerControl(_ element: Element, in page: Page) -> Bool {
        guard ControlText.isControl(element) else { return false }
        let words = ControlText.words(of: element, in: page)
        return controlWords.contains(where: words.contains)
    }

    /// A `cursor` with an image in an author rule (reported at the body) or a style attribute.
    static func customCursor(_ page: Page) -> Element? {
        let inRules = page.style.authorRules.contains { rule in
            rule.declarations.contains { $0.property == "cursor" && $0.value.lowercased().contains("url(") }
        }
        if inRules { return page.document.body }
        return page.document.elements.first { element in
            page.style.inlineDeclarations(of: element).contains { $0.property == "cursor" && $0.value.lowercased().contains("url(") }
        }
    }
}
