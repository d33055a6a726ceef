/// The longhand properties the engine computes: what the checks read, and what the shorthands
/// that set them reach. Anything else in a sheet is parsed and ignored. (At most 64: computed
/// styles keep each one's source in four bits of a 256-bit field.)
public enum CSSProperty: Int, CaseIterable, Sendable {
    case fontSize, fontWeight, fontStyle, lineHeight, color
    case backgroundColor, backgroundImage, opacity, display, visibility, position, zIndex
    case width, height, minWidth, minHeight, maxWidth, maxHeight
    case paddingTop, paddingRight, paddingBottom, paddingLeft
    case marginTop, marginRight, marginBottom, marginLeft
    case textDecorationLine
    case outlineStyle, outlineWidth, outlineColor
    case borderTopWidth, borderRightWidth, borderBottomWidth, borderLeftWidth
    case borderTopStyle, borderRightStyle, borderBottomStyle, borderLeftStyle
    case borderTopColor, borderRightColor, borderBottomColor, borderLeftColor
    case boxShadow, letterSpacing, wordSpacing
    case animationName, animationDuration, animationIterationCount
    case transform, cursor, overflowX, overflowY
    case textShadow, textIndent, top, right, bottom, left, fill, stroke
    case backgroundRepeat, backgroundClip

    /// The CSS name, as written in a sheet.
    public var name: String { Self.names[rawValue] }

    public init?(name: String) {
        guard let property = Self.byName[name.asciiLowercased] else { return nil }
        self = property
    }

    /// Inherited properties take the parent's computed value when nothing is declared.
    var isInherited: Bool {
        switch self {
        case .fontSize, .fontWeight, .fontStyle, .lineHeight, .color, .visibility, .letterSpacing,
             .wordSpacing, .cursor, .textShadow, .textIndent, .fill, .stroke:
            return true
        default:
            return false
        }
    }

    private static let names: [String] = CSSProperty.allCases.map { property in
        // camelCase to kebab-case.
        var result = ""
        for character in String(describing: property) {
            if character.isUppercase {
                result += "-" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static let byName: [String: CSSProperty] = {
        var map: [String: CSSProperty] = [:]
        for property in CSSProperty.allCases { map[property.name] = property }
        return map
    }()
}

/// `inherit`, `initial`, `unset`, `revert` (CSS Cascade 4 §7.3), accepted by every property.
enum CSSWideKeyword: Sendable {
    case inherit, initial, unset, revert

    init?(_ value: [ComponentValue]) {
        let items = value.withoutWhitespace
        guard items.count == 1, let keyword = items[0].keyword else { return nil }
        switch keyword {
        case "inherit": self = .inherit
        case "initial": self = .initial
        case "unset": self = .unset
        case "revert", "revert-layer": self = .revert
        default: return nil
        }
    }
}

/// A declared value, checked against the property's grammar when the sheet is parsed.
enum SpecifiedValue: Sendable {
    case wide(CSSWideKeyword)
    case keyword(String)
    case length(Calc)
    case number(Double)
    case color(ColorValue)
    case images([BackgroundImage])
    case flag(Bool)
    case names([String])
    case numbers([Double])
    case decoration(TextDecorationLine)
    case cursor(images: [String], keyword: String)
    /// `text-shadow`; nil for a value the engine cannot read.
    case shadows([ShadowSpec]?)
    /// `background-repeat`: per layer, whether it tiles both ways.
    case repeats([Bool])
}

/// One layer of `background-image`.
public enum BackgroundImage: Equatable, Sendable {
    case url(String)
    /// A gradient whose colour stops the engine read.
    case gradient(Gradient)
    /// Another generated image (`image-set`, `cross-fade`, a gradient it could not read…), by function name.
    case generated(String)

    /// The image for an element whose `color` is `current`.
    func resolved(current: RGBA) -> BackgroundImage {
        if case .gradient(let gradient) = self, !gradient.currentColorStops.isEmpty {
            return .gradient(gradient.resolved(current: current))
        }
        return self
    }
}

/// The lines of `text-decoration-line`.
public struct TextDecorationLine: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let underline = TextDecorationLine(rawValue: 1)
    public static let overline = TextDecorationLine(rawValue: 2)
    public static let lineThrough = TextDecorationLine(rawValue: 4)
    public static let blink = TextDecorationLine(rawValue: 8)
}
