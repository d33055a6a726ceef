import ShilaoCore
import ShilaoDOM

/// MIIT web (W7): voice reading the user can switch on and off, at least on article pages. A
/// known accessibility toolbar or a 朗读 control passes on any page; on article pages, having
/// neither fails, and `speechSynthesis` in a script with no visible control needs a look.
/// Other pages without either are inapplicable: the requirement is met on the articles.
struct ElderVoiceReading: BuiltInCheck {
    static let id = "elder-voice-reading"

    static let controlWords = ["朗读", "语音播报", "语音阅读", "指读", "连读", "听全文", "收听全文", "听文章"]

    func run(on page: Page, into results: inout Results) {
        guard let body = page.document.body else { return }
        if let toolbar = PageKind.toolbarScript(page) {
            results.pass(toolbar)
            return
        }
        if let control = body.descendants.first(where: { ElderVoiceReading.isVoiceControl($0, in: page) }) {
            results.pass(control)
            return
        }
        guard PageKind.isArticlePage(page) else { return }
        if let script = page.document.elements(named: "script").first(where: { $0.textContent.contains("speechSynthesis") }) {
            results.review(script, "review.script-only")
        } else {
            results.fail(body, "fail.missing")
        }
    }

    static func isVoiceControl(_ element: Element, in page: Page) -> Bool {
        guard ControlText.isControl(element) else { return false }
        let words = ControlText.words(of: element, in: page)
        return controlWords.contains { words.contains($0) }
    }
}
