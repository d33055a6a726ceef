import ShilaoCore
import ShilaoDOM
import ShilaoStyle

/// Paragraphs stand apart: the space between two neighbouring paragraphs (their vertical
/// margins collapsed, plus their padding) is at least 1.3 × the line height (MIIT app 1.2,
/// read as STANDARDS.md decides). Judged on sibling `p` elements that both hold prose; short
/// lines stacked as paragraphs and the footer's 主办 / 标识码 lines are not paragraphs of text.
struct ElderParagraphSpacing: BuiltInCheck {
    static let id = "elder-paragraph-spacing"

    static let minimumRatio = 1.3
    /// Readable characters that make a `p` prose rather than a one-line label.
    static let proseLength = 20

    func run(on page: Page, into results: inout Results) {
        var judgements = TextJudgements()
        guard let body = page.document.body else { return }
        for first in PageKind.outsideFooters(body) where first.isNamed("p") {
            guard let second = ElderParagraphSpacing.nextParagraph(after: first),
                  isProse(first, page), isProse(second, page) else { continue }
            let above = page.style.style(of: first)
            let below = page.style.style(of: second)
            guard let gap = ElderParagraphSpacing.gap(above, below) else { continue }
            let lineHeight = max(above.lineHeightPixels, below.lineHeightPixels)
            let needed = ElderParagraphSpacing.minimumRatio * lineHeight
            if gap < needed - 0.005 {
                judgements.add(second, block: second, .failed, "fail", [
                    "gap": NumberText.format(gap), "lineHeight": NumberText.format(lineHeight),
                    "needed": NumberText.format(needed),
                ])
            } else {
                judgements.pass(second)
            }
        }
        judgements.report(into: &results)
    }

    /// The next element sibling when it is a `p` with nothing but whitespace between them.
    static func nextParagraph(after element: Element) -> Element? {
        guard let next = element.nextElementSibling, next.isNamed("p") else { return nil }
        for node in element.followingSiblingNodes {
            switch node {
            case .element: return next
            case .text(let text): if !text.allSatisfy(PageText.isSpace) { return nil }
            }
        }
        return nil
    }

    func isProse(_ paragraph: Element, _ page: Page) -> Bool {
        page.style.isRendered(paragraph) && page.style.style(of: paragraph).visibility == .visible
            && VisibleText.readableCount(PageText.visible(paragraph)) >= ElderParagraphSpacing.proseLength
    }

    /// Space between two stacked blocks: adjoining vertical margins collapse (the largest
    /// positive plus the most negative), and padding adds. nil when a value needs layout (%).
    static func gap(_ above: ComputedStyle, _ below: ComputedStyle) -> Double? {
        guard let bottom = pixels(above.margin.bottom), let top = pixels(below.margin.top),
              let paddingBottom = pixels(above.padding.bottom), let paddingTop = pixels(below.padding.top) else { return nil }
        let margins = [bottom, top]
        let collapsed = max(0, margins.max()!) + min(0, margins.min()!)
        return collapsed + paddingBottom + paddingTop
    }

    static func pixels(_ length: CSSLength) -> Double? {
        if case .auto = length { return 0 }
        return length.pixels
    }
}
