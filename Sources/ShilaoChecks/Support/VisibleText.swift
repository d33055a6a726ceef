import ShilaoCore
import ShilaoDOM
import ShilaoStyle

/// Text a sighted reader sees, for the checks that judge how text is drawn (size, spacing,
/// contrast): the elements that hold readable text of their own, with what hides it ruled out.
enum VisibleText {
    /// Elements in the body whose own text (direct text children) holds a letter or digit and
    /// is drawn: rendered, `visibility: visible`, not in a visually hidden box (a 1px clipped
    /// `.sr-only` box, opacity 0, font size 0), in document order. Text of only symbols
    /// (`·`, `|`, `>>`) is decoration, not reading matter.
    static func holders(in page: Page) -> [Element] {
        guard let body = page.document.body else { return [] }
        var result: [Element] = []
        var stack: [(Element, hidden: Bool)] = [(body, false)]
        while let (element, hiddenAbove) = stack.popLast() {
            guard !PageText.hiddenText.contains(element.name) else { continue }
            let style = page.style.style(of: element)
            guard style.display != "none" else { continue }
            let hidden = hiddenAbove || isVisuallyHidden(style)
            if !hidden, style.visibility == .visible, hasReadableText(element.ownText) {
                result.append(element)
            }
            stack.append(contentsOf: element.children.reversed().map { ($0, hidden) })
        }
        return result
    }

    /// A box that hides what is in it from sight while keeping it for screen readers.
    static func isVisuallyHidden(_ style: ComputedStyle) -> Bool {
        if style.opacity == 0 || style.fontSize == 0 { return true }
        guard style.overflowX != "visible" else { return false }
        return [style.width, style.height].contains { ($0.pixels ?? .infinity) <= 1 }
    }

    static func hasReadableText(_ text: String) -> Bool {
        text.contains { $0.isLetter || $0.isNumber }
    }

    /// The readable characters of `text` (whitespace and symbols left out), for length thresholds.
    static func readableCount(_ text: String) -> Int {
        text.reduce(0) { $1.isLetter || $1.isNumber ? $0 + 1 : $0 }
    }

    /// The nearest ancestor-or-self that lays out as a block (block, list item, table cell…),
    /// whose line height sets the lines the text sits on.
    static func block(of element: Element, in page: Page) -> Element {
        sequence(first: element, next: { $0.parent }).first { candidate in
            !["inline", "contents"].contains(page.style.style(of: candidate).display)
        } ?? element
    }
}
