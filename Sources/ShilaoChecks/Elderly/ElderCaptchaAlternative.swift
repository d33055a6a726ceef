import ShilaoCore
import ShilaoDOM

/// MIIT web 1.4.3? and App 1.5: a visual captcha comes with a way that does not depend on sight,
/// such as a voice code. An audio element or a 语音验证码 control in the same form passes; an
/// SMS code needs a look (it is text a phone can read aloud, but often has to be unlocked
/// with the picture first); third-party captcha services need a look at their settings. The
/// second half of the requirement (magnify to 2×) cannot be seen in the markup: the messages
/// say so.
struct ElderCaptchaAlternative: BuiltInCheck {
    static let id = "elder-captcha-alternative"

    /// Pieces of captcha image addresses and names, matched in the lower-cased text.
    static let captchaFragments = ["captcha", "checkcode", "validatecode", "validcode", "verifycode", "verifyimg", "authcode", "kaptcha", "yanzhengma"]
    static let captchaWords: Set<String> = ["yzm", "vcode", "verify"]
    /// Hosted captcha services: geetest, Tencent (t.captcha.qq.com), NetEase Yidun (dun.163.com).
    static let serviceFragments = ["geetest", "captcha", "dun.163", "cstaticdun"]
    static let voiceWords = ["语音验证", "听验证码", "收听验证码", "语音播报验证码", "语音码"]
    static let smsWords = ["短信验证", "短信码", "获取验证码", "发送验证码"]

    func run(on page: Page, into results: inout Results) {
        for element in page.document.elements {
            if ElderCaptchaAlternative.isCaptchaImage(element) {
                let scope = element.closest("form") ?? page.document.body ?? element
                let data = ["src": element.attribute("src") ?? ""]
                if ElderCaptchaAlternative.hasVoiceAlternative(in: scope, of: page) {
                    results.pass(element)
                } else if ElderCaptchaAlternative.hasControl(in: scope, of: page, saying: ElderCaptchaAlternative.smsWords) {
                    results.review(element, "review.sms", data)
                } else {
                    results.fail(element, "fail", data)
                }
            } else if let service = ElderCaptchaAlternative.captchaService(element) {
                results.review(element, "review.service", ["src": service])
            }
        }
    }

    static func isCaptchaImage(_ element: Element) -> Bool {
        guard element.isNamed("img") || (element.isNamed("input") && element.attribute("type")?.lowercased() == "image") else {
            return false
        }
        let names = ["src", "id", "class", "name"].compactMap { element.attribute($0) }.joined(separator: " ")
        let lower = names.lowercased()
        return captchaFragments.contains { lower.contains($0) } || NameTokens.words(names).contains(where: captchaWords.contains)
    }

    /// The address of a script or frame that loads a hosted captcha.
    static func captchaService(_ element: Element) -> String? {
        guard element.isNamed("script") || element.isNamed("iframe"), let src = element.attribute("src") else { return nil }
        let lower = src.lowercased()
        return serviceFragments.contains { lower.contains($0) } ? src : nil
    }

    static func hasVoiceAlternative(in scope: Element, of page: Page) -> Bool {
        scope.descendants.contains { $0.isNamed("audio") } || hasControl(in: scope, of: page, saying: voiceWords)
    }

    static func hasControl(in scope: Element, of page: Page, saying words: [String]) -> Bool {
        scope.descendants.contains { element in
            guard ControlText.isControl(element) else { return false }
            let text = ControlText.words(of: element, in: page)
            return words.contains { text.contains($0) }
        }
    }
}
