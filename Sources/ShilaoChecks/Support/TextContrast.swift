import Foundation
import ShilaoCore
import ShilaoDOM
import ShilaoStyle

/// The contrast judgement shared by `text-contrast` (AA) and `text-contrast-enhanced` (AAA),
/// after ACT afw4f7 and 09o5cg. A failure is only reported when the engine knows both colours
/// and nothing it cannot see (a text shadow, a sheet that did not load) could change them:
/// false alarms about contrast are what users trust a tool least for.
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

    func run(on page: Page, into results: inout Results) {
        let exempt = DisabledText(page)
        // Unknown backgrounds are reported once per cause (one banner image behind twenty links).
        var unknown: [String: (element: Element, count: Int)] = [:]
        var unknownOrder: [String] = []
        for element in VisibleText.elements(of: page) where !exempt.covers(element) {
            let text = element.ownText
            // Only text in a human language: punctuation rows, symbols and icon-font glyphs (Private
            // Use Area characters are not letters) are left to non-text contrast.
            let letters = text.filter { $0.isLetter || $0.isNumber }
            guard !letters.isEmpty else { continue }
            switch page.style.colors(of: element) {
            case .unknown(let reason):
                if let seen = unknown[reason] {
                    unknown[reason] = (seen.element, seen.count + 1)
                } else {
                    unknown[reason] = (element, 1)
                    unknownOrder.append(reason)
                }
            case .known(let pair):
                judge(element, pair: pair, letters: letters, page: page, into: &results)
            }
        }
        for reason in unknownOrder {
            let (element, count) = unknown[reason]!
            results.review(element, "review.unknown", ["reason": reason, "count": String(count)])
        }
    }

    private func judge(_ element: Element, pair: ColorPair, letters: String, page: Page, into results: inout Results) {
        let ratio = pair.contrastRatio
        guard ratio >= Self.sameColour else { return }
        let style = page.style.style(of: element)
        let required = Self.isLarge(style) ? large : normal
        guard ratio < required else {
            results.pass(element)
            return
        }
        var data = [
            "ratio": NumberText.format(ratio, digits: 2), "required": NumberText.format(required, digits: 1),
            "foreground": pair.foreground.description, "background": pair.background.description,
            "size": NumberText.format(style.fontSize, digits: 1),
        ]
        if style.hasTextShadow {
            results.review(element, "review.shadow", data)
        } else if letters.count == 1, Self.isNamedApart(element, letters: letters) {
            results.review(element, "review.symbol", data)
        } else if !page.style.problems.isEmpty {
            data["sheets"] = page.style.problems.joined(separator: "; ")
            results.review(element, "review.sheet", data)
        } else if notesMIIT, Self.isLargeForMIIT(style), !Self.isLarge(style), ratio >= large {
            results.fail(element, "fail.miit", data)
        } else {
            results.fail(element, "fail", data)
        }
    }

    /// A lone character inside a control named by `aria-label` or `aria-labelledby` that does
    /// not contain it (a button "X" named "关闭"): the character is used as an icon.
    static func isNamedApart(_ element: Element, letters: String) -> Bool {
        var current: Element? = element
        for _ in 0..<4 {
            guard let node = current else { return false }
            if let label = node.attribute("aria-label"), !label.allSatisfy(\.isWhitespace) {
                return !label.contains(letters)
            }
            if node.attribute("aria-labelledby") != nil { return true }
            current = node.parent
        }
        return false
    }
}
