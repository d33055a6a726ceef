import ShilaoCore
import ShilaoDOM

/// WCAG 1.3.2: spaces typed between the characters of one word to stretch it (姓　　名, 项　　目,
/// 联 系 人) make screen readers read single characters as separate words. A match is two or more
/// single Han characters separated by spaces (U+3000, no-break or ordinary), standing alone:
/// spaces between whole words (刘小红　　审核人) and the two-character 段首缩进 at the start of
/// a paragraph are layout people expect and do not match.
struct FullwidthSpaceLayout: BuiltInCheck {
    static let id = "fullwidth-space-layout"
    /// Text that keeps its spaces on purpose: code, and quotations (`q`), which reproduce
    /// other text as written (a report quoting the page's “姓　　名”).
    static let preformatted: Set<String> = ["pre", "code", "q", "textarea", "script", "style", "template", "noscript"]

    func run(on page: Page, into results: inout Results) {
        guard let body = page.document.body else { return }
        var sawText = false
        var text = TextFacts()
        // Preformatted subtrees are skipped whole, so no element asks about its ancestors.
        body.walk(from: ()) { element, _ in
            if FullwidthSpaceLayout.preformatted.contains(element.name) { return nil }
            for run in PageText.runs(of: element, text: &text) {
                let words = FullwidthSpaceLayout.spacedWords(in: run.text)
                sawText = sawText || run.text.contains { !PageText.isSpace($0) }
                guard let first = words.first else { continue }
                let line = PageText.line(of: first.lowerBound, in: run.text, startingAt: run.line)
                let shown = words.map { "“\(run.text[$0])”" }.joined(separator: " ")
                results.fail(element, line: line, "fail", ["text": shown])
            }
            return ()
        }
        if sawText, results.records.isEmpty { results.pass(body) }
    }

    /// The ranges of spaced-out words: single Han characters joined by runs of spaces, with no
    /// Han character right before the first or right after the last.
    static func spacedWords(in text: String) -> [Range<String.Index>] {
        // A spaced word has a Han character right before a space: text without that pair of
        // scalars, most of a page, is passed without breaking it into characters.
        var hanBefore = false
        var pair = false
        for scalar in text.unicodeScalars {
            if hanBefore, scalar.quickIsWhitespace {
                pair = true
                break
            }
            hanBefore = PageText.isHan(scalar)
        }
        guard pair else { return [] }
        var found: [Range<String.Index>] = []
        let chars = Array(text.indices)
        var i = 0
        func isHan(_ k: Int) -> Bool { k >= 0 && k < chars.count && PageText.isHan(text[chars[k]]) }
        func isSpace(_ k: Int) -> Bool { k < chars.count && PageText.isSpace(text[chars[k]]) }
        while i < chars.count {
            guard isHan(i), !isHan(i - 1), !isHan(i + 1) else { i += 1; continue }
            var last = i
            var count = 1
            while true {
                var k = last + 1
                while isSpace(k) { k += 1 }
                guard k > last + 1, isHan(k), !isHan(k + 1) else { break }
                last = k
                count += 1
            }
            if count >= 2 {
                let end = last + 1 < chars.count ? chars[last + 1] : text.endIndex
                found.append(chars[i]..<end)
            }
            i = last + 1
        }
        return found
    }
}
