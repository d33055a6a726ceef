import ShilaoCore
import ShilaoDOM

/// MIIT web 1.2.3?: desktop pages offer their own page-enlarge or large-text service, one that
/// does not rely on the browser's or the system's zoom (so an allowed browser zoom does not
/// count). Page-level; inapplicable on pages that say they are the mobile version, for which
/// the MIIT spec asks for large text instead.
struct ElderEnlargeService: BuiltInCheck {
    static let id = "elder-enlarge-service"

    /// Words of an enlarge control, compared with the control's words, whitespace removed.
    static let controlWords = ["A+", "A＋", "大字", "字号", "放大", "特大字", "字体大", "页面缩放"]
    /// 【字号：大 中 小】: one-character level links, counted when their surroundings say 字号.
    static let levelWords: Set<String> = ["大", "中", "小", "特大", "超大", "默认"]
    static let levelContextWords = ["字号", "字体", "文字"]
    static let zoomCodeWords = ["zoom", "fontsize", "font"]

    func run(on page: Page, into results: inout Results) {
        guard let body = page.document.body, !PageKind.isMobileVersion(page) else { return }
        if let toolbar = PageKind.toolbarScript(page) {
            results.pass(toolbar)
            return
        }
        if let control = body.descendants.first(where: { ElderEnlargeService.isEnlargeControl($0, in: page) }) {
            results.pass(control)
        } else {
            results.fail(body, "fail.missing")
        }
    }

    static func isEnlargeControl(_ element: Element, in page: Page) -> Bool {
        guard ControlText.isControl(element) else { return false }
        let words = ControlText.words(of: element, in: page, uppercased: true)
        if controlWords.contains(where: { words.contains($0) }) { return true }
        guard levelWords.contains(words) else { return false }
        let code = ((element.attribute("href") ?? "") + (element.attribute("onclick") ?? "")).lowercased()
        if zoomCodeWords.contains(where: { code.contains($0) }) { return true }
        let context = element.parent.map { PageText.visible($0) } ?? ""
        return levelContextWords.contains { context.contains($0) }
    }
}
