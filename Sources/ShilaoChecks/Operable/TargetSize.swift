import ShilaoCore
import ShilaoDOM
import ShilaoStyle

/// WCAG 2.5.8 (24px) and MIIT app 2.1 (44px in the mobile view, 60px on elder pages): links,
/// buttons and form fields are big enough to hit. A size is judged only where CSS fixes it
/// (width, height, their minimums, padding and line height of a one-line box); links inside a
/// sentence and controls the browser sizes by itself are exempt, as WCAG says. Where the CSS
/// leaves the size open, elder and mobile pages get a review and ordinary desktop pages nothing.
///
/// WCAG lets an undersized target pass when a 24px circle around it touches no other target.
/// It fails here only where that cannot hold: a small box laid over another target, or a row
/// or column of targets closer than 24px centre to centre. Other undersized targets are a
/// review. The MIIT sizes have no such exception.
struct TargetSize: BuiltInCheck {
    static let id = "target-size"

    static let controls: Set<String> = ["button", "input", "select", "textarea"]
    static let targetRoles: Set<String> = ["button", "link", "checkbox", "radio", "switch", "tab", "menuitem", "option"]
    static let blockLevel: Set<String> = ["block", "list-item", "flex", "grid", "table", "flow-root"]

    /// A lower and an upper bound of one side of the border box, in px.
    struct Extent {
        var low: Double
        var high: Double
    }

    func run(on page: Page, into results: inout Results) {
        let elder = PageKind.isElderPage(page)
        let mobile = page.style.viewport == .mobile
        let required: Double = elder ? 60 : mobile ? 44 : 24
        let source = elder ? "elder" : mobile ? "mobile" : "wcag"
        // Reviews of alike targets (one tag, one class) are reported once with their count:
        // a list of two hundred links styled by one rule is one thing to check.
        var reviews: [String: (element: Element, key: String, data: [String: String], count: Int)] = [:]
        var order: [String] = []
        func review(_ element: Element, _ key: String, _ data: [String: String]) {
            let group = [key, element.name, element.attribute("class") ?? ""].joined(separator: "\u{0}")
            if let seen = reviews[group] {
                reviews[group]?.count = seen.count + 1
            } else {
                reviews[group] = (element, key, data, 1)
                order.append(group)
            }
        }
        for element in page.document.elements where Self.isTarget(element, page: page) {
            guard !Self.isInSentence(element, page: page), !Self.isSizedByBrowser(element, page: page) else { continue }
            let style = page.style.style(of: element)
            let (width, height) = Self.size(element, style: style, page: page)
            let small = [width, height].contains { $0.map { $0.high < required } ?? false }
            let data = ["required": NumberText.format(required), "size": Self.describe(width, height)]
            if small {
                if source != "wcag" {
                    results.fail(element, "fail.\(source)", data)
                } else if Self.crowds(element, style: style, width: width, height: height, page: page) {
                    results.fail(element, "fail.wcag", data)
                } else {
                    review(element, "review.spacing", data)
                }
            } else if let height, height.low >= required, width.map({ $0.low >= required }) ?? Self.fillsLine(style, display: Self.display(of: element, page: page)) {
                results.pass(element)
            } else if source != "wcag" {
                review(element, "review.\(source)", ["required": NumberText.format(required)])
            }
        }
        for group in order {
            let item = reviews[group]!
            results.review(item.element, item.key, item.data.merging(["count": String(item.count)]) { $1 })
        }
    }

    /// Links, buttons, form fields and elements given such a role that take keyboard focus.
    static func isTarget(_ element: Element, page: Page) -> Bool {
        let tree = page.accessibility
        guard tree.isFocusable(element), !DisabledText.isDisabled(element, in: page) else { return false }
        if let tabindex = element.attribute("tabindex").flatMap(htmlInteger), tabindex < 0 { return false }
        switch element.name {
        case "a", "button", "select", "textarea", "summary": break
        case "input": guard element.attribute("type")?.lowercased() != "hidden" else { return false }
        default:
            guard let role = tree.role(of: element), targetRoles.contains(role) else { return false }
        }
        return VisibleText.isOnScreen(element, in: page)
    }

    /// An inline link inside running text (WCAG's inline exception): its parent holds text of
    /// its own besides the link.
    static func isInSentence(_ element: Element, page: Page) -> Bool {
        guard page.style.style(of: element).display == "inline", let parent = element.parent else { return false }
        return VisibleText.hasOwnText(parent)
    }

    /// A form control whose size no author style touches (WCAG's user agent exception).
    static func isSizedByBrowser(_ element: Element, page: Page) -> Bool {
        guard controls.contains(element.name) else { return false }
        let style = page.style.style(of: element)
        let sizing: [CSSProperty] = [.width, .height, .minWidth, .minHeight, .paddingTop, .paddingBottom, .paddingLeft,
                                     .paddingRight, .fontSize, .lineHeight, .borderTopWidth, .borderBottomWidth]
        return !sizing.contains { property in
            guard let source = style.source(of: property) else { return false }
            return source.origin != .userAgent
        }
    }

    /// The border box as far as CSS fixes it. Inline boxes ignore width and height; their size
    /// follows the text (unknown here) unless they only hold an image of fixed size.
    static func size(_ element: Element, style: ComputedStyle, page: Page) -> (width: Extent?, height: Extent?) {
        if display(of: element, page: page) == "inline", !controls.contains(element.name) {
            guard let image = image(in: element, page: page) else { return (nil, nil) }
            return (Extent(low: image.width, high: image.width), Extent(low: image.height, high: image.height))
        }
        let frame = style.border.left.width + style.border.right.width
        var width = side(style.width, minimum: style.minWidth, padding: [style.padding.left, style.padding.right], border: frame)
        // A shrink-to-fit box is at least about as wide as its text: a lower bound only, for passing.
        if width == nil, display(of: element, page: page).hasPrefix("inline"),
           element.descendants.contains(where: VisibleText.hasOwnText) || VisibleText.hasOwnText(element), let padding = pixels([style.padding.left, style.padding.right]) {
            width = Extent(low: 0.8 * TextSpacingStyle.textWidth(element, style: style) + padding + frame, high: .infinity)
        }
        return (width, height(element, style: style, page: page))
    }

    static func height(_ element: Element, style: ComputedStyle, page: Page) -> Extent? {
        if let fixed = side(style.height, minimum: style.minHeight, padding: [style.padding.top, style.padding.bottom],
                            border: style.border.top.width + style.border.bottom.width) {
            return fixed
        }
        // A box of one line of text: its line height plus padding and border.
        guard VisibleText.hasOwnText(element) || element.descendants.contains(where: VisibleText.hasOwnText),
              let padding = pixels([style.padding.top, style.padding.bottom]) else { return nil }
        let line = style.lineHeightPixels + padding + style.border.top.width + style.border.bottom.width
        // The upper bound holds only for text that clearly fits on one line (estimates are rough).
        let oneLine = !element.descendants.contains(where: { $0.isNamed("br") })
            && TextSpacingStyle.textWidth(element, style: style) < 0.8 * TextSpacingStyle.availableWidth(element, page: page)
        return Extent(low: line, high: oneLine ? line : .infinity)
    }

    /// One side from a fixed length, between the border-box and content-box readings; a
    /// minimum alone gives only a lower bound.
    static func side(_ length: CSSLength, minimum: CSSLength, padding: [CSSLength], border: Double) -> Extent? {
        let least = minimum.pixels ?? 0
        guard let fixed = length.pixels else { return least > 0 ? Extent(low: least, high: .infinity) : nil }
        guard let padding = pixels(padding) else { return Extent(low: max(fixed, least), high: .infinity) }
        return Extent(low: max(fixed, least), high: max(fixed, least) + padding + border)
    }

    static func pixels(_ lengths: [CSSLength]) -> Double? {
        lengths.reduce(Optional(0.0)) { sum, length in sum.flatMap { total in length.pixels.map { total + $0 } } }
    }

    /// The display, with children of flex and grid containers made block-level as browsers do.
    static func display(of element: Element, page: Page) -> String {
        let own = page.style.style(of: element).display
        guard own.hasPrefix("inline"), let parent = element.parent else { return own }
        let outer = page.style.style(of: parent).display
        return ["flex", "inline-flex", "grid", "inline-grid"].contains(outer) ? "block" : own
    }

    /// A block-level box with no set width spans its container's line.
    static func fillsLine(_ style: ComputedStyle, display: String) -> Bool {
        blockLevel.contains(display) && style.width.pixels == nil && style.position != .absolute && style.position != .fixed
    }

    /// The only content is one image with a fixed width and height.
    static func image(in element: Element, page: Page) -> (width: Double, height: Double)? {
        guard !VisibleText.hasOwnText(element), element.children.count == 1, let image = element.children.first,
              image.isNamed("img") else { return nil }
        let style = page.style.style(of: image)
        let width = style.width.pixels ?? image.attribute("width").flatMap(htmlInteger).map(Double.init)
        let height = style.height.pixels ?? image.attribute("height").flatMap(htmlInteger).map(Double.init)
        guard let width, let height else { return nil }
        return (width, height)
    }

    /// Whether another target is certainly within the 24px circle: this box is laid over a
    /// parent that holds another target, or sits in a row (inline boxes) or column (block
    /// boxes) next to a target with less than 24px from its start to the next one's.
    static func crowds(_ element: Element, style: ComputedStyle, width: Extent?, height: Extent?, page: Page) -> Bool {
        let neighbours = [element.previousElementSibling, element.nextElementSibling].compactMap { $0 }
            .filter { isTarget($0, page: page) || $0.descendants.contains { isTarget($0, page: page) } }
        if style.position == .absolute || style.position == .fixed {
            return element.parent.map { parent in
                parent.descendants.contains { $0 != element && !element.descendants.contains($0) && isTarget($0, page: page) }
            } ?? false
        }
        guard !neighbours.isEmpty else { return false }
        let inRow = display(of: element, page: page) != style.display
        if style.display.hasPrefix("inline") || inRow {
            let gap = (style.margin.left.pixels ?? 0) + (style.margin.right.pixels ?? 0)
            return (width?.high ?? .infinity) + gap < 24
        }
        let gap = (style.margin.top.pixels ?? 0) + (style.margin.bottom.pixels ?? 0)
        return (height?.high ?? .infinity) + gap < 24
    }

    static func describe(_ width: Extent?, _ height: Extent?) -> String {
        func side(_ extent: Extent?) -> String {
            guard let extent else { return "?" }
            if extent.high.isInfinite { return "≥" + NumberText.format(extent.low) }
            if extent.high == extent.low { return NumberText.format(extent.low) }
            return NumberText.format(extent.low) + "–" + NumberText.format(extent.high)
        }
        return side(width) + "×" + side(height)
    }
}
