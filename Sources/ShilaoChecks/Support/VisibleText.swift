import ShilaoCore
import ShilaoDOM
import ShilaoStyle

/// Elements whose own text a sighted reader sees: the targets of the checks that judge how text
/// looks (contrast, spacing, size). `aria-hidden` text is left in: it is hidden from screen
/// readers, not from eyes.
enum VisibleText {
    /// Boxes that are drawn but whose content is not HTML text: SVG and MathML, embedded media
    /// and frames (fallback content), and menus the system draws.
    static let foreignContent: Set<String> = ["svg", "math", "canvas", "video", "audio", "object", "iframe", "select"]
    /// Elements whose text is never drawn as page text.
    static let undrawnText: Set<String> = ["option", "optgroup", "datalist", "script", "style", "template", "noscript", "title"]

    /// Boxes moved at least this far off the top or left of the page cannot be scrolled into
    /// view (`left: -9999px`, `text-indent: -9999em` image replacement).
    static let offScreen = -1000.0

    /// Every element, in document order, with a non-blank text node child that is on screen.
    static func elements(of page: Page) -> [Element] {
        // One walk that prunes what hides its subtree: asking `isOnScreen` of every element
        // would climb its ancestors each time, quadratic on deep pages.
        var result: [Element] = []
        page.document.root?.walk(from: ()) { element, _ in
            let style = page.style.style(of: element)
            if style.display == "none" || hides(element, style) { return nil }
            if hasOwnText(element), drawsOwnText(style) { result.append(element) }
            return foreignContent.contains(element.name) ? nil : ()
        }
        return result
    }

    /// A text node child with something other than white space.
    static func hasOwnText(_ element: Element) -> Bool {
        element.ownText.contains { !$0.quickIsWhitespace }
    }

    /// Whether the element (and its own text) is drawn where it can be seen: rendered, visible,
    /// not inside SVG, MathML or fallback content, not transparent, not zero-sized, not clipped to a
    /// pixel (the "visually hidden" pattern) and not moved off screen.
    static func isOnScreen(_ element: Element, in page: Page) -> Bool {
        page.memo.value("VisibleText.onScreen") { OnScreen(page.style) }.answer(element)
    }

    /// `isOnScreen` of each element, answered once: several checks ask it of every element.
    private final class OnScreen {
        let engine: StyleEngine
        let hidden: InheritedFlag
        let foreign = InheritedFlag { VisibleText.foreignContent.contains($0.name) }
        var known = ElementMemo<Bool>()

        init(_ engine: StyleEngine) {
            self.engine = engine
            hidden = InheritedFlag { VisibleText.hides($0, engine.style(of: $0)) }
        }

        func answer(_ element: Element) -> Bool {
            if let answer = known[element] { return answer }
            let answer = engine.isRendered(element) && VisibleText.drawsOwnText(engine.style(of: element))
                && !hidden.selfOrAncestor(element) && !foreign.anyAncestor(element)
            known[element] = answer
            return answer
        }
    }

    /// The element's own settings let its text show: visible, a size, not indented off screen.
    private static func drawsOwnText(_ style: ComputedStyle) -> Bool {
        style.visibility == .visible && style.fontSize > 0 && !isBefore(style.textIndent)
    }

    /// What keeps the element's text and everything inside it from being seen: text that is
    /// never drawn, full transparency, a box moved off screen, or one clipped to a pixel.
    private static func hides(_ node: Element, _ style: ComputedStyle) -> Bool {
        if undrawnText.contains(node.name) || style.opacity <= 0 { return true }
        if style.position == .absolute || style.position == .fixed,
           isBefore(style.inset.top) || isBefore(style.inset.left) {
            return true
        }
        return (style.overflowX != "visible" || style.overflowY != "visible")
            && (isAtMostOnePixel(style.width) || isAtMostOnePixel(style.height))
    }

    private static func isBefore(_ length: CSSLength) -> Bool {
        length.pixels.map { $0 <= offScreen } ?? false
    }

    private static func isAtMostOnePixel(_ length: CSSLength) -> Bool {
        length.pixels.map { $0 <= 1 } ?? false
    }

    // MARK: Text holders, for the size and spacing checks

    /// Elements in the body whose own text (direct text children) holds a letter or digit and
    /// is drawn: rendered, `visibility: visible`, not in a visually hidden box (a 1px clipped
    /// `.sr-only` box, opacity 0, font size 0), in document order. Text of only symbols
    /// (`·`, `|`, `>>`) is decoration, not reading matter.
    static func holders(in page: Page) -> [Element] {
        page.memo.value("VisibleText.holders") {
            guard let body = page.document.body else { return [] }
            var result: [Element] = []
            body.walk(from: false) { element, hiddenAbove in
                guard !PageText.hiddenText.contains(element.name) else { return nil }
                let style = page.style.style(of: element)
                guard style.display != "none" else { return nil }
                let hidden = hiddenAbove || isVisuallyHidden(style)
                if !hidden, style.visibility == .visible, hasReadableText(element.ownText) {
                    result.append(element)
                }
                return hidden
            }
            return result
        }
    }

    /// A box that hides what is in it from sight while keeping it for screen readers.
    static func isVisuallyHidden(_ style: ComputedStyle) -> Bool {
        if style.opacity == 0 || style.fontSize == 0 { return true }
        guard style.overflowX != "visible" else { return false }
        return [style.width, style.height].contains { ($0.pixels ?? .infinity) <= 1 }
    }

    static func hasReadableText(_ text: String) -> Bool {
        text.contains { $0.quickIsLetter || $0.isNumber }
    }

    /// The readable characters of `text` (whitespace and symbols left out), for length thresholds.
    static func readableCount(_ text: String) -> Int {
        text.reduce(0) { $1.quickIsLetter || $1.isNumber ? $0 + 1 : $0 }
    }

    /// Each element's block and each block's readable length (see `TextBlocks`), for the page.
    static func blocks(of page: Page) -> TextBlocks {
        page.memo.value("VisibleText.blocks") { TextBlocks(page.style) }
    }
}

/// Each element's block and each block's readable length, remembered for the page: a block
/// with many inline children would otherwise be climbed to and read once per child. It holds
/// the page's style engine, not the page: the page's memo holds it, and must not be held back.
final class TextBlocks {
    /// The nearest block ancestor-or-self; nil where there is none up to the root.
    private let blocks: AncestorMemo<Element?>
    private var lengths = ElementMemo<Int>()

    init(_ style: StyleEngine) {
        blocks = AncestorMemo { element, above in
            ["inline", "contents"].contains(style.style(of: element).display) ? above ?? nil : element
        }
    }

    /// The nearest ancestor-or-self that lays out as a block (block, list item, table cell…),
    /// whose line height sets the lines the text sits on.
    func block(of element: Element) -> Element {
        blocks.value(of: element) ?? element
    }

    /// The readable characters of the block's visible text, counted once per block.
    func readableLength(of block: Element) -> Int {
        if let known = lengths[block] { return known }
        let length = VisibleText.readableCount(PageText.visible(block))
        lengths[block] = length
        return length
    }
}
