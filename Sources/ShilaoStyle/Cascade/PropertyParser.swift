import Foundation

/// Checks a declaration against its property's grammar and turns it into longhand values.
/// A declaration that fails (nil) is dropped at parse time, so it never overrides an
/// earlier valid one, as in browsers.
enum PropertyParser {
    /// The longhands a property name sets (itself for a longhand); empty when we do not track it.
    static func longhands(of rawName: String) -> [CSSProperty] {
        let name = canonicalName(rawName)
        if let property = CSSProperty(name: name) { return [property] }
        if let mapped = logicalLonghands[name] { return [mapped] }
        switch name {
        case "margin": return [.marginTop, .marginRight, .marginBottom, .marginLeft]
        case "padding": return [.paddingTop, .paddingRight, .paddingBottom, .paddingLeft]
        case "inset": return [.top, .right, .bottom, .left]
        case "margin-block": return [.marginTop, .marginBottom]
        case "margin-inline": return [.marginLeft, .marginRight]
        case "padding-block": return [.paddingTop, .paddingBottom]
        case "padding-inline": return [.paddingLeft, .paddingRight]
        case "border-width": return widths
        case "border-style": return styles
        case "border-color": return colors
        case "border": return widths + styles + colors
        case "border-top": return [.borderTopWidth, .borderTopStyle, .borderTopColor]
        case "border-right": return [.borderRightWidth, .borderRightStyle, .borderRightColor]
        case "border-bottom": return [.borderBottomWidth, .borderBottomStyle, .borderBottomColor]
        case "border-left": return [.borderLeftWidth, .borderLeftStyle, .borderLeftColor]
        case "outline": return [.outlineWidth, .outlineStyle, .outlineColor]
        case "font": return [.fontStyle, .fontWeight, .fontSize, .lineHeight]
        case "background": return [.backgroundColor, .backgroundImage, .backgroundRepeat, .backgroundClip]
        case "animation": return [.animationName, .animationDuration, .animationIterationCount]
        case "text-decoration": return [.textDecorationLine]
        case "overflow": return [.overflowX, .overflowY]
        default: return []
        }
    }

    /// Chromium applies `-webkit-` aliases of standard properties; other prefixes it ignores.
    static func canonicalName(_ name: String) -> String {
        name.hasPrefix("-webkit-") ? String(name.dropFirst(8)) : name
    }

    private static let widths: [CSSProperty] = [.borderTopWidth, .borderRightWidth, .borderBottomWidth, .borderLeftWidth]
    private static let styles: [CSSProperty] = [.borderTopStyle, .borderRightStyle, .borderBottomStyle, .borderLeftStyle]
    private static let colors: [CSSProperty] = [.borderTopColor, .borderRightColor, .borderBottomColor, .borderLeftColor]

    /// Logical properties in a horizontal, left-to-right writing mode.
    private static let logicalLonghands: [String: CSSProperty] = [
        "margin-block-start": .marginTop, "margin-block-end": .marginBottom,
        "margin-inline-start": .marginLeft, "margin-inline-end": .marginRight,
        "padding-block-start": .paddingTop, "padding-block-end": .paddingBottom,
        "padding-inline-start": .paddingLeft, "padding-inline-end": .paddingRight,
        "inline-size": .width, "block-size": .height, "min-inline-size": .minWidth, "min-block-size": .minHeight,
        "max-inline-size": .maxWidth, "max-block-size": .maxHeight,
        "border-block-start-width": .borderTopWidth, "border-block-end-width": .borderBottomWidth,
        "border-inline-start-width": .borderLeftWidth, "border-inline-end-width": .borderRightWidth,
        "border-block-start-style": .borderTopStyle, "border-block-end-style": .borderBottomStyle,
        "border-inline-start-style": .borderLeftStyle, "border-inline-end-style": .borderRightStyle,
        "border-block-start-color": .borderTopColor, "border-block-end-color": .borderBottomColor,
        "border-inline-start-color": .borderLeftColor, "border-inline-end-color": .borderRightColor,
    ]

    /// Parses a declaration's value (after `var()` substitution) into longhand values.
    static func parse(name rawName: String, value: [ComponentValue]) -> [(CSSProperty, SpecifiedValue)]? {
        let targets = longhands(of: rawName)
        guard !targets.isEmpty else { return nil }
        if let wide = CSSWideKeyword(value) { return targets.map { ($0, .wide(wide)) } }
        let items = value.withoutWhitespace
        guard !items.isEmpty else { return nil }
        let name = canonicalName(rawName)
        if targets.count == 1, CSSProperty(name: name) != nil || logicalLonghands[name] != nil {
            return parseLonghand(targets[0], items).map { [(targets[0], $0)] }
        }
        switch name {
        case "margin", "padding", "border-width", "border-style", "border-color", "inset":
            return boxShorthand(targets, items)
        case "margin-block", "margin-inline", "padding-block", "padding-inline":
            guard items.count <= 2 else { return nil }
            var values: [SpecifiedValue] = []
            for item in items {
                guard let v = parseLonghand(targets[0], [item]) else { return nil }
                values.append(v)
            }
            return [(targets[0], values[0]), (targets[1], values.count == 2 ? values[1] : values[0])]
        case "border", "border-top", "border-right", "border-bottom", "border-left", "outline":
            return borderShorthand(name, items)
        case "font": return fontShorthand(items)
        case "background": return backgroundShorthand(value)
        case "animation": return animationShorthand(value)
        case "text-decoration": return textDecorationShorthand(items)
        case "overflow":
            guard items.count <= 2, let x = parseLonghand(.overflowX, [items[0]]) else { return nil }
            let y = items.count == 2 ? parseLonghand(.overflowY, [items[1]]) : x
            return y.map { [(.overflowX, x), (.overflowY, $0)] }
        default:
            return nil
        }
    }

    // MARK: Longhands

    static func parseLonghand(_ property: CSSProperty, _ items: [ComponentValue]) -> SpecifiedValue? {
        switch property {
        case .fontSize:
            guard items.count == 1 else { return nil }
            if let k = items[0].keyword, fontSizeKeywords[k] != nil || k == "smaller" || k == "larger" { return .keyword(k) }
            return length(items[0], negative: false).map { .length($0) }
        case .fontWeight:
            guard items.count == 1 else { return nil }
            return fontWeight(items[0])
        case .fontStyle:
            guard let k = items.first?.keyword, ["normal", "italic", "oblique"].contains(k) else { return nil }
            return .keyword(k)
        case .lineHeight:
            guard items.count == 1 else { return nil }
            return lineHeight(items[0])
        case .color, .backgroundColor, .outlineColor, .borderTopColor, .borderRightColor, .borderBottomColor, .borderLeftColor:
            guard items.count == 1 else { return nil }
            if property == .outlineColor, items[0].keyword == "invert" { return .color(.currentColor) }
            return ColorParser.parse(items[0]).map { .color($0) }
        case .backgroundImage:
            var layers: [BackgroundImage] = []
            for part in items.commaSeparated {
                guard part.count == 1 else { return nil }
                if part[0].keyword == "none" { continue }
                guard let image = image(part[0]) else { return nil }
                layers.append(image)
            }
            return .images(layers)
        case .opacity:
            guard items.count == 1 else { return nil }
            if case .token(.percentage(let v)) = items[0] { return .number(clamp01(v / 100)) }
            guard let calc = CalcParser.parse(items[0]), let v = calc.constantNumber else { return nil }
            return .number(clamp01(v))
        case .display: return display(items)
        case .visibility: return keyword(items, ["visible", "hidden", "collapse"])
        case .position:
            if items.count == 1, items[0].keyword == "-webkit-sticky" { return .keyword("sticky") }
            return keyword(items, ["static", "relative", "absolute", "fixed", "sticky"])
        case .zIndex:
            guard items.count == 1 else { return nil }
            if items[0].keyword == "auto" { return .keyword("auto") }
            if case .token(.number(let v, true, _)) = items[0] { return .number(v) }
            return nil
        case .width, .height, .minWidth, .minHeight, .maxWidth, .maxHeight:
            guard items.count == 1 else { return nil }
            if let k = items[0].keyword {
                let allowed = property == .maxWidth || property == .maxHeight ? sizeKeywordsMax : sizeKeywords
                return allowed.contains(k) ? .keyword(k == "-webkit-fill-available" ? "stretch" : k) : nil
            }
            return length(items[0], negative: false).map { .length($0) }
        case .paddingTop, .paddingRight, .paddingBottom, .paddingLeft:
            guard items.count == 1 else { return nil }
            return length(items[0], negative: false).map { .length($0) }
        case .marginTop, .marginRight, .marginBottom, .marginLeft, .top, .right, .bottom, .left:
            guard items.count == 1 else { return nil }
            if items[0].keyword == "auto" { return .keyword("auto") }
            return length(items[0], negative: true).map { .length($0) }
        case .textDecorationLine: return decorationLine(items)
        case .outlineStyle:
            guard items.count == 1, let k = items[0].keyword, k == "auto" || (borderStyles.contains(k) && k != "hidden") else { return nil }
            return .keyword(k)
        case .borderTopStyle, .borderRightStyle, .borderBottomStyle, .borderLeftStyle:
            guard items.count == 1, let k = items[0].keyword, borderStyles.contains(k) else { return nil }
            return .keyword(k)
        case .outlineWidth, .borderTopWidth, .borderRightWidth, .borderBottomWidth, .borderLeftWidth:
            guard items.count == 1 else { return nil }
            return lineWidth(items[0])
        case .boxShadow:
            if items.count == 1, items[0].keyword == "none" { return .flag(false) }
            return .flag(true)
        case .letterSpacing, .wordSpacing:
            guard items.count == 1 else { return nil }
            if items[0].keyword == "normal" { return .keyword("normal") }
            return length(items[0], negative: true).map { .length($0) }
        case .animationName:
            var names: [String] = []
            for part in items.commaSeparated {
                guard part.count == 1 else { return nil }
                switch part[0] {
                case .token(.ident(let s)): names.append(s.asciiLowercased == "none" ? "none" : s)
                case .token(.string(let s)): names.append(s)
                default: return nil
                }
            }
            return .names(names)
        case .animationDuration:
            var times: [Double] = []
            for part in items.commaSeparated {
                guard part.count == 1, let t = time(part[0]), t >= 0 else { return nil }
                times.append(t)
            }
            return .numbers(times)
        case .animationIterationCount:
            var counts: [Double] = []
            for part in items.commaSeparated {
                guard part.count == 1, let c = iterationCount(part[0]) else { return nil }
                counts.append(c)
            }
            return .numbers(counts)
        case .transform: return transform(items)
        case .cursor: return cursor(items)
        case .overflowX, .overflowY:
            return keyword(items, ["visible", "hidden", "clip", "scroll", "auto", "overlay"])
        case .textShadow:
            return TextShadowParser.parse(items)
        case .backgroundRepeat:
            var layers: [Bool] = []
            for part in items.commaSeparated {
                guard let covers = repeatStyleCovers(part) else { return nil }
                layers.append(covers)
            }
            return .repeats(layers)
        case .backgroundClip:
            var clipsToText = false
            for part in items.commaSeparated {
                guard part.count == 1, let k = part[0].keyword, backgroundBoxes.contains(k) || k == "text" else { return nil }
                if k == "text" { clipsToText = true }
            }
            return .flag(clipsToText)
        case .textIndent:
            // `hanging` and `each-line` change which lines are indented, not by how much.
            let lengths = items.filter { $0.keyword != "hanging" && $0.keyword != "each-line" }
            guard lengths.count == 1 else { return nil }
            return length(lengths[0], negative: true).map { .length($0) }
        case .fill, .stroke:
            guard let first = items.first else { return nil }
            if items.count == 1, first.keyword == "none" { return .color(.rgba(.transparent)) }
            // A paint server, with or without a fallback colour: no flat colour to judge.
            if case .token(.url) = first { return .color(.rgba(.transparent)) }
            if case .function(let name, _) = first, name.asciiLowercased == "url" { return .color(.rgba(.transparent)) }
            guard items.count == 1 else { return nil }
            return ColorParser.parse(first).map { .color($0) }
        }
    }

    static let fontSizeKeywords: [String: Double] = [
        "xx-small": 9, "x-small": 10, "small": 13, "medium": 16, "large": 18, "x-large": 24,
        "xx-large": 32, "xxx-large": 48, "-webkit-xxx-large": 48,
    ]

    private static let sizeKeywords: Set<String> = ["auto", "min-content", "max-content", "fit-content", "-webkit-fill-available", "stretch", "-webkit-fit-content", "-moz-available"]
    private static let sizeKeywordsMax: Set<String> = ["none", "min-content", "max-content", "fit-content", "-webkit-fill-available", "stretch", "-webkit-fit-content", "-moz-available"]
    static let borderStyles: Set<String> = ["none", "hidden", "dotted", "dashed", "solid", "double", "groove", "ridge", "inset", "outset"]

    /// A length or percentage. A unitless zero is a length; other unitless numbers are not.
    static func length(_ item: ComponentValue, negative: Bool) -> Calc? {
        guard let calc = CalcParser.parse(item) else { return nil }
        if case .leaf(let v, .number) = calc { return v == 0 ? .leaf(0, .px) : nil }
        if calc.isNumber { return nil }
        if !negative, calc.isNegativeLiteral { return nil }
        return calc
    }

    private static func keyword(_ items: [ComponentValue], _ allowed: Set<String>) -> SpecifiedValue? {
        guard items.count == 1, let k = items[0].keyword, allowed.contains(k) else { return nil }
        return .keyword(k)
    }

    private static func fontWeight(_ item: ComponentValue) -> SpecifiedValue? {
        switch item.keyword {
        case "normal": return .number(400)
        case "bold": return .number(700)
        case "bolder", "lighter": return .keyword(item.keyword!)
        case nil:
            guard let calc = CalcParser.parse(item), let v = calc.constantNumber, v >= 1, v <= 1000 else { return nil }
            return .number(v)
        default: return nil
        }
    }

    private static func lineHeight(_ item: ComponentValue) -> SpecifiedValue? {
        if item.keyword == "normal" { return .keyword("normal") }
        guard let calc = CalcParser.parse(item) else { return nil }
        if let v = calc.constantNumber { return v >= 0 ? .number(v) : nil }
        if calc.isNegativeLiteral { return nil }
        return .length(calc)
    }

    private static func image(_ item: ComponentValue) -> BackgroundImage? {
        switch item {
        case .token(.url(let url)): return .url(url)
        case .function(let rawName, let args):
            let name = rawName.asciiLowercased
            if name == "url" || name == "src" {
                for arg in args { if case .token(.string(let s)) = arg { return .url(s) } }
                return nil
            }
            if name == "-webkit-gradient" || GradientParser.functions.contains(name) {
                return GradientParser.parse(name: name, arguments: args).map { .gradient($0) } ?? .generated(name)
            }
            let generated = ["image-set", "-webkit-image-set", "cross-fade", "-webkit-cross-fade", "element", "paint", "image"]
            return generated.contains(name) ? .generated(name) : nil
        default:
            return nil
        }
    }

    private static func display(_ items: [ComponentValue]) -> SpecifiedValue? {
        let words = items.compactMap(\.keyword)
        guard words.count == items.count, !words.isEmpty, words.count <= 3 else { return nil }
        if words.count == 1 {
            let single: Set<String> = [
                "none", "block", "inline", "inline-block", "flex", "inline-flex", "grid", "inline-grid", "table",
                "inline-table", "table-row", "table-cell", "table-column", "table-column-group", "table-row-group",
                "table-header-group", "table-footer-group", "table-caption", "list-item", "contents", "flow-root",
                "run-in", "ruby", "ruby-text", "-webkit-box", "-webkit-inline-box", "-ms-flexbox", "math", "flow",
            ]
            guard single.contains(words[0]) else { return nil }
            switch words[0] {
            case "-webkit-box", "-ms-flexbox": return .keyword("flex")
            case "-webkit-inline-box": return .keyword("inline-flex")
            case "flow": return .keyword("block")
            default: return .keyword(words[0])
            }
        }
        // Two-value syntax: outer display and inner display (and list-item).
        let outer = words.first { $0 == "block" || $0 == "inline" || $0 == "run-in" } ?? "block"
        let inner = words.first { ["flow", "flow-root", "flex", "grid", "table", "ruby"].contains($0) } ?? "flow"
        if words.contains("list-item") { return .keyword("list-item") }
        switch (outer, inner) {
        case ("block", "flow"): return .keyword("block")
        case ("inline", "flow"): return .keyword("inline")
        case ("inline", "flow-root"): return .keyword("inline-block")
        case ("block", "flow-root"): return .keyword("flow-root")
        case ("inline", let i): return .keyword("inline-" + i)
        case (_, let i): return .keyword(i)
        }
    }

    private static func decorationLine(_ items: [ComponentValue]) -> SpecifiedValue? {
        if items.count == 1, items[0].keyword == "none" { return .decoration([]) }
        var lines: TextDecorationLine = []
        for item in items {
            switch item.keyword {
            case "underline": lines.insert(.underline)
            case "overline": lines.insert(.overline)
            case "line-through": lines.insert(.lineThrough)
            case "blink": lines.insert(.blink)
            default: return nil
            }
        }
        return .decoration(lines)
    }

    private static func lineWidth(_ item: ComponentValue) -> SpecifiedValue? {
        switch item.keyword {
        case "thin": return .length(.leaf(1, .px))
        case "medium": return .length(.leaf(3, .px))
        case "thick": return .length(.leaf(5, .px))
        case nil: return length(item, negative: false).flatMap { $0.containsPercent ? nil : .length($0) }
        default: return nil
        }
    }

    static func time(_ item: ComponentValue) -> Double? {
        switch item {
        case .token(.dimension(let v, let unit, _)):
            switch unit.asciiLowercased {
            case "s": return v
            case "ms": return v / 1000
            default: return nil
            }
        default: return nil
        }
    }

    static func iterationCount(_ item: ComponentValue) -> Double? {
        if item.keyword == "infinite" { return .infinity }
        if case .token(.number(let v, _, _)) = item, v >= 0 { return v }
        return nil
    }

    private static let transformFunctions: Set<String> = [
        "matrix", "matrix3d", "translate", "translatex", "translatey", "translatez", "translate3d", "scale",
        "scalex", "scaley", "scalez", "scale3d", "rotate", "rotatex", "rotatey", "rotatez", "rotate3d", "skew",
        "skewx", "skewy", "perspective",
    ]

    /// `transform` keeps the rotation about the screen axis, which is what an orientation lock
    /// (`rotate(90deg)` in a portrait media query) shows up as.
    private static func transform(_ items: [ComponentValue]) -> SpecifiedValue? {
        if items.count == 1, items[0].keyword == "none" { return .keyword("none") }
        var rotation = 0.0
        for item in items {
            guard case .function(let rawName, let args) = item, transformFunctions.contains(rawName.asciiLowercased) else {
                return nil
            }
            let arguments = args.withoutWhitespace.filter { $0.token != .comma }
            switch rawName.asciiLowercased {
            case "rotate", "rotatez":
                guard arguments.count == 1, let angle = angle(arguments[0]) else { return nil }
                rotation += angle
            case "rotate3d":
                guard arguments.count == 4, let angle = angle(arguments[3]) else { return nil }
                let axis = arguments[0..<3].map { value -> Double in
                    if case .token(.number(let v, _, _)) = value { return v }
                    return .nan
                }
                if axis[0] == 0, axis[1] == 0, axis[2] != 0 { rotation += axis[2] > 0 ? angle : -angle }
            case "matrix", "matrix3d":
                let numbers = arguments.compactMap { value -> Double? in
                    if case .token(.number(let v, _, _)) = value { return v }
                    return nil
                }
                guard numbers.count == (rawName.asciiLowercased == "matrix" ? 6 : 16) else { return nil }
                // Both start with the first column of the 2D part: (cos θ, sin θ) scaled.
                rotation += atan2(numbers[1], numbers[0]) * 180 / .pi
            default:
                break
            }
        }
        return .number(rotation)
    }

    private static func angle(_ item: ComponentValue) -> Double? {
        switch item {
        case .token(.dimension(let v, let unit, _)): return Angle.degrees(v, unit: unit)
        case .token(.number(0, _, _)): return 0
        default: return nil
        }
    }

    private static func cursor(_ items: [ComponentValue]) -> SpecifiedValue? {
        let parts = items.commaSeparated
        guard let last = parts.last, last.count == 1, let keyword = last[0].keyword else { return nil }
        var images: [String] = []
        for part in parts.dropLast() {
            guard let first = part.first, case .url(let url)? = image(first) else { return nil }
            images.append(url)
        }
        return .cursor(images: images, keyword: keyword)
    }

    // MARK: Shorthands

    /// One to four values: top, right, bottom, left, the missing ones copied from the opposite side.
    private static func boxShorthand(_ targets: [CSSProperty], _ items: [ComponentValue]) -> [(CSSProperty, SpecifiedValue)]? {
        guard (1...4).contains(items.count) else { return nil }
        var values: [SpecifiedValue] = []
        for item in items {
            guard let v = parseLonghand(targets[0], [item]) else { return nil }
            values.append(v)
        }
        let top = values[0]
        let right = values.count > 1 ? values[1] : top
        let bottom = values.count > 2 ? values[2] : top
        let left = values.count > 3 ? values[3] : right
        return [(targets[0], top), (targets[1], right), (targets[2], bottom), (targets[3], left)]
    }

    /// `border`, `border-<side>` and `outline`: width, style and colour in any order, each at
    /// most once; the missing ones reset to their initial values.
    private static func borderShorthand(_ name: String, _ items: [ComponentValue]) -> [(CSSProperty, SpecifiedValue)]? {
        guard items.count <= 3 else { return nil }
        var width: SpecifiedValue?
        var style: SpecifiedValue?
        var color: SpecifiedValue?
        let isOutline = name == "outline"
        for item in items {
            if style == nil, let k = item.keyword, borderStyles.contains(k) || (isOutline && k == "auto") {
                style = .keyword(k)
            } else if width == nil, let w = lineWidth(item) {
                width = w
            } else if color == nil, let c = ColorParser.parse(item) {
                color = .color(c)
            } else if isOutline, color == nil, item.keyword == "invert" {
                color = .color(.currentColor)
            } else {
                return nil
            }
        }
        let w = width ?? .length(.leaf(3, .px))
        let s = style ?? .keyword("none")
        let c = color ?? .color(.currentColor)
        switch name {
        case "outline": return [(.outlineWidth, w), (.outlineStyle, s), (.outlineColor, c)]
        case "border": return widths.map { ($0, w) } + styles.map { ($0, s) } + colors.map { ($0, c) }
        default:
            let targets = longhands(of: name)
            return [(targets[0], w), (targets[1], s), (targets[2], c)]
        }
    }

    private static let systemFonts: Set<String> = ["caption", "icon", "menu", "message-box", "small-caption", "status-bar"]

    /// `font`: [style || variant || weight || stretch]? size [/ line-height]? family. It resets
    /// line-height to `normal` when none is given.
    private static func fontShorthand(_ items: [ComponentValue]) -> [(CSSProperty, SpecifiedValue)]? {
        if items.count == 1, let k = items[0].keyword, systemFonts.contains(k) {
            return [(.fontStyle, .keyword("normal")), (.fontWeight, .number(400)),
                    (.fontSize, .length(.leaf(13.333333, .px))), (.lineHeight, .keyword("normal"))]
        }
        var style: SpecifiedValue = .keyword("normal")
        var weight: SpecifiedValue = .number(400)
        var index = 0
        var prefixCount = 0
        let stretch: Set<String> = ["ultra-condensed", "extra-condensed", "condensed", "semi-condensed", "semi-expanded",
                                    "expanded", "extra-expanded", "ultra-expanded"]
        while index < items.count, prefixCount < 4 {
            let item = items[index]
            if let k = item.keyword {
                if k == "normal" || k == "small-caps" || stretch.contains(k) {
                } else if k == "italic" || k == "oblique" {
                    style = .keyword(k)
                } else if ["bold", "bolder", "lighter"].contains(k), let w = fontWeight(item) {
                    weight = w
                } else {
                    break
                }
            } else if case .token(.number) = item, let w = fontWeight(item) {
                weight = w
            } else {
                break
            }
            index += 1
            prefixCount += 1
        }
        guard index < items.count else { return nil }
        let sizeItem = items[index]
        let size: SpecifiedValue
        if let k = sizeItem.keyword, fontSizeKeywords[k] != nil || k == "smaller" || k == "larger" {
            size = .keyword(k)
        } else if let l = length(sizeItem, negative: false) {
            size = .length(l)
        } else {
            return nil
        }
        index += 1
        var height: SpecifiedValue = .keyword("normal")
        if index < items.count, items[index].token?.isDelim("/") == true {
            guard index + 1 < items.count, let lh = lineHeight(items[index + 1]) else { return nil }
            height = lh
            index += 2
        }
        // A family must follow: identifiers or strings, comma separated.
        guard index < items.count else { return nil }
        for item in items[index...] {
            switch item {
            case .token(.ident), .token(.string), .token(.comma): continue
            default: return nil
            }
        }
        return [(.fontStyle, style), (.fontWeight, weight), (.fontSize, size), (.lineHeight, height)]
    }

    private static let backgroundKeywords: Set<String> = [
        "scroll", "fixed", "local", "center", "left", "right", "top", "bottom", "auto", "cover", "contain",
    ]
    private static let repeatKeywords: Set<String> = ["repeat", "no-repeat", "repeat-x", "repeat-y", "space", "round"]
    private static let backgroundBoxes: Set<String> = ["border-box", "padding-box", "content-box"]

    /// Whether a `<repeat-style>` tiles the image both ways, so that it covers the whole box
    /// whatever its size and position (`space` may leave gaps; `no-repeat` and `repeat-x` do).
    /// Nil when the words are not a repeat style.
    static func repeatStyleCovers(_ words: [ComponentValue]) -> Bool? {
        let keywords = words.compactMap(\.keyword)
        guard keywords.count == words.count, (1...2).contains(keywords.count), keywords.allSatisfy(repeatKeywords.contains) else {
            return nil
        }
        if keywords.count == 2 {
            let single: Set<String> = ["repeat", "no-repeat", "space", "round"]
            guard single.contains(keywords[0]), single.contains(keywords[1]) else { return nil }
        }
        return keywords.allSatisfy { $0 == "repeat" || $0 == "round" }
    }

    /// `background`: the colour (final layer only), and per layer the image, whether it tiles
    /// both ways and whether it is clipped to the text; positions and sizes are checked but
    /// not kept.
    private static func backgroundShorthand(_ value: [ComponentValue]) -> [(CSSProperty, SpecifiedValue)]? {
        let layers = value.commaSeparated
        var images: [BackgroundImage] = []
        var repeats: [Bool] = []
        var clipsToText = false
        var color: ColorValue = .rgba(.transparent)
        for (layerIndex, layer) in layers.enumerated() {
            let items = layer.withoutWhitespace
            guard !items.isEmpty else { return nil }
            var sawImage = false
            var sawColor = false
            var repeatWords: [ComponentValue] = []
            var boxes = 0
            for item in items {
                if let k = item.keyword, repeatKeywords.contains(k) {
                    repeatWords.append(item)
                    continue
                }
                if let k = item.keyword, backgroundBoxes.contains(k) || k == "text" {
                    // One box sets origin and clip; with two, the second is the clip.
                    boxes += 1
                    guard boxes <= 2 else { return nil }
                    if k == "text" { clipsToText = true }
                    continue
                }
                if let k = item.keyword, k == "none" || backgroundKeywords.contains(k) {
                    if k == "none" {
                        guard !sawImage else { return nil }
                        sawImage = true
                    }
                    continue
                }
                if item.token?.isDelim("/") == true { continue }
                if let image = image(item) {
                    guard !sawImage else { return nil }
                    sawImage = true
                    images.append(image)
                    continue
                }
                if length(item, negative: true) != nil { continue }
                if let c = ColorParser.parse(item) {
                    guard !sawColor, layerIndex == layers.count - 1 else { return nil }
                    sawColor = true
                    color = c
                    continue
                }
                return nil
            }
            if repeatWords.isEmpty {
                repeats.append(true)
            } else {
                guard let covers = repeatStyleCovers(repeatWords) else { return nil }
                repeats.append(covers)
            }
        }
        return [(.backgroundColor, .color(color)), (.backgroundImage, .images(images)),
                (.backgroundRepeat, .repeats(repeats)), (.backgroundClip, .flag(clipsToText))]
    }

    private static let timingKeywords: Set<String> = ["ease", "linear", "ease-in", "ease-out", "ease-in-out", "step-start", "step-end"]
    private static let animationKeywords: Set<String> = [
        "normal", "reverse", "alternate", "alternate-reverse", "forwards", "backwards", "both", "running", "paused",
    ]

    /// `animation`: per layer, the first time is the duration, a number or `infinite` the
    /// iteration count, and the identifier that is no other keyword the name.
    private static func animationShorthand(_ value: [ComponentValue]) -> [(CSSProperty, SpecifiedValue)]? {
        var names: [String] = []
        var durations: [Double] = []
        var counts: [Double] = []
        for layer in value.commaSeparated {
            let items = layer.withoutWhitespace
            guard !items.isEmpty else { return nil }
            var name: String?
            var duration: Double?
            var sawDelay = false
            var count: Double?
            var sawFillNone = false
            for item in items {
                if let t = time(item) {
                    if duration == nil { duration = t } else if !sawDelay { sawDelay = true } else { return nil }
                    continue
                }
                if count == nil, let c = iterationCount(item) {
                    count = c
                    continue
                }
                if case .function(let f, _) = item, ["cubic-bezier", "steps", "linear"].contains(f.asciiLowercased) { continue }
                if let k = item.keyword {
                    if timingKeywords.contains(k) || animationKeywords.contains(k) { continue }
                    if k == "none", !sawFillNone {
                        sawFillNone = true
                        continue
                    }
                }
                switch item {
                case .token(.ident(let s)) where name == nil: name = s
                case .token(.string(let s)) where name == nil: name = s
                default: return nil
                }
            }
            names.append(name ?? "none")
            durations.append(duration ?? 0)
            counts.append(count ?? 1)
        }
        return [(.animationName, .names(names)), (.animationDuration, .numbers(durations)),
                (.animationIterationCount, .numbers(counts))]
    }

    private static func textDecorationShorthand(_ items: [ComponentValue]) -> [(CSSProperty, SpecifiedValue)]? {
        var lines: TextDecorationLine = []
        for item in items {
            switch item.keyword {
            case "none": continue
            case "underline": lines.insert(.underline)
            case "overline": lines.insert(.overline)
            case "line-through": lines.insert(.lineThrough)
            case "blink": lines.insert(.blink)
            case "solid", "double", "dotted", "dashed", "wavy", "auto", "from-font": continue
            default:
                if ColorParser.parse(item) != nil || length(item, negative: true) != nil { continue }
                return nil
            }
        }
        return [(.textDecorationLine, .decoration(lines))]
    }
}
