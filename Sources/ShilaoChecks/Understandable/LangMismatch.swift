import ShilaoCore
import ShilaoDOM

/// WCAG 3.1.1: the declared page language is the language of its text. A page whose body text
/// is mostly Han characters under a non-Chinese `lang` fails (screen readers then read Chinese
/// with, say, an English voice), as does a `zh` page with almost no Han text. Parts that
/// declare their own `lang` are left out; too little text, or a missing or invalid `lang`
/// (other checks report those), is inapplicable.
struct LangMismatch: BuiltInCheck {
    static let id = "lang-mismatch"
    /// Fewer letters than this and the page says too little to judge.
    static let minimumLetters = 20
    /// A `zh` page with Han characters under 5% of its letters has no Chinese text to speak of.
    static let chineseMinimumShare = 0.05
    /// Chinese languages besides `zh` itself (Cantonese, Wu, Min Nan, Hakka, classical Chinese, …).
    static let chineseSubtags: Set<String> = ["zh", "cmn", "yue", "wuu", "nan", "hak", "gan", "hsn", "cjy", "cdo", "cpx", "czh", "mnp", "lzh"]

    struct Letters {
        var han = 0
        /// Letters of other scripts, Latin above all; kana and hangul are counted apart so
        /// Japanese and Korean pages, which use Han characters too, are not taken for Chinese.
        var other = 0
        var kanaOrHangul = 0
        var total: Int { han + other + kanaOrHangul }
    }

    func run(on page: Page, into results: inout Results) {
        guard let root = page.document.root, let body = page.document.body,
              let lang = root.attribute("lang"), LanguageTags.isValid(lang),
              let primary = LanguageTags.primarySubtag(lang) else { return }
        let letters = LangMismatch.count(body)
        guard letters.total >= LangMismatch.minimumLetters else { return }
        let declared = lang.trimmed(.whitespaces)
        if LangMismatch.chineseSubtags.contains(primary) {
            if Double(letters.han) < Double(letters.total) * LangMismatch.chineseMinimumShare {
                results.fail(root, "fail.no-chinese", ["lang": declared])
            } else {
                results.pass(root)
            }
        } else if letters.han > letters.other + letters.kanaOrHangul * 4 {
            let share = Int((Double(letters.han) * 100 / Double(letters.total)).rounded())
            results.fail(root, "fail.chinese", ["lang": declared, "share": String(share)])
        } else {
            results.pass(root)
        }
    }

    /// Letters of the text under `element` that is in the page's language.
    static func count(_ element: Element) -> Letters {
        var letters = Letters()
        var stack: [ChildNode] = element.childNodes.reversed()
        while let node = stack.popLast() {
            switch node {
            case .text(let text):
                for scalar in text.unicodeScalars where scalar.quickIsAlphabetic {
                    if PageText.isHan(scalar) {
                        letters.han += 1
                    } else if (0x3040...0x30FF).contains(scalar.value) || (0xAC00...0xD7AF).contains(scalar.value) {
                        letters.kanaOrHangul += 1
                    } else {
                        letters.other += 1
                    }
                }
            case .element(let child) where !PageText.hiddenText.contains(child.name) && !child.hasAttribute("lang"):
                stack.append(contentsOf: child.childNodes.reversed())
            case .element:
                break
            }
        }
        return letters
    }
}
