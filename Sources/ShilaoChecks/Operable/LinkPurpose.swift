import ShilaoCore
import ShilaoDOM

/// WCAG 2.4.4 / 2.4.9: a link's words say where it goes. Generic words (更多, 详情, 点击这里, >>)
/// fail when the same words lead to different places on the page and nothing on the link
/// (aria-label, title, aria-describedby, hidden text) tells them apart; a lone generic link
/// needs a person to judge whether the sentence around it is enough.
struct LinkPurpose: BuiltInCheck {
    static let id = "link-purpose"

    /// Generic link words, compared after whitespace and arrow punctuation are removed and
    /// Latin letters lower-cased.
    static let genericWords: Set<String> = [
        "点击这里", "点这里", "这里", "点击", "点此", "请点击", "点击此处", "此处", "更多", "详情", "详细", "查看",
        "查看详情", "查看更多", "了解更多", "阅读全文", "全文", "进入", "链接", "下载", "点击下载", "点击进入",
        "more", "clickhere", "here", "readmore", "details", "detail", "link",
    ]
    /// Decoration around generic words: 更多>>, 【详情】, [more], …, and links that are only arrows.
    static let decoration: Set<Character> = [">", "<", "»", "«", "›", "‹", "〉", "〈", "》", "《", "→", "[", "]", "【", "】",
                                             "(", ")", "（", "）", ".", "…", "·", "+", "＋", "：", ":"]

    struct Candidate {
        let element: Element
        let text: String
        let key: String
        let destination: String?
    }

    func run(on page: Page, into results: inout Results) {
        var candidates: [Candidate] = []
        for link in page.document.elements where link.isNamed("a") && link.hasAttribute("href") {
            let text = PageText.collapsed(page.accessibility.name(of: link))
            guard let key = LinkPurpose.genericKey(text) else {
                if !text.isEmpty { results.pass(link) }
                continue
            }
            let context = [link.attribute("title"), link.attribute("aria-describedby")].compactMap { $0 }
                .map(PageText.collapsed).filter { !$0.isEmpty }
            if !context.isEmpty {
                results.pass(link)
                continue
            }
            candidates.append(Candidate(element: link, text: text, key: key, destination: LinkPurpose.destination(link)))
        }
        // Script links go nobody knows where: they can neither prove nor rule out a clash.
        // Counted once per wording, not once per link (60,000 "更多" links would be quadratic).
        var destinations: [String: Set<String>] = [:]
        for candidate in candidates {
            if let destination = candidate.destination { destinations[candidate.key, default: []].insert(destination) }
        }
        for candidate in candidates {
            let count = destinations[candidate.key]?.count ?? 0
            let data = ["text": candidate.text]
            if candidate.destination != nil, count > 1 {
                results.fail(candidate.element, "fail.ambiguous", data.merging(["count": String(count)]) { $1 })
            } else {
                results.review(candidate.element, "review.generic", data)
            }
        }
    }

    /// The generic form of the link's words (`更多>>` → `更多`, `>>` → `>`), or nil when the
    /// words are specific.
    static func genericKey(_ text: String) -> String? {
        let compact = PageText.compact(text).lowercased()
        guard !compact.isEmpty else { return nil }
        // Decoration holds no letters, and words longer than any generic word cannot be one:
        // most link texts are headlines, passed after a few characters unhashed.
        var words = ""
        for character in compact where character.quickIsLetter || !decoration.contains(character) {
            words.append(character)
            if words.utf8.count > longestGenericWord { return nil }
        }
        if words.isEmpty { return ">" }
        return genericWords.contains(words) ? words : nil
    }

    static let longestGenericWord = genericWords.map(\.utf8.count).max() ?? 0

    /// Where the link goes, without the fragment; nil for script links, whose target is unknown.
    static func destination(_ link: Element) -> String? {
        let href = (link.attribute("href") ?? "").trimmed(.whitespacesAndNewlines)
        if href.lowercased().hasPrefix("javascript:") { return nil }
        return String(href.prefix { $0 != "#" })
    }
}
