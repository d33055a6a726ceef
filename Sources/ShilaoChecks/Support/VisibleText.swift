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
        page.document.elements.filter { element in
            hasOwnText(element) && isOnScreen(element, in: page)
        }
    }

    /// A text node child with something other than white space.
    static func hasOwnText(_ element: Element) -> Bool {
        element.ownText.contains { !$0.isWhitespace }
    }

    /// Whether the element (and its own text) is drawn where it can be seen: rendered, visible,
    /// not inside SVG, MathML or fallback content, not transparent, not zero-sized, not clipped to a
    /// pixel (the "visually hidden" pattern) and not moved off screen.
    static func isOnScreen(_ element: Element, in page: Page) -> Bool {
        let engine = page.style
        guard engine.isRendered(element) else { return false }
        let own = engine.style(of: element)
        guard own.visibility == .visible, own.fontSize > 0, !isBefore(own.textIndent) else { return false }
        var current: Element? = element
        while let node = current {
            if undrawnText.contains(node.name) || (node != element && foreignContent.contains(node.name)) { return false }
            let style = engine.style(of: node)
            if style.opacity <= 0 { return false }
            if style.position == .absolute || style.position == .fixed,
               isBefore(style.inset.top) || isBefore(style.inset.left) {
                return false
            }
            if style.overflowX != "visible" || style.overflowY != "visible",
               isAtMostOnePixel(style.width) || isAtMostOnePixel(style.height) {
                return false
            }
            current = node.parent
        }
        return true
    }

    private static func isBefore(_ length: CSSLength) -> Bool {
        length.pixels.map { $0 <= offScreen } ?? false
    }

    private static func isAtMostOnePixel(_ length: CSSLength) -> Bool {
        length.pixels.map { $0 <= 1 } ?? false
    }
}
