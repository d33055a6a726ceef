import ShilaoCore
import ShilaoDOM

/// MIIT web 2.4.2: no induced download or payment buttons (诱导下载、诱导付款) on pages that offer
/// the elder service. Wording that can only be an inducement fails; wording a real service also
/// uses (领取, 充值, 立即下载 of a form) needs a person to look. The scope is the one `elder-ads`
/// uses: on ordinary pages of a site with a separate elder version, everything is for review.
struct ElderInducedButtons: BuiltInCheck {
    static let id = "elder-induced-buttons"

    /// Compared with the control's words, whitespace removed and Latin letters upper-cased.
    static let unambiguous = ["下载APP", "下载客户端", "安装APP", "扫码下载", "领红包", "抢红包", "抽奖", "马上抢", "立即抢购", "立即购买", "秒杀"]
    static let ambiguous = ["立即下载", "扫码领取", "免费领", "限时", "充值", "红包", "注册送", "优惠"]
    /// Buttons are short; a longer text is a headline (关于开展抽奖活动的公告), which at most needs a look.
    static let buttonLimit = 12
    /// 领取 alone only counts on a very short control (立即领取, 点击领取): 社保卡领取进度 is a service.
    static let claim = "领取"
    static let claimLimit = 6

    func run(on page: Page, into results: inout Results) {
        guard let body = page.document.body else { return }
        let otherVersion = PageKind.isElderPage(page) ? nil : PageKind.separateElderVersion(page)
        var found = false
        // A control inside another control (a button in a link) is judged once, on the outer
        // one: the walk does not enter a control it has judged.
        let controlAbove = ([body] + Array(body.ancestors)).contains(where: ControlText.isControl)
        if !controlAbove {
            body.walk(from: ()) { element, _ in
                if element == body || !ControlText.isControl(element) { return () }
                let words = ControlText.words(of: element, in: page, uppercased: true)
                let short = words.count <= ElderInducedButtons.buttonLimit
                if let match = ElderInducedButtons.unambiguous.first(where: { words.contains($0) }) {
                    found = true
                    if !short {
                        results.review(element, "review.headline", ["wording": match])
                    } else if let entry = otherVersion {
                        results.review(element, "review.ordinary-page", ["wording": match, "entry": entry.attribute("href") ?? ""])
                    } else {
                        results.fail(element, "fail", ["wording": match])
                    }
                } else if let match = short ? ElderInducedButtons.ambiguous.first(where: { words.contains($0) }) : nil {
                    found = true
                    results.review(element, "review", ["wording": match])
                } else if words.count <= ElderInducedButtons.claimLimit, words.contains(ElderInducedButtons.claim) {
                    found = true
                    results.review(element, "review", ["wording": ElderInducedButtons.claim])
                }
                return nil
            }
        }
        if !found { results.pass(body) }
    }
}
