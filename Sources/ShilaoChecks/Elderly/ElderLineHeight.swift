import ShilaoCore
import ShilaoDOM

/// Line spacing inside paragraphs is at least 1.3 × the font size, `normal` counting as 1.2
/// (MIIT app 1.2, a requirement on every screen; WCAG 1.4.8/1.4.12 ask more). Judged on text
/// in paragraphs, list items, table cells and article bodies long enough to wrap.
struct ElderLineHeight: BuiltInCheck {
    static let id = "elder-line-height"

    static let minimumRatio = 1.3
    static let paragraphContainers: Set<String> = ["p", "li", "td", "th", "dd", "blockquote"]
    /// Readable characters a block needs before it may run onto a second line: one-line text
    /// has no line spacing to read across.
    static let wrappingLength = 20

    func run(on page: Page, into results: inout Results) {
        var judgements = TextJudgements()
        let blocks = VisibleText.blocks(of: page)
        for element in ElderLineHeight.paragraphText(in: page) {
            let block = blocks.block(of: element)
            guard blocks.readableLength(of: block) >= ElderLineHeight.wrappingLength else { continue }
            let style = page.style.style(of: element)
            guard style.fontSize > 0 else { continue }
            // An inline element's lines are at least as tall as its block's strut.
            let lineHeight = max(style.lineHeightPixels, page.style.style(of: block).lineHeightPixels)
            let ratio = lineHeight / style.fontSize
            if ratio < ElderLineHeight.minimumRatio - 0.005 {
                judgements.add(element, block: block, .failed, "fail", [
                    "ratio": ElderLineHeight.format(ratio), "lineHeight": NumberText.format(lineHeight),
                    "size": NumberText.format(style.fontSize),
                ])
            } else {
                judgements.pass(element)
            }
        }
        judgements.report(into: &results)
    }

    /// Text holders in a paragraph-like container, headings and controls left out as for font size.
    static func paragraphText(in page: Page) -> [Element] {
        let excluded = ElderFontSize.excludedFlag(in: page)
        let paragraph = page.memo.value("ElderLineHeight.paragraph") {
            InheritedFlag { paragraphContainers.contains($0.name) || $0.isNamed("article") || ElderFontSize.isArticleBody($0) }
        }
        return VisibleText.holders(in: page).filter { !excluded.selfOrAncestor($0) && paragraph.selfOrAncestor($0) }
    }

    /// 1.17: two decimals are what a webmaster compares with 1.3.
    static func format(_ ratio: Double) -> String {
        let hundredths = Int((ratio * 100).rounded())
        let decimals = hundredths % 100
        return "\(hundredths / 100)." + (decimals < 10 ? "0\(decimals)" : "\(decimals)")
    }
}
