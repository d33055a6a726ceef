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
    /// px.
    public internal(set) var fontSize: Double = 16
    /// 1–1000 (normal 400, bold 700).
    public internal(set) var fontWeight: Double = 400
    public internal(set) var fontStyle = "normal"
    public internal(set) var lineHeight: LineHeight = .normal
    public internal(set) var color: RGBA = .black
    public internal(set) var backgroundColor: RGBA = .transparent
    /// Layers, top first; empty for `none`.
    public internal(set) var backgroundImages: [BackgroundImage] = []
    /// Per layer of `background-image` (the list repeats when shorter, as CSS lists do): true
    /// when the layer tiles both ways (`repeat`, `round`) and so covers the whole box.
    public internal(set) var backgroundRepeatsBothWays: [Bool] = [true]
    /// `background-clip: text` on some layer: the background shows only through the glyphs.
    public internal(set) var backgroundClipsToText = false
    public internal(set) var opacity: Double = 1
    public internal(set) var display = "inline"
    public internal(set) var visibility: Visibility = .visible
    public internal(set) var position: Position = .static
    /// nil for `auto`.
    public internal(set) var zIndex: Int?
    public internal(set) var width: CSSLength = .auto
    public internal(set) var height: CSSLength = .auto
    public internal(set) var minWidth: CSSLength = .auto
    public internal(set) var minHeight: CSSLength = .auto
    public internal(set) var maxWidth: CSSLength = .none
    public internal(set) var maxHeight: CSSLength = .none
    public internal(set) var padding: Edges = .zero
    public internal(set) var margin: Edges = .zero
    /// `top`, `right`, `bottom`, `left`: where a positioned box sits.
    public internal(set) var inset = Edges(top: .auto, right: .auto, bottom: .auto, left: .auto)
    public internal(set) var textDecorationLine: TextDecorationLine = []
    public internal(set) var outlineStyle = "none"
    /// px, as declared (medium, 3px, by default) even when the style is `none`; see `hasVisibleOutline`.
    public internal(set) var outlineWidth: Double = 3
    public internal(set) var outlineColor: RGBA = .black
    public internal(set) var border = Borders(
        top: BorderSide(width: 0, style: "none", color: .black), right: BorderSide(width: 0, style: "none", color: .black),
        bottom: BorderSide(width: 0, style: "none", color: .black), left: BorderSide(width: 0, style: "none", color: .black))
    public internal(set) var hasBoxShadow = false
    /// px; nil for `normal`.
    public internal(set) var letterSpacing: Double?
    /// px; nil for `normal`.
    public internal(set) var wordSpacing: Double?
    public internal(set) var animationNames: [String] = ["none"]
    public internal(set) var animationDurations: [Double] = [0]
    public internal(set) var animationIterationCounts: [Double] = [1]
    /// Rotation about the screen axis in degrees; nil for `transform: none`.
    public internal(set) var transformRotation: Double?
    public internal(set) var cursor = "auto"
    /// `url()` images of `cursor`, in order.
    public internal(set) var cursorImages: [String] = []
    public internal(set) var overflowX = "visible"
    public internal(set) var overflowY = "visible"
    /// Shadows under the text, first painted on top; nil when the engine could not read the value.
    public internal(set) var textShadows: [TextShadow]? = []
    /// px, or a percentage of the containing block.
    public internal(set) var textIndent: CSSLength = .px(0)
    /// SVG paint as a flat colour; `none` and paint servers (`url(#gradient)`) give transparent,
    /// having no single colour to judge.
    public internal(set) var fill: RGBA = .black
    public internal(set) var stroke: RGBA = .transparent

    var customProperties: [String: [ComponentValue]] = [:]
    /// Four bits per property: 0 when nothing was declared, else origin (1 UA, 2 author,
    /// 3 inline) + 4 if important. Bits rather than an array: no allocation per element.
    private var sourceBits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    mutating func setSource(_ property: CSSProperty, _ code: UInt8) {
        let shift = UInt64(property.rawValue % 16 * 4)
        let bits = UInt64(code & 0xF) << shift
        let mask = ~(UInt64(0xF) << shift)
        switch property.rawValue / 16 {
        case 0: sourceBits.0 = sourceBits.0 & mask | bits
        case 1: sourceBits.1 = sourceBits.1 & mask | bits
        case 2: sourceBits.2 = sourceBits.2 & mask | bits
        default: sourceBits.3 = sourceBits.3 & mask | bits
        }
    }

    private func sourceCode(_ property: CSSProperty) -> UInt8 {
        let word: UInt64
        switch property.rawValue / 16 {
        case 0: word = sourceBits.0
        case 1: word = sourceBits.1
        case 2: word = sourceBits.2
        default: word = sourceBits.3
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
