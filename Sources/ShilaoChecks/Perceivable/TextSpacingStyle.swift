import ShilaoCore
import ShilaoDOM
import ShilaoStyle

/// ACT 24afc2, 78fd32, 9e45ec (WCAG 1.4.12): letter, word and line spacing fixed with
/// `!important` in a `style` attribute cannot be widened by a reader's own styles, so each
/// must already reach the WCAG text-spacing value. Targets are elements with visible text of
/// their own whose cascaded value comes from that attribute; `inherit` and `unset` hand the
/// parent's value down and are not the attribute's doing.
struct TextSpacingStyle: BuiltInCheck {
    static let id = "text-spacing-style"

    struct Spacing: Sendable {
        let property: CSSProperty
        /// Declarations that set the property: itself and its shorthand, if any.
        let names: Set<String>
        /// The WCAG 1.4.12 minimum as a multiple of the font size.
        let factor: Double
        let used: @Sendable (ComputedStyle) -> Double
    }

    static let spacings = [
        Spacing(property: .letterSpacing, names: ["letter-spacing"], factor: 0.12) { $0.letterSpacing ?? 0 },
        Spacing(property: .wordSpacing, names: ["word-spacing"], factor: 0.16) { $0.wordSpacing ?? 0 },
        Spacing(property: .lineHeight, names: ["line-height", "font"], factor: 1.5) { $0.lineHeightPixels },
    ]

    static let deferring: Set<String> = ["inherit", "unset", "revert", "revert-layer"]

    func run(on page: Page, into results: inout Results) {
        for element in page.document.elements where element.hasAttribute("style") && VisibleText.hasOwnText(element) {
            guard VisibleText.isOnScreen(element, in: page) else { continue }
            let style = page.style.style(of: element)
            let declared = page.style.inlineDeclarations(of: element)
            for spacing in Self.spacings {
                guard let source = style.source(of: spacing.property), source.origin == .inlineStyle, source.important,
                      let winner = declared.last(where: { $0.important && spacing.names.contains($0.property.lowercased()) }),
                      !Self.deferring.contains(winner.value.trimmed(.whitespaces).lowercased())
                else { continue }
                // Line height only matters between lines: text on a single line is left alone.
                if spacing.property == .lineHeight, !Self.wraps(element, style: style, page: page) { continue }
                let used = spacing.used(style)
                let required = spacing.factor * style.fontSize
                // A hundredth of a pixel of slack for em and percentage arithmetic.
                if used + 0.01 >= required {
                    results.pass(element)
                } else {
                    results.fail(element, "fail.\(spacing.property.name)", [
                        "value": NumberText.format(used, digits: 2), "required": NumberText.format(required, digits: 2),
                        "size": NumberText.format(style.fontSize),
                    ])
                }
            }
        }
    }

    /// Whether the text takes more than one line: a `<br>` inside, or an estimated width beyond
    /// the room it has.
    static func wraps(_ element: Element, style: ComputedStyle, page: Page) -> Bool {
        if element.descendants.contains(where: { $0.isNamed("br") }) { return true }
        return textWidth(element, style: style) > availableWidth(element, page: page)
    }

    /// The text on one line, estimated: a full em per CJK character, half an em per other one.
    static func textWidth(_ element: Element, style: ComputedStyle) -> Double {
        let text = element.textContent.split(whereSeparator: \.quickIsWhitespace).joined(separator: " ")
        let spacing = style.letterSpacing ?? 0
        return text.unicodeScalars.reduce(0.0) { total, scalar in
            total + (isWide(scalar) ? style.fontSize : style.fontSize / 2) + spacing
        }
    }

    /// The nearest fixed width or max-width up the tree (else the viewport), less the padding,
    /// borders and margins of the boxes in between.
    static func availableWidth(_ element: Element, page: Page) -> Double {
        var insets = 0.0
        var current: Element? = element
        while let node = current {
            let style = page.style.style(of: node)
            let limits = [style.width.pixels, style.maxWidth.pixels].compactMap { $0 }
            if let narrowest = limits.min() { return narrowest - insets }
            let sides = [style.padding.left, style.padding.right, style.margin.left, style.margin.right]
            insets += sides.compactMap(\.pixels).reduce(0, +) + style.border.left.width + style.border.right.width
            current = node.parent
        }
        return page.style.viewport.width - insets
    }

    /// CJK ideographs, kana, hangul and full-width forms take a full em.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFF60, 0x20000...0x3FFFF: return true
        default: return false
        }
    }
}
