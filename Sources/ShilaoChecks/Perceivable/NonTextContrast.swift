import ShilaoCore
import ShilaoDOM
import ShilaoStyle

/// WCAG 1.4.11 and MIIT app 1.3: icons that carry meaning and the borders of form fields stand
/// out from what is around them by 3:1; icons between 3:1 and 4.5:1 are a review, as the MIIT
/// specification asks 4.5:1 for icons. Icons are icon-font glyphs (icon classes or Private Use
/// Area text) and inline SVG painted by CSS or presentation attributes. An icon next to text
/// that says the same is decoration and is left alone; so are fields the browser draws unstyled.
struct NonTextContrast: BuiltInCheck {
    static let id = "non-text-contrast"

    static let iconClassPrefixes = ["icon-", "icon_", "fa-", "glyphicon", "iconfont", "el-icon", "layui-icon", "anticon", "bi-"]
    static let iconClasses: Set<String> = ["icon", "fa", "fas", "far", "fab", "iconfont", "glyphicon", "anticon"]
    static let shapes: Set<String> = ["path", "circle", "rect", "ellipse", "line", "polyline", "polygon", "use", "text"]
    static let textFields: Set<String> = ["", "text", "search", "tel", "url", "email", "password", "number", "date",
                                          "datetime-local", "month", "week", "time"]
    static let required = 3.0
    static let miitIcons = 4.5

    func run(on page: Page, into results: inout Results) {
        var unknown: [String: (element: Element, count: Int)] = [:]
        var order: [String] = []
        func review(_ element: Element, _ reason: String) {
            if let seen = unknown[reason] {
                unknown[reason] = (seen.element, seen.count + 1)
            } else {
                unknown[reason] = (element, 1)
                order.append(reason)
            }
        }
        for element in page.document.elements {
            if Self.isIcon(element), Self.standsAlone(element, page: page), VisibleText.isOnScreen(element, in: page) {
                switch page.style.colors(of: element) {
                case .unknown(let reason): review(element, reason)
                case .known(let pair): judgeIcon(element, paint: pair.foreground, background: pair.background, into: &results)
                }
            } else if element.isNamed("svg"), element.ancestors.allSatisfy({ !$0.isNamed("svg") }),
                      Self.isMeaningfulSVG(element, page: page), page.style.isRendered(element) {
                switch page.style.colors(of: element) {
                case .unknown(let reason): review(element, reason)
                case .known(let pair):
                    let paints = Self.paints(of: element, page: page).map { $0.over(pair.background) }
                    // The strongest paint decides: an icon is seen by its clearest part.
                    guard let best = paints.max(by: { $0.contrast(with: pair.background) < $1.contrast(with: pair.background) }) else { continue }
                    judgeIcon(element, paint: best, background: pair.background, into: &results)
                }
            } else if Self.isStyledField(element, page: page) {
                judgeField(element, page: page, into: &results, review: review)
            }
        }
        for reason in order {
            let (element, count) = unknown[reason]!
            results.review(element, "review.unknown", ["reason": reason, "count": String(count)])
        }
    }

    private func judgeIcon(_ element: Element, paint: RGBA, background: RGBA, into results: inout Results) {
        let ratio = paint.contrast(with: background)
        // Same colour as the background: nothing is drawn.
        guard ratio >= TextContrast.sameColour else { return }
        let data = ["ratio": NumberText.format(ratio, digits: 2), "foreground": paint.description, "background": background.description]
        if ratio < Self.required {
            results.fail(element, "fail.icon", data)
        } else if ratio < Self.miitIcons {
            results.review(element, "review.miit", data)
        } else {
            results.pass(element)
        }
    }

    private func judgeField(_ element: Element, page: Page, into results: inout Results, review: (Element, String) -> Void) {
        guard let parent = element.parent else { return }
        switch page.style.colors(of: parent) {
        case .unknown(let reason):
            review(element, reason)
        case .known(let around):
            let style = page.style.style(of: element)
            let outside = around.background
            let fill = style.backgroundColor.over(outside)
            let edges = style.border.sides.filter(\.isVisible).map { $0.color.over(fill) }
            // The field is told apart by its border or by its own background, whichever is clearer.
            let ratio = (edges.map { $0.contrast(with: outside) } + [fill.contrast(with: outside)]).max() ?? 1
            let shown = edges.first ?? fill
            if edges.isEmpty, ratio < Self.required {
                // A borderless field inside a framed box (a search bar) is outlined by the box.
                if Self.framedByAncestor(element, page: page) {
                    results.pass(element)
                } else {
                    results.review(element, "review.boundary", ["background": outside.description])
                }
            } else if ratio < Self.required {
                results.fail(element, "fail.border", [
                    "ratio": NumberText.format(ratio, digits: 2), "foreground": shown.description, "background": outside.description,
                ])
            } else {
                results.pass(element)
            }
        }
    }

    /// A parent or grandparent draws a border that stands out 3:1 from what is around it.
    static func framedByAncestor(_ element: Element, page: Page) -> Bool {
        element.ancestors.prefix(2).contains { box in
            guard let outside = box.parent, case .known(let around) = page.style.colors(of: outside) else { return false }
            return page.style.style(of: box).border.sides.contains { side in
                side.isVisible && side.color.over(around.background).contrast(with: around.background) >= required
            }
        }
    }

    /// An icon-font glyph: an element with an icon class and no text of its own but glyphs, or
    /// text made only of Private Use Area characters.
    static func isIcon(_ element: Element) -> Bool {
        let text = element.ownText.filter { !$0.quickIsWhitespace }
        if !text.isEmpty { return text.unicodeScalars.allSatisfy(isPrivateUse) }
        guard element.children.isEmpty else { return false }
        return NameTokens.words(element.attribute("class") ?? "").contains { word in
            let lower = word.lowercased()
            return iconClasses.contains(lower) || iconClassPrefixes.contains { lower.hasPrefix($0) }
        }
    }

    static func isPrivateUse(_ scalar: Unicode.Scalar) -> Bool {
        (0xE000...0xF8FF).contains(scalar.value) || scalar.value >= 0xF0000
    }

    /// No visible text says the same next to it: the icon's parent (or the control it sits in)
    /// has no other text.
    static func standsAlone(_ element: Element, page: Page) -> Bool {
        let holder = element.ancestors.first { ["a", "button", "label"].contains($0.name) || page.accessibility.isFocusable($0) }
            ?? element.parent
        guard let holder else { return true }
        return !holder.textContent.unicodeScalars.contains { !isPrivateUse($0) && !$0.properties.isWhitespace }
    }

    /// An SVG icon that carries meaning: the only content of a link or button, or an image with a name.
    static func isMeaningfulSVG(_ element: Element, page: Page) -> Bool {
        if page.accessibility.role(of: element) == "img", !page.accessibility.name(of: element).isEmpty { return true }
        return standsAlone(element, page: page) && element.ancestors.contains { $0.isNamed("a") || $0.isNamed("button") }
    }

    /// The flat colours an SVG's shapes are painted with (fill and stroke): CSS first, then
    /// presentation attributes, each inherited down the tree as SVG does.
    static func paints(of svg: Element, page: Page) -> [RGBA] {
        svg.descendants.filter { shapes.contains($0.name) && page.style.isRendered($0) }.flatMap { shape in
            [paint(.fill, "fill", of: shape, in: svg, page: page), paint(.stroke, "stroke", of: shape, in: svg, page: page)]
        }.filter { $0.alpha > 0 }
    }

    static func paint(_ property: CSSProperty, _ attribute: String, of shape: Element, in svg: Element, page: Page) -> RGBA {
        var current: Element? = shape
        while let node = current {
            let style = page.style.style(of: node)
            if style.source(of: property) != nil { return property == .fill ? style.fill : style.stroke }
            if let value = node.attribute(attribute)?.trimmed(.whitespaces).lowercased() {
                if value == "currentcolor" { return style.color }
                // none, and paint servers such as url(#gradient): no flat colour.
                return RGBA(css: value) ?? .transparent
            }
            if node == svg { break }
            current = node.parent
        }
        return property == .fill ? .black : .transparent
    }

    /// A text field, select or text area whose border or background an author style sets.
    static func isStyledField(_ element: Element, page: Page) -> Bool {
        switch element.name {
        case "input": guard textFields.contains(element.attribute("type")?.lowercased() ?? "") else { return false }
        case "select", "textarea": break
        default: return false
        }
        guard VisibleText.isOnScreen(element, in: page), !DisabledText.isDisabled(element, in: page) else { return false }
        let style = page.style.style(of: element)
        let looks: [CSSProperty] = [.borderTopColor, .borderTopStyle, .borderTopWidth, .borderBottomColor, .backgroundColor]
        return looks.contains { style.source(of: $0).map { $0.origin != .userAgent } ?? false }
    }
}
