import ShilaoCore
import ShilaoDOM

/// What kind of page this is, as far as the markup tells: an elder-mode page, an article, a
/// mobile version; and the site's elder-version entry. Shared by the 适老化 checks so they agree.
/// Several checks ask each question of every page: each is answered once, in the page's memo.
enum PageKind {
    /// Names of the elder or accessible version, as entries and page titles write them.
    static let elderVersionWords = [
        "长辈版", "长辈模式", "关怀版", "关怀模式", "关爱版", "亲情版", "适老版", "适老化", "长者版", "长者模式",
        "老年版", "老年模式", "大字版", "大字模式", "无障碍",
    ]
    /// Class words that mark a page rendered in elder mode (`<body class="elder">`).
    static let elderClassWords: Set<String> = ["elder", "older", "care", "laoren", "zhangbei", "shilao", "shilaohua"]

    /// The longest text an entry link has: news headlines that mention 无障碍 are not entries.
    static let entryTextLimit = 12

    /// Whether `text` names the elder or accessible version.
    static func namesElderVersion(_ text: String) -> Bool {
        let compact = PageText.compact(text)
        return compact.count <= entryTextLimit && elderVersionWords.contains { compact.contains($0) }
    }

    /// The page is itself the elder version: its title or column names it, or html/body carries
    /// an elder-mode class. 无障碍 and 适老化 are left out here: they also title accessibility
    /// statements and news about the retrofit.
    static func isElderPage(_ page: Page) -> Bool {
        page.memo.value("PageKind.elderPage") { isElderPageUncached(page) }
    }

    private static func isElderPageUncached(_ page: Page) -> Bool {
        let document = page.document
        let elderWords = elderVersionWords.filter { $0 != "无障碍" && $0 != "适老化" }
        var labels = document.elements(named: "title").prefix(1).map(\.textContent)
        labels += metaContents(document, names: ["columnname"])
        if labels.contains(where: { label in elderWords.contains { label.contains($0) } }) { return true }
        return [document.root, document.body].compactMap { $0 }.contains { element in
            NameTokens.words(element.attribute("class") ?? "").contains(where: elderClassWords.contains)
        }
    }

    /// A link to a separate elder version of the site (another address, not a script toggle on
    /// this page). Where one exists, this page is not the elder service itself.
    static func separateElderVersion(_ page: Page) -> Element? {
        page.memo.value("PageKind.separateElderVersion") { separateElderVersionUncached(page) }
    }

    private static func separateElderVersionUncached(_ page: Page) -> Element? {
        page.document.elements.first { element in
            guard element.isNamed("a"), let href = element.attribute("href")?.trimmed(.whitespaces),
                  !href.isEmpty, !href.hasPrefix("#"), !href.lowercased().hasPrefix("javascript:") else { return false }
            return namesElderVersion(ControlText.words(of: element, in: page))
        }
    }

    /// Article pages (正文页): the gov `ArticleTitle` meta, an `article` element, or the body
    /// containers gov CMSs name 正文 (`zhengwen`, TRS `TRS_Editor`, `article-content`).
    static func isArticlePage(_ page: Page) -> Bool {
        page.memo.value("PageKind.articlePage") { isArticlePageUncached(page) }
    }

    private static func isArticlePageUncached(_ page: Page) -> Bool {
        let document = page.document
        if metaContents(document, names: ["articletitle"]).contains(where: { !$0.allSatisfy(\.quickIsWhitespace) }) { return true }
        return document.elements.contains { element in
            if element.isNamed("article") { return true }
            let identifiers = ((element.attribute("id") ?? "") + " " + (element.attribute("class") ?? "")).lowercased()
            return ["zhengwen", "trs_editor", "article-content", "article_content", "articlecontent"].contains {
                identifiers.contains($0)
            }
        }
    }

    /// A page that says it is the mobile version (手机版 in its title or column, or an `m.`/`wap.`
    /// host): the MIIT desktop requirements do not apply to it.
    static func isMobileVersion(_ page: Page) -> Bool {
        page.memo.value("PageKind.mobileVersion") { isMobileVersionUncached(page) }
    }

    private static func isMobileVersionUncached(_ page: Page) -> Bool {
        var labels = page.document.elements(named: "title").prefix(1).map(\.textContent)
        labels += metaContents(page.document, names: ["columnname"])
        if labels.contains(where: { label in ["手机版", "移动版", "触屏版"].contains { label.contains($0) } }) { return true }
        guard let host = AdHosts.host(of: page.url) else { return false }
        return host.hasPrefix("m.") || host.hasPrefix("wap.")
    }

    /// The `content` of every `<meta name=…>` with one of the (lower-case) names.
    static func metaContents(_ document: HTMLDocument, names: Set<String>) -> [String] {
        document.elements(named: "meta").compactMap { meta in
            guard let name = meta.attribute("name")?.trimmed(.whitespaces).lowercased(),
                  names.contains(name) else { return nil }
            return meta.attribute("content") ?? ""
        }
    }

    /// In the page footer: `footer`, `role=contentinfo`, or a box named footer / bottom.
    static func isFooterItself(_ candidate: Element) -> Bool {
        if candidate.isNamed("footer") || candidate.attribute("role")?.lowercased() == "contentinfo" { return true }
        return NameTokens.identifierWords(of: candidate).contains { ["footer", "foot", "bottom"].contains($0) }
    }

    /// The descendants of `root` in document order, footers and what they hold left out: one
    /// walk, instead of asking each element about all its ancestors.
    static func outsideFooters(_ root: Element) -> [Element] {
        var elements: [Element] = []
        root.walk(from: ()) { element, _ in
            if element == root { return () }
            if isFooterItself(element) { return nil }
            elements.append(element)
            return ()
        }
        return elements
    }

    // MARK: Accessibility toolbars

    /// Script hosts of the accessibility toolbars Chinese government sites embed, which offer
    /// page enlargement, large text and voice reading (govwza 无障碍工具条, cniil assist.js).
    static let toolbarHosts = ["govwza.cn", "cnwza.cn"]

    /// The first script that loads a known accessibility toolbar.
    static func toolbarScript(_ page: Page) -> Element? {
        page.memo.value("PageKind.toolbarScript") { toolbarScriptUncached(page) }
    }

    private static func toolbarScriptUncached(_ page: Page) -> Element? {
        page.document.elements(named: "script").first { script in
            guard let src = script.attribute("src")?.lowercased() else { return false }
            if let host = AdHosts.host(of: src), toolbarHosts.contains(where: { host == $0 || host.hasSuffix("." + $0) }) {
                return true
            }
            return src.contains("/cniil/assist.js") || (src.contains("wza") && src.contains("aria.js"))
        }
    }
}
