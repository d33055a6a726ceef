import Foundation
import ShilaoCore
import ShilaoDOM
import ShilaoStyle

/// The contrast judgement shared by `text-contrast` (AA) and `text-contrast-enhanced` (AAA),
/// after ACT afw4f7 and 09o5cg. The engine bounds the contrast over everything behind the text
/// it can read (flat colours, gradients, the text's own shadows): the text passes when even the
/// lowest bound meets the requirement and fails when even the highest does not. A failure is
/// only reported when nothing the engine cannot see (a sheet that did not load) could change
/// it: false alarms about contrast are what users trust a tool least for.
struct TextContrast {
    /// Required ratios for ordinary and for large text.
    let normal: Double
    let large: Double
    /// Add the MIIT reading of "large" (over 18px) to failures where it differs (AA only).
    let notesMIIT: Bool

    /// WCAG large scale text: 18pt (24px), or 14pt (18.66px) bold.
    static func isLarge(_ style: ComputedStyle) -> Bool {
        style.fontSize >= 24 || (style.fontSize >= 18.66 && style.fontWeight >= 700)
    }

    /// MIIT app spec 1.3: text larger than 18 dp/pt needs 3:1.
    static func isLargeForMIIT(_ style: ComputedStyle) -> Bool {
        style.fontSize > 18
    }

    /// Composited colours closer than this are the same colour: text that is not drawn at all
    /// in effect, which the contrast requirement does not cover (ACT afw4f7 assumptions).
    static let sameColour = 1.01

    /// What both contrast checks judge on a page, worked out once for the two of them: the
    /// shadow hosts to review, and each text element with its letters and contrast bounds.
    struct PageTexts {
        var hosts: [(element: Element, madeBy: String)] = []
        var texts: [(element: Element, letters: String, contrast: TextContrastResult)] = []
    }

    static func texts(of page: Page) -> PageTexts {
        page.memo.value("TextContrast.texts") {
            var found = PageTexts()
            let exempt = DisabledText(page)
            // A shadow root decides what its host shows: review the host, judge nothing under it.
            let shadowHosts = ShadowHosts(page)
            found.hosts = shadowHosts.hosts.filter { VisibleText.isOnScreen($0.element, in: page) && !exempt.covers($0.element) }
            for element in VisibleText.elements(of: page) where !exempt.covers(element) && !shadowHosts.covers(element) {
                // Only text in a human language: punctuation rows, symbols and icon-font glyphs
                // (Private Use Area characters are not letters) are left to non-text contrast.
                let letters = element.ownText.filter { $0.quickIsLetter || $0.isNumber }
                guard !letters.isEmpty else { continue }
                found.texts.append((element, letters, page.style.textContrast(of: element)))
            }
            return found
        }
    }

    func run(on page: Page, into results: inout Results) {
        let judged = Self.texts(of: page)
        for (host, madeBy) in judged.hosts {
            results.review(host, "review.shadow-root", ["how": madeBy])
        }
        // Unknown backgrounds are reported once per cause (one banner image behind twenty links).
        var unknown: [String: (element: Element, count: Int)] = [:]
        var unknownOrder: [String] = []
        for (element, letters, contrast) in judged.texts {
            switch contrast {
            case .unknown(let reason):
                if let seen = unknown[reason] {
                    unknown[reason] = (seen.element, seen.count + 1)
                } else {
                    unknown[reason] = (element, 1)
                    unknownOrder.append(reason)
                }
            case .known(let span):
                judge(element, span: span, letters: letters, page: page, into: &results)
            }
        }
        for reason in unknownOrder {
            let (element, count) = unknown[reason]!
            results.review(element, "review.unknown", ["reason": reason, "count": String(count)])
        }
    }

    private func judge(_ element: Element, span: ContrastSpan, letters: String, page: Page, into results: inout Results) {
        guard span.highest >= Self.sameColour else { return }
        let style = page.style.style(of: element)
        let required = Self.isLarge(style) ? large : normal
        guard span.lowest < required else {
            results.pass(element)
            return
        }
        var data = [
            "ratio": NumberText.format(span.highest, digits: 2), "lowest": NumberText.format(span.lowest, digits: 2),
            "required": NumberText.format(required, digits: 1), "foreground": span.foreground.description,
            "background": span.backgrounds.map(\.description).joined(separator: " → "),
            "halo": span.halo.reduce(into: [String]()) { if !$0.contains($1.description) { $0.append($1.description) } }
                .joined(separator: ", "),
            "size": NumberText.format(style.fontSize, digits: 1),
        ]
        guard span.highest < required else {
            // Meets the requirement on part of what is behind it and not on the rest.
            if span.shadowMatters {
                data["ratio"] = Self.range(span.lowestWithoutShadow, span.highestWithoutShadow)
                results.review(element, "review.shadow", data)
            } else {
                results.review(element, "review.gradient", data)
            }
            return
        }
        // Messages that name the text and background colours give their ratio; the halo's own
        // message gives the ratio beside the glyphs.
        let named = NumberText.format(span.highestWithoutShadow, digits: 2)
        let haloFails = span.shadowMatters && span.highestWithoutShadow >= required
        if letters.count == 1, Self.isNamedApart(element, letters: letters) {
            data["ratio"] = named
            results.review(element, "review.symbol", data)
        } else if !page.style.problems.isEmpty {
            data["ratio"] = named
            // The page's record lists them all; a finding names the first two.
            let problems = page.style.problems
            data["sheets"] = problems.prefix(2).joined(separator: "; ") + (problems.count > 2 ? "; …" : "")
            results.review(element, "review.sheet", data)
        } else if haloFails {
            // Only the halo of its own shadow makes the text fail: say so, or the colours named would pass.
            results.fail(element, "fail.shadow", data)
        } else {
            data["ratio"] = named
            let miit = notesMIIT && Self.isLargeForMIIT(style) && !Self.isLarge(style)
                && min(span.highestWithoutShadow, span.highest) >= large
            results.fail(element, miit ? "fail.miit" : "fail", data)
        }
    }

    /// A ratio, or the span of ratios when they differ (`2.32–5.74`).
    static func range(_ low: Double, _ high: Double) -> String {
        let a = NumberText.format(low, digits: 2), b = NumberText.format(high, digits: 2)
        return a == b ? a : a + "–" + b
    }

    /// A lone character inside a control named by `aria-label` or `aria-labelledby` that does
    /// not contain it (a button "X" named "关闭"): the character is used as an icon.
    static func isNamedApart(_ element: Element, letters: String) -> Bool {
        var current: Element? = element
        for _ in 0..<4 {
            guard let node = current else { return false }
            if let label = node.attribute("aria-label"), !label.allSatisfy(\.quickIsWhitespace) {
                return !label.contains(letters)
            }
            if node.attribute("aria-labelledby") != nil { return true }
            current = node.parent
        }
        return false
    }
}
