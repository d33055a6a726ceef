/// Turns an element's cascade into computed values, given its parent's computed style.
struct ValueComputer {
    /// The parent's computed style (the initial style for the root).
    let inherited: ComputedStyle
    /// The root element's font size, for `rem` (16px while computing the root itself).
    let rootFontSize: Double
    let viewport: Viewport

    func compute(_ cascade: Cascade) -> ComputedStyle {
        var style = ComputedStyle.initial
        style.fontSize = inherited.fontSize
        style.fontWeight = inherited.fontWeight
        style.fontStyle = inherited.fontStyle
        style.lineHeight = inherited.lineHeight
        style.color = inherited.color
        style.visibility = inherited.visibility
        style.letterSpacing = inherited.letterSpacing
        style.wordSpacing = inherited.wordSpacing
        style.cursor = inherited.cursor
        style.cursorImages = inherited.cursorImages
        style.textShadows = inherited.textShadows
        style.textIndent = inherited.textIndent
        style.fill = inherited.fill
        style.stroke = inherited.stroke
        style.customProperties = VariableSubstitution.resolveCustoms(own: cascade.customs, inherited: inherited.customProperties)

        // A shorthand with var() is substituted and parsed once, not once per longhand.
        var pendingCache = [[(CSSProperty, SpecifiedValue)]??](repeating: nil, count: cascade.pending.count)
        // CSSProperty's order puts font-size first (em units) and color before what uses currentColor.
        for property in CSSProperty.allCases {
            guard let winner = cascade.winners[property.rawValue] else {
                if !property.isInherited, property.usesCurrentColorInitially {
                    apply(property, .color(.currentColor), to: &style)
                }
                continue
            }
            style.setSource(property, winner.origin | (winner.important ? 4 : 0))
            var value = specified(winner, property, cascade: cascade, style: style, cache: &pendingCache)
            if case .wide(.revert) = value {
                // Roll back to the user-agent origin; with nothing there, revert acts as unset.
                if winner.origin != 1, let ua = cascade.userAgentWinners[property.rawValue] {
                    value = specified(ua, property, cascade: cascade, style: style, cache: &pendingCache)
                } else {
                    value = .wide(.unset)
                }
            }
            switch value {
            case .wide(.inherit):
                copy(property, from: inherited, to: &style)
            case .wide(.initial):
                copy(property, from: .initial, to: &style)
                if property.usesCurrentColorInitially { apply(property, .color(.currentColor), to: &style) }
            case .wide(.unset), .wide(.revert):
                if property.isInherited {
                    copy(property, from: inherited, to: &style)
                } else {
                    copy(property, from: .initial, to: &style)
                    if property.usesCurrentColorInitially { apply(property, .color(.currentColor), to: &style) }
                }
            default:
                apply(property, value, to: &style)
            }
        }
        finish(&style)
        return style
    }

    /// The winner's value, with `var()` substituted and parsed; invalid at computed-value
    /// time becomes `unset`.
    private func specified(
        _ winner: Cascade.Winner, _ property: CSSProperty, cascade: Cascade, style: ComputedStyle,
        cache: inout [[(CSSProperty, SpecifiedValue)]??]
    ) -> SpecifiedValue {
        switch cascade.value(of: winner) {
        case .specified(let value):
            return value
        case .pending(let index):
            let parsed: [(CSSProperty, SpecifiedValue)]?
            if let cached = cache[index] {
                parsed = cached
            } else {
                let declaration = cascade.pending[index]
                let customs = style.customProperties
                guard case .pending(_, let value) = declaration.payload else { return .wide(.unset) }
                parsed = VariableSubstitution.substitute(value) { customs[$0] }
                    .flatMap { PropertyParser.parse(name: declaration.name, value: $0) }
                cache[index] = .some(parsed)
            }
            return parsed?.first { $0.0 == property }?.1 ?? .wide(.unset)
        }
    }

    private func lengthContext(_ style: ComputedStyle, percentBase: Double? = nil) -> LengthContext {
        LengthContext(fontSize: style.fontSize, rootFontSize: rootFontSize, viewportWidth: viewport.width,
                      viewportHeight: viewport.height, percentBase: percentBase)
    }

    private func dimension(_ value: SpecifiedValue, _ style: ComputedStyle) -> CSSLength? {
        switch value {
        case .keyword("auto"): return .auto
        case .keyword("none"): return CSSLength.none
        case .keyword(let k): return .keyword(k)
        case .length(let calc):
            guard let r = calc.resolve(lengthContext(style)) else { return .expression }
            if r.percent == 0 { return .px(r.px) }
            if r.px == 0, case .leaf = calc { return .percent(r.percent) }
            return .calc(px: r.px, percent: r.percent)
        default: return nil
        }
    }

    private func pixels(_ value: SpecifiedValue, _ style: ComputedStyle) -> Double? {
        guard case .length(let calc) = value, let r = calc.resolve(lengthContext(style)), r.percent == 0 else { return nil }
        return r.px
    }

    private func apply(_ property: CSSProperty, _ value: SpecifiedValue, to style: inout ComputedStyle) {
        switch property {
        case .fontSize:
            let parentSize = inherited.fontSize
            switch value {
            case .keyword("smaller"): style.fontSize = parentSize / 1.2
            case .keyword("larger"): style.fontSize = parentSize * 1.2
            case .keyword(let k): style.fontSize = PropertyParser.fontSizeKeywords[k] ?? 16
            case .length(let calc):
                // em and % refer to the parent's size; rem to the root's.
                let context = LengthContext(fontSize: parentSize, rootFontSize: rootFontSize, viewportWidth: viewport.width,
                                            viewportHeight: viewport.height, percentBase: parentSize)
                if let r = calc.resolve(context) { style.fontSize = max(0, r.px) }
            default: break
            }
        case .fontWeight:
            switch value {
            case .number(let w): style.fontWeight = w
            case .keyword("bolder"): style.fontWeight = Self.bolder(inherited.fontWeight)
            case .keyword("lighter"): style.fontWeight = Self.lighter(inherited.fontWeight)
            default: break
            }
        case .fontStyle:
            if case .keyword(let k) = value { style.fontStyle = k }
        case .lineHeight:
            switch value {
            case .keyword: style.lineHeight = .normal
            case .number(let f): style.lineHeight = .factor(f)
            case .length(let calc):
                if let r = calc.resolve(lengthContext(style, percentBase: style.fontSize)) { style.lineHeight = .px(max(0, r.px)) }
            default: break
            }
        case .color:
            // `color: currentColor` is the parent's colour.
            if case .color(let c) = value { style.color = c.resolved(current: inherited.color) }
        case .backgroundColor:
            if case .color(let c) = value { style.backgroundColor = c.resolved(current: style.color) }
        case .backgroundImage:
            if case .images(let images) = value { style.backgroundImages = images.map { $0.resolved(current: style.color) } }
        case .backgroundRepeat:
            if case .repeats(let layers) = value { style.backgroundRepeatsBothWays = layers }
        case .backgroundClip:
            if case .flag(let text) = value { style.backgroundClipsToText = text }
        case .opacity:
            if case .number(let v) = value { style.opacity = v }
        case .display:
            if case .keyword(let k) = value { style.display = k }
        case .visibility:
            if case .keyword(let k) = value { style.visibility = Visibility(rawValue: k) ?? .visible }
        case .position:
            if case .keyword(let k) = value { style.position = Position(rawValue: k) ?? .static }
        case .zIndex:
            if case .number(let v) = value { style.zIndex = Int(v) } else { style.zIndex = nil }
        case .width: if let d = dimension(value, style) { style.width = d }
        case .height: if let d = dimension(value, style) { style.height = d }
        case .minWidth: if let d = dimension(value, style) { style.minWidth = d }
        case .minHeight: if let d = dimension(value, style) { style.minHeight = d }
        case .maxWidth: if let d = dimension(value, style) { style.maxWidth = d }
        case .maxHeight: if let d = dimension(value, style) { style.maxHeight = d }
        case .paddingTop: if let d = dimension(value, style) { style.padding.top = d }
        case .paddingRight: if let d = dimension(value, style) { style.padding.right = d }
        case .paddingBottom: if let d = dimension(value, style) { style.padding.bottom = d }
        case .paddingLeft: if let d = dimension(value, style) { style.padding.left = d }
        case .marginTop: if let d = dimension(value, style) { style.margin.top = d }
        case .marginRight: if let d = dimension(value, style) { style.margin.right = d }
        case .marginBottom: if let d = dimension(value, style) { style.margin.bottom = d }
        case .marginLeft: if let d = dimension(value, style) { style.margin.left = d }
        case .textDecorationLine:
            if case .decoration(let lines) = value { style.textDecorationLine = lines }
        case .outlineStyle:
            if case .keyword(let k) = value { style.outlineStyle = k }
        case .outlineWidth:
            if let px = pixels(value, style) { style.outlineWidth = max(0, px) }
        case .outlineColor:
            if case .color(let c) = value { style.outlineColor = c.resolved(current: style.color) }
        case .borderTopWidth: if let px = pixels(value, style) { style.border.top.width = max(0, px) }
        case .borderRightWidth: if let px = pixels(value, style) { style.border.right.width = max(0, px) }
        case .borderBottomWidth: if let px = pixels(value, style) { style.border.bottom.width = max(0, px) }
        case .borderLeftWidth: if let px = pixels(value, style) { style.border.left.width = max(0, px) }
        case .borderTopStyle: if case .keyword(let k) = value { style.border.top.style = k }
        case .borderRightStyle: if case .keyword(let k) = value { style.border.right.style = k }
        case .borderBottomStyle: if case .keyword(let k) = value { style.border.bottom.style = k }
        case .borderLeftStyle: if case .keyword(let k) = value { style.border.left.style = k }
        case .borderTopColor: if case .color(let c) = value { style.border.top.color = c.resolved(current: style.color) }
        case .borderRightColor: if case .color(let c) = value { style.border.right.color = c.resolved(current: style.color) }
        case .borderBottomColor: if case .color(let c) = value { style.border.bottom.color = c.resolved(current: style.color) }
        case .borderLeftColor: if case .color(let c) = value { style.border.left.color = c.resolved(current: style.color) }
        case .boxShadow:
            if case .flag(let present) = value { style.hasBoxShadow = present }
        case .letterSpacing:
            style.letterSpacing = pixels(value, style)
        case .wordSpacing:
            style.wordSpacing = pixels(value, style)
        case .animationName:
            if case .names(let names) = value { style.animationNames = names }
        case .animationDuration:
            if case .numbers(let values) = value { style.animationDurations = values }
        case .animationIterationCount:
            if case .numbers(let values) = value { style.animationIterationCounts = values }
        case .transform:
            if case .number(let degrees) = value { style.transformRotation = degrees } else { style.transformRotation = nil }
        case .cursor:
            if case .cursor(let images, let keyword) = value {
                style.cursor = keyword
                style.cursorImages = images
            }
        case .overflowX: if case .keyword(let k) = value { style.overflowX = k }
        case .overflowY: if case .keyword(let k) = value { style.overflowY = k }
        case .textShadow:
            if case .shadows(let specs) = value { style.textShadows = specs.flatMap { shadows($0, style) } }
        case .textIndent: if let d = dimension(value, style) { style.textIndent = d }
        case .top: if let d = dimension(value, style) { style.inset.top = d }
        case .right: if let d = dimension(value, style) { style.inset.right = d }
        case .bottom: if let d = dimension(value, style) { style.inset.bottom = d }
        case .left: if let d = dimension(value, style) { style.inset.left = d }
        // SVG paints resolve currentColor at the element, so an icon's `fill: currentColor` follows its text colour.
        case .fill: if case .color(let c) = value { style.fill = c.resolved(current: style.color) }
        case .stroke: if case .color(let c) = value { style.stroke = c.resolved(current: style.color) }
        }
    }

    /// Shadows with their lengths in px; nil (a shadow the engine cannot read) when one does
    /// not resolve. Colours stay `currentColor` (nil) so that inheriting elements use their own.
    private func shadows(_ specs: [ShadowSpec], _ style: ComputedStyle) -> [TextShadow]? {
        var result: [TextShadow] = []
        for spec in specs {
            let context = lengthContext(style)
            guard let x = spec.offsetX.resolve(context), let y = spec.offsetY.resolve(context) else { return nil }
            var blur = 0.0
            if let b = spec.blur {
                guard let r = b.resolve(context) else { return nil }
                blur = max(0, r.px)
            }
            let color: RGBA?
            switch spec.color {
            case .rgba(let c)?: color = c
            case .currentColor?, nil: color = nil
            }
            result.append(TextShadow(color: color, offsetX: x.px, offsetY: y.px, blur: blur))
        }
        return result
    }

    /// `inherit` and `initial` copy the whole computed value of one property.
    private func copy(_ property: CSSProperty, from source: ComputedStyle, to style: inout ComputedStyle) {
        switch property {
        case .fontSize: style.fontSize = source.fontSize
        case .fontWeight: style.fontWeight = source.fontWeight
        case .fontStyle: style.fontStyle = source.fontStyle
        case .lineHeight: style.lineHeight = source.lineHeight
        case .color: style.color = source.color
        case .backgroundColor: style.backgroundColor = source.backgroundColor
        case .backgroundImage: style.backgroundImages = source.backgroundImages
        case .backgroundRepeat: style.backgroundRepeatsBothWays = source.backgroundRepeatsBothWays
        case .backgroundClip: style.backgroundClipsToText = source.backgroundClipsToText
        case .opacity: style.opacity = source.opacity
        case .display: style.display = source.display
        case .visibility: style.visibility = source.visibility
        case .position: style.position = source.position
        case .zIndex: style.zIndex = source.zIndex
        case .width: style.width = source.width
        case .height: style.height = source.height
        case .minWidth: style.minWidth = source.minWidth
        case .minHeight: style.minHeight = source.minHeight
        case .maxWidth: style.maxWidth = source.maxWidth
        case .maxHeight: style.maxHeight = source.maxHeight
        case .paddingTop: style.padding.top = source.padding.top
        case .paddingRight: style.padding.right = source.padding.right
        case .paddingBottom: style.padding.bottom = source.padding.bottom
        case .paddingLeft: style.padding.left = source.padding.left
        case .marginTop: style.margin.top = source.margin.top
        case .marginRight: style.margin.right = source.margin.right
        case .marginBottom: style.margin.bottom = source.margin.bottom
        case .marginLeft: style.margin.left = source.margin.left
        case .textDecorationLine: style.textDecorationLine = source.textDecorationLine
        case .outlineStyle: style.outlineStyle = source.outlineStyle
        case .outlineWidth: style.outlineWidth = source.outlineWidth
        case .outlineColor: style.outlineColor = source.outlineColor
        case .borderTopWidth: style.border.top.width = source.border.top.width
        case .borderRightWidth: style.border.right.width = source.border.right.width
        case .borderBottomWidth: style.border.bottom.width = source.border.bottom.width
        case .borderLeftWidth: style.border.left.width = source.border.left.width
        case .borderTopStyle: style.border.top.style = source.border.top.style
        case .borderRightStyle: style.border.right.style = source.border.right.style
        case .borderBottomStyle: style.border.bottom.style = source.border.bottom.style
        case .borderLeftStyle: style.border.left.style = source.border.left.style
        case .borderTopColor: style.border.top.color = source.border.top.color
        case .borderRightColor: style.border.right.color = source.border.right.color
        case .borderBottomColor: style.border.bottom.color = source.border.bottom.color
        case .borderLeftColor: style.border.left.color = source.border.left.color
        case .boxShadow: style.hasBoxShadow = source.hasBoxShadow
        case .letterSpacing: style.letterSpacing = source.letterSpacing
        case .wordSpacing: style.wordSpacing = source.wordSpacing
        case .animationName: style.animationNames = source.animationNames
        case .animationDuration: style.animationDurations = source.animationDurations
        case .animationIterationCount: style.animationIterationCounts = source.animationIterationCounts
        case .transform: style.transformRotation = source.transformRotation
        case .cursor:
            style.cursor = source.cursor
            style.cursorImages = source.cursorImages
        case .overflowX: style.overflowX = source.overflowX
        case .overflowY: style.overflowY = source.overflowY
        case .textShadow: style.textShadows = source.textShadows
        case .textIndent: style.textIndent = source.textIndent
        case .top: style.inset.top = source.inset.top
        case .right: style.inset.right = source.inset.right
        case .bottom: style.inset.bottom = source.inset.bottom
        case .left: style.inset.left = source.inset.left
        case .fill: style.fill = source.fill
        case .stroke: style.stroke = source.stroke
        }
    }

    /// Computed-value rules that tie properties together.
    private func finish(_ style: inout ComputedStyle) {
        // A border with no style has a computed width of zero. (Chromium no longer zeroes
        // outline-width for `outline-style: none`, as CSS UI 4 now says.)
        // Side by side on a copy, written back only when a width changes: a loop over key paths
        // wrote through them for every element, a sixth of computing a small page's styles.
        var border = style.border
        var changed = false
        func zeroUnstyled(_ side: inout BorderSide) {
            guard side.width != 0, side.style == "none" || side.style == "hidden" else { return }
            side.width = 0
            changed = true
        }
        zeroUnstyled(&border.top)
        zeroUnstyled(&border.right)
        zeroUnstyled(&border.bottom)
        zeroUnstyled(&border.left)
        if changed { style.border = border }
        // Absolutely positioned and floated boxes are blockified (CSS Display §2.7).
        if style.position == .absolute || style.position == .fixed {
            switch style.display {
            case "inline", "inline-block", "table-cell", "table-row", "table-caption", "run-in", "ruby", "ruby-text":
                style.display = "block"
            case "inline-flex": style.display = "flex"
            case "inline-grid": style.display = "grid"
            case "inline-table": style.display = "table"
            default: break
            }
        }
        // One overflow axis visible and the other not computes to auto (CSS Overflow §3.1).
        if style.overflowX == "visible", style.overflowY != "visible", style.overflowY != "clip" { style.overflowX = "auto" }
        if style.overflowY == "visible", style.overflowX != "visible", style.overflowX != "clip" { style.overflowY = "auto" }
    }

    /// Relative weights (CSS Fonts 4 §2.2.1).
    static func bolder(_ weight: Double) -> Double {
        switch weight {
        case ..<350: return 400
        case ..<550: return 700
        case ..<900: return 900
        default: return weight
        }
    }

    static func lighter(_ weight: Double) -> Double {
        switch weight {
        case ..<100: return weight
        case ..<550: return 100
        case ..<750: return 400
        default: return 700
        }
    }
}

extension CSSProperty {
    /// Colour properties whose initial value is `currentColor`.
    var usesCurrentColorInitially: Bool {
        switch self {
        case .outlineColor, .borderTopColor, .borderRightColor, .borderBottomColor, .borderLeftColor: return true
        default: return false
        }
    }
}
