/// A length-like computed value. Percentages stay percentages: without layout the containing
/// block is unknown.
public enum CSSLength: Equatable, Sendable {
    case auto
    case none
    case px(Double)
    case percent(Double)
    /// `calc()` mixing a length and a percentage.
    case calc(px: Double, percent: Double)
    /// A comparison function over a percentage (`min(100%, 600px)`): unknown without layout.
    case expression
    /// `min-content`, `max-content`, `fit-content`, `stretch`.
    case keyword(String)

    /// The length in px when it does not depend on layout.
    public var pixels: Double? {
        if case .px(let v) = self { return v }
        return nil
    }
}

public struct Edges: Equatable, Sendable {
    public var top: CSSLength
    public var right: CSSLength
    public var bottom: CSSLength
    public var left: CSSLength

    static let zero = Edges(top: .px(0), right: .px(0), bottom: .px(0), left: .px(0))
}

public struct BorderSide: Equatable, Sendable {
    /// Computed width in px: 0 when the style is `none` or `hidden`.
    public var width: Double
    public var style: String
    public var color: RGBA

    /// A border that paints something.
    public var isVisible: Bool { width > 0 && style != "none" && style != "hidden" && color.alpha > 0 }
}

public struct Borders: Equatable, Sendable {
    public var top: BorderSide
    public var right: BorderSide
    public var bottom: BorderSide
    public var left: BorderSide

    public var sides: [BorderSide] { [top, right, bottom, left] }
}

public enum LineHeight: Equatable, Sendable {
    case normal
    /// A unitless factor: inherited as the factor, so children scale it by their own font size.
    case factor(Double)
    /// A length (from px, em or %), fixed where it was declared and inherited as is.
    case px(Double)
}

public enum Visibility: String, Sendable {
    case visible, hidden, collapse
}

public enum Position: String, Sendable {
    case `static`, relative, absolute, fixed, sticky
}

public struct Animation: Equatable, Sendable {
    public var name: String
    /// Seconds.
    public var duration: Double
    /// `.infinity` for `infinite`.
    public var iterationCount: Double
}

/// Where a property's cascaded value came from.
public enum StyleOrigin: Sendable {
    case userAgent, author, inlineStyle
}

public struct DeclarationSource: Equatable, Sendable {
    public var origin: StyleOrigin
    public var important: Bool
}

/// The computed values of one element, for the properties the checks read.
public struct ComputedStyle: Sendable {
    /// The values live in one shared box: a style is read (copied) far more often than it is
    /// built, and a copy of sixty fields, a third of them reference-counted, was a tenth of
    /// auditing a large page. Writes copy the box first when another style shares it.
    final class Storage: @unchecked Sendable {
        struct Values {
            var fontSize: Double = 16
            var fontWeight: Double = 400
            var fontStyle = "normal"
            var lineHeight: LineHeight = .normal
            var color: RGBA = .black
            var backgroundColor: RGBA = .transparent
            var backgroundImages: [BackgroundImage] = []
            var backgroundRepeatsBothWays: [Bool] = [true]
            var backgroundClipsToText = false
            var opacity: Double = 1
            var display = "inline"
            var visibility: Visibility = .visible
            var position: Position = .static
            var zIndex: Int?
            var width: CSSLength = .auto
            var height: CSSLength = .auto
            var minWidth: CSSLength = .auto
            var minHeight: CSSLength = .auto
            var maxWidth: CSSLength = .none
            var maxHeight: CSSLength = .none
            var padding: Edges = .zero
            var margin: Edges = .zero
            var inset = Edges(top: .auto, right: .auto, bottom: .auto, left: .auto)
            var textDecorationLine: TextDecorationLine = []
            var outlineStyle = "none"
            var outlineWidth: Double = 3
            var outlineColor: RGBA = .black
            var border = Borders(
                top: BorderSide(width: 0, style: "none", color: .black), right: BorderSide(width: 0, style: "none", color: .black),
                bottom: BorderSide(width: 0, style: "none", color: .black), left: BorderSide(width: 0, style: "none", color: .black))
            var hasBoxShadow = false
            var letterSpacing: Double?
            var wordSpacing: Double?
            var animationNames: [String] = ["none"]
            var animationDurations: [Double] = [0]
            var animationIterationCounts: [Double] = [1]
            var transformRotation: Double?
            var cursor = "auto"
            var cursorImages: [String] = []
            var overflowX = "visible"
            var overflowY = "visible"
            var textShadows: [TextShadow]? = []
            var textIndent: CSSLength = .px(0)
            var fill: RGBA = .black
            var stroke: RGBA = .transparent
            var customProperties: [String: [ComponentValue]] = [:]
            /// Four bits per property: 0 when nothing was declared, else origin (1 UA, 2 author,
            /// 3 inline) + 4 if important. Bits rather than an array: no allocation per element.
            var sourceBits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        }
        var values: Values

        init(_ values: Values) {
            self.values = values
        }
    }

    private var storage = Storage(Storage.Values())

    /// Which box of values this style reads: styles copied from one another share one until
    /// either is changed.
    var identity: ObjectIdentifier { ObjectIdentifier(storage) }

    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.values) }
            return storage
        }
    }

    /// px.
    public internal(set) var fontSize: Double {
        get { storage.values.fontSize }
        set { unique.values.fontSize = newValue }
    }

    /// 1–1000 (normal 400, bold 700).
    public internal(set) var fontWeight: Double {
        get { storage.values.fontWeight }
        set { unique.values.fontWeight = newValue }
    }

    public internal(set) var fontStyle: String {
        get { storage.values.fontStyle }
        set { unique.values.fontStyle = newValue }
    }

    public internal(set) var lineHeight: LineHeight {
        get { storage.values.lineHeight }
        set { unique.values.lineHeight = newValue }
    }

    public internal(set) var color: RGBA {
        get { storage.values.color }
        set { unique.values.color = newValue }
    }

    public internal(set) var backgroundColor: RGBA {
        get { storage.values.backgroundColor }
        set { unique.values.backgroundColor = newValue }
    }

    /// Layers, top first; empty for `none`.
    public internal(set) var backgroundImages: [BackgroundImage] {
        get { storage.values.backgroundImages }
        set { unique.values.backgroundImages = newValue }
    }

    /// Per layer of `background-image` (the list repeats when shorter, as CSS lists do): true
    /// when the layer tiles both ways (`repeat`, `round`) and so covers the whole box.
    public internal(set) var backgroundRepeatsBothWays: [Bool] {
        get { storage.values.backgroundRepeatsBothWays }
        set { unique.values.backgroundRepeatsBothWays = newValue }
    }

    /// `background-clip: text` on some layer: the background shows only through the glyphs.
    public internal(set) var backgroundClipsToText: Bool {
        get { storage.values.backgroundClipsToText }
        set { unique.values.backgroundClipsToText = newValue }
    }

    public internal(set) var opacity: Double {
        get { storage.values.opacity }
        set { unique.values.opacity = newValue }
    }

    public internal(set) var display: String {
        get { storage.values.display }
        set { unique.values.display = newValue }
    }

    public internal(set) var visibility: Visibility {
        get { storage.values.visibility }
        set { unique.values.visibility = newValue }
    }

    public internal(set) var position: Position {
        get { storage.values.position }
        set { unique.values.position = newValue }
    }

    /// nil for `auto`.
    public internal(set) var zIndex: Int? {
        get { storage.values.zIndex }
        set { unique.values.zIndex = newValue }
    }

    public internal(set) var width: CSSLength {
        get { storage.values.width }
        set { unique.values.width = newValue }
    }

    public internal(set) var height: CSSLength {
        get { storage.values.height }
        set { unique.values.height = newValue }
    }

    public internal(set) var minWidth: CSSLength {
        get { storage.values.minWidth }
        set { unique.values.minWidth = newValue }
    }

    public internal(set) var minHeight: CSSLength {
        get { storage.values.minHeight }
        set { unique.values.minHeight = newValue }
    }

    public internal(set) var maxWidth: CSSLength {
        get { storage.values.maxWidth }
        set { unique.values.maxWidth = newValue }
    }

    public internal(set) var maxHeight: CSSLength {
        get { storage.values.maxHeight }
        set { unique.values.maxHeight = newValue }
    }

    public internal(set) var padding: Edges {
        get { storage.values.padding }
        set { unique.values.padding = newValue }
    }

    public internal(set) var margin: Edges {
        get { storage.values.margin }
        set { unique.values.margin = newValue }
    }

    /// `top`, `right`, `bottom`, `left`: where a positioned box sits.
    public internal(set) var inset: Edges {
        get { storage.values.inset }
        set { unique.values.inset = newValue }
    }

    public internal(set) var textDecorationLine: TextDecorationLine {
        get { storage.values.textDecorationLine }
        set { unique.values.textDecorationLine = newValue }
    }

    public internal(set) var outlineStyle: String {
        get { storage.values.outlineStyle }
        set { unique.values.outlineStyle = newValue }
    }

    /// px, as declared (medium, 3px, by default) even when the style is `none`; see `hasVisibleOutline`.
    public internal(set) var outlineWidth: Double {
        get { storage.values.outlineWidth }
        set { unique.values.outlineWidth = newValue }
    }

    public internal(set) var outlineColor: RGBA {
        get { storage.values.outlineColor }
        set { unique.values.outlineColor = newValue }
    }

    public internal(set) var border: Borders {
        get { storage.values.border }
        set { unique.values.border = newValue }
    }

    public internal(set) var hasBoxShadow: Bool {
        get { storage.values.hasBoxShadow }
        set { unique.values.hasBoxShadow = newValue }
    }

    /// px; nil for `normal`.
    public internal(set) var letterSpacing: Double? {
        get { storage.values.letterSpacing }
        set { unique.values.letterSpacing = newValue }
    }

    /// px; nil for `normal`.
    public internal(set) var wordSpacing: Double? {
        get { storage.values.wordSpacing }
        set { unique.values.wordSpacing = newValue }
    }

    public internal(set) var animationNames: [String] {
        get { storage.values.animationNames }
        set { unique.values.animationNames = newValue }
    }

    public internal(set) var animationDurations: [Double] {
        get { storage.values.animationDurations }
        set { unique.values.animationDurations = newValue }
    }

    public internal(set) var animationIterationCounts: [Double] {
        get { storage.values.animationIterationCounts }
        set { unique.values.animationIterationCounts = newValue }
    }

    /// Rotation about the screen axis in degrees; nil for `transform: none`.
    public internal(set) var transformRotation: Double? {
        get { storage.values.transformRotation }
        set { unique.values.transformRotation = newValue }
    }

    public internal(set) var cursor: String {
        get { storage.values.cursor }
        set { unique.values.cursor = newValue }
    }

    /// `url()` images of `cursor`, in order.
    public internal(set) var cursorImages: [String] {
        get { storage.values.cursorImages }
        set { unique.values.cursorImages = newValue }
    }

    public internal(set) var overflowX: String {
        get { storage.values.overflowX }
        set { unique.values.overflowX = newValue }
    }

    public internal(set) var overflowY: String {
        get { storage.values.overflowY }
        set { unique.values.overflowY = newValue }
    }

    /// Shadows under the text, first painted on top; nil when the engine could not read the value.
    public internal(set) var textShadows: [TextShadow]? {
        get { storage.values.textShadows }
        set { unique.values.textShadows = newValue }
    }

    /// px, or a percentage of the containing block.
    public internal(set) var textIndent: CSSLength {
        get { storage.values.textIndent }
        set { unique.values.textIndent = newValue }
    }

    /// SVG paint as a flat colour; `none` and paint servers (`url(#gradient)`) give transparent,
    /// having no single colour to judge.
    public internal(set) var fill: RGBA {
        get { storage.values.fill }
        set { unique.values.fill = newValue }
    }

    public internal(set) var stroke: RGBA {
        get { storage.values.stroke }
        set { unique.values.stroke = newValue }
    }

    var customProperties: [String: [ComponentValue]] {
        get { storage.values.customProperties }
        set { unique.values.customProperties = newValue }
    }

    mutating func setSource(_ property: CSSProperty, _ code: UInt8) {
        let shift = UInt64(property.rawValue % 16 * 4)
        let bits = UInt64(code & 0xF) << shift
        let mask = ~(UInt64(0xF) << shift)
        let storage = unique
        switch property.rawValue / 16 {
        case 0: storage.values.sourceBits.0 = storage.values.sourceBits.0 & mask | bits
        case 1: storage.values.sourceBits.1 = storage.values.sourceBits.1 & mask | bits
        case 2: storage.values.sourceBits.2 = storage.values.sourceBits.2 & mask | bits
        default: storage.values.sourceBits.3 = storage.values.sourceBits.3 & mask | bits
        }
    }

    private func sourceCode(_ property: CSSProperty) -> UInt8 {
        let word: UInt64
        switch property.rawValue / 16 {
        case 0: word = storage.values.sourceBits.0
        case 1: word = storage.values.sourceBits.1
        case 2: word = storage.values.sourceBits.2
        default: word = storage.values.sourceBits.3
        }
        return UInt8(word >> UInt64(property.rawValue % 16 * 4) & 0xF)
    }

    static let initial = ComputedStyle()

    /// The used line height in px (`normal` taken as 1.2, as the thresholds in STANDARDS.md do).
    public var lineHeightPixels: Double {
        switch lineHeight {
        case .normal: return fontSize * 1.2
        case .factor(let f): return fontSize * f
        case .px(let v): return v
        }
    }

    public var isBold: Bool { fontWeight >= 600 }

    /// A shadow or halo behind the text (or a `text-shadow` value the engine could not read).
    public var hasTextShadow: Bool { textShadows?.isEmpty != true }

    /// Whether background layer `index` tiles both ways.
    public func backgroundLayerRepeatsBothWays(_ index: Int) -> Bool {
        backgroundRepeatsBothWays.isEmpty || backgroundRepeatsBothWays[index % backgroundRepeatsBothWays.count]
    }

    /// An outline that paints something (a focus indicator, for instance).
    public var hasVisibleOutline: Bool { outlineStyle != "none" && outlineWidth > 0 && outlineColor.alpha > 0 }

    /// Running animations, one per named layer; durations and counts repeat as lists do.
    public var animations: [Animation] {
        animationNames.enumerated().compactMap { index, name in
            guard name != "none" else { return nil }
            return Animation(name: name,
                             duration: animationDurations[index % max(1, animationDurations.count)],
                             iterationCount: animationIterationCounts[index % max(1, animationIterationCounts.count)])
        }
    }

    /// Where the cascaded value came from; nil when nothing was declared for the element
    /// (the value is inherited or initial).
    public func source(of property: CSSProperty) -> DeclarationSource? {
        let code = sourceCode(property)
        guard code != 0 else { return nil }
        let origin: StyleOrigin
        switch code & 3 {
        case 1: origin = .userAgent
        case 2: origin = .author
        default: origin = .inlineStyle
        }
        return DeclarationSource(origin: origin, important: code & 4 != 0)
    }

    /// A custom property's computed value as text (`var(--x)` references already substituted).
    public func customProperty(_ name: String) -> String? {
        customProperties[name].map { Array($0.trimmed).cssText }
    }
}
