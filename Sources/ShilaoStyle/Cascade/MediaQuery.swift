/// The screen the page is audited for. Media queries are evaluated against it.
public enum Viewport: String, CaseIterable, Sendable {
    case desktop, mobile

    public var width: Double { self == .desktop ? 1280 : 375 }
    public var height: Double { self == .desktop ? 800 : 667 }
    var devicePixelRatio: Double { self == .desktop ? 1 : 2 }
}

/// A screen orientation, as the `orientation` media feature names it.
public enum Orientation: String, Sendable {
    case portrait, landscape
}

/// What media queries read: the viewport, with its orientation possibly turned, so the
/// orientation check can compare a page's styles in both orientations at the same size; and the
/// one reader preference a check asks about (a system set to reduce motion).
struct MediaScreen: Sendable {
    let viewport: Viewport
    let orientation: Orientation
    let prefersReducedMotion: Bool

    init(_ viewport: Viewport, orientation: Orientation? = nil, prefersReducedMotion: Bool = false) {
        self.viewport = viewport
        self.orientation = orientation ?? (viewport.height >= viewport.width ? .portrait : .landscape)
        self.prefersReducedMotion = prefersReducedMotion
    }

    var width: Double { viewport.width }
    var height: Double { viewport.height }
    var devicePixelRatio: Double { viewport.devicePixelRatio }
}

/// A media query list (Media Queries 4), parsed once and evaluated per viewport. An empty list
/// is true; a query that does not parse is `not all`.
struct MediaQueryList: Sendable {
    fileprivate var queries: [MediaQuery]
    /// Whether a query tests the `orientation` feature.
    private(set) var testsOrientation = false

    static let all = MediaQueryList(queries: [])

    init(_ values: [ComponentValue]) {
        let trimmed = Array(values.trimmed)
        if trimmed.isEmpty {
            queries = []
            return
        }
        var pending = trimmed[...]
        while let value = pending.popFirst() {
            switch value {
            case .block(_, let inner), .function(_, let inner): pending.append(contentsOf: inner)
            case .token: if value.keyword == "orientation" { testsOrientation = true }
            }
        }
        // A query that does not parse becomes `not all`: a media type nothing matches.
        queries = trimmed.commaSeparated.map { MediaQuery(Array($0.trimmed)) ?? MediaQuery(negated: false, type: "not all", condition: nil) }
    }

    init(text: String) {
        self.init(Parser.parseComponentValues(text))
    }

    private init(queries: [MediaQuery]) {
        self.queries = queries
    }

    /// No query: true in every viewport.
    var isEmpty: Bool { queries.isEmpty }

    func matches(_ viewport: Viewport) -> Bool {
        matches(MediaScreen(viewport))
    }

    func matches(_ screen: MediaScreen) -> Bool {
        queries.isEmpty || queries.contains { $0.matches(screen) }
    }

}

private struct MediaQuery: Sendable {
    var negated: Bool
    var type: String?
    var condition: MediaCondition?

    init(negated: Bool, type: String?, condition: MediaCondition?) {
        self.negated = negated
        self.type = type
        self.condition = condition
    }

    init?(_ values: [ComponentValue]) {
        var items = values.withoutWhitespace
        guard let first = items.first else { return nil }
        if case .token(.ident) = first {
            var negated = false
            if first.keyword == "not" || first.keyword == "only" {
                negated = first.keyword == "not"
                items.removeFirst()
            }
            guard let typeItem = items.first, let type = typeItem.keyword, !["and", "or", "not", "only"].contains(type) else {
                return nil
            }
            items.removeFirst()
            var condition: MediaCondition?
            if !items.isEmpty {
                guard items.first?.keyword == "and" else { return nil }
                items.removeFirst()
                guard let parsed = MediaCondition.parse(items, allowOr: false) else { return nil }
                condition = parsed
            }
            self.init(negated: negated, type: type, condition: condition)
            return
        }
        guard let condition = MediaCondition.parse(items, allowOr: true) else { return nil }
        self.init(negated: false, type: nil, condition: condition)
    }

    func matches(_ viewport: MediaScreen) -> Bool {
        let typeMatches: Bool
        switch type {
        case nil, "all", "screen": typeMatches = true
        default: typeMatches = false
        }
        // Unknown (nil) counts as false, also under `not`.
        let conditionMatches = condition.map { $0.evaluate(viewport) } ?? true
        guard let result = conditionMatches else { return false }
        let matched = typeMatches && result
        return negated ? !matched : matched
    }
}

private indirect enum MediaCondition: Sendable {
    case feature(name: String, value: [ComponentValue]?)
    case range(name: String, comparisons: [(op: String, value: ComponentValue, featureOnLeft: Bool)])
    case not(MediaCondition)
    case and([MediaCondition])
    case or([MediaCondition])
    /// Syntax we do not understand inside parentheses (general enclosed): unknown, never true.
    case unknown

    static func parse(_ items: [ComponentValue], allowOr: Bool) -> MediaCondition? {
        guard let first = items.first else { return nil }
        if first.keyword == "not" {
            guard items.count == 2, let inner = parseInParens(items[1]) else { return nil }
            return .not(inner)
        }
        var parts: [MediaCondition] = []
        var joiner: String?
        var index = 0
        while index < items.count {
            guard let part = parseInParens(items[index]) else { return nil }
            parts.append(part)
            index += 1
            if index < items.count {
                guard let word = items[index].keyword, word == "and" || (word == "or" && allowOr) else { return nil }
                if let j = joiner, j != word { return nil }
                joiner = word
                index += 1
                guard index < items.count else { return nil }
            }
        }
        if parts.count == 1 { return parts[0] }
        return joiner == "or" ? .or(parts) : .and(parts)
    }

    private static func parseInParens(_ item: ComponentValue) -> MediaCondition? {
        guard case .block(.paren, let contents) = item else {
            if case .function = item { return .unknown }
            return nil
        }
        let items = contents.withoutWhitespace
        guard let first = items.first else { return .unknown }
        if case .block(.paren, _) = first { return parse(items, allowOr: true) ?? .unknown }
        if first.keyword == "not" { return parse(items, allowOr: true) ?? .unknown }
        if items.count == 1, let name = first.keyword { return .feature(name: name, value: nil) }
        if items.count >= 3, let name = first.keyword, case .token(.colon) = items[1] {
            return .feature(name: name, value: Array(items[2...]))
        }
        return parseRange(items) ?? .unknown
    }

    /// `(width <= 600px)`, `(600px < width)`, `(400px <= width < 800px)`.
    private static func parseRange(_ items: [ComponentValue]) -> MediaCondition? {
        var operands: [ComponentValue] = []
        var operators: [String] = []
        var index = 0
        while index < items.count {
            if case .token(.delim(let d)) = items[index], d == "<" || d == ">" || d == "=" {
                var op = String(Character(d))
                if d != "=", index + 1 < items.count, items[index + 1].token?.isDelim("=") == true {
                    op += "="
                    index += 1
                }
                operators.append(op)
            } else {
                operands.append(items[index])
            }
            index += 1
        }
        guard operands.count == operators.count + 1, (2...3).contains(operands.count) else { return nil }
        guard let featureIndex = operands.firstIndex(where: { $0.keyword != nil && $0.keyword != "infinite" }),
              let name = operands[featureIndex].keyword else { return nil }
        var comparisons: [(String, ComponentValue, Bool)] = []
        if operands.count == 2 {
            let other = operands[1 - featureIndex]
            comparisons.append((operators[0], other, featureIndex == 0))
        } else {
            guard featureIndex == 1 else { return nil }
            comparisons.append((operators[0], operands[0], false))
            comparisons.append((operators[1], operands[2], true))
        }
        return .range(name: name, comparisons: comparisons)
    }

    func evaluate(_ viewport: MediaScreen) -> Bool? {
        switch self {
        case .unknown: return nil
        case .not(let inner): return inner.evaluate(viewport).map { !$0 }
        case .and(let parts):
            var result: Bool? = true
            for part in parts {
                switch part.evaluate(viewport) {
                case false?: return false
                case nil: result = nil
                case true?: break
                }
            }
            return result
        case .or(let parts):
            var result: Bool? = false
            for part in parts {
                switch part.evaluate(viewport) {
                case true?: return true
                case nil: result = nil
                case false?: break
                }
            }
            return result
        case .feature(let name, let value):
            return MediaFeatures.evaluate(name, value, viewport)
        case .range(let name, let comparisons):
            guard let actual = MediaFeatures.numericValue(name, viewport) else { return nil }
            for (op, operand, featureOnLeft) in comparisons {
                guard let other = MediaFeatures.number(operand, for: name) else { return nil }
                let (lhs, rhs) = featureOnLeft ? (actual, other) : (other, actual)
                let holds: Bool
                switch op {
                case "<": holds = lhs < rhs
                case "<=": holds = lhs <= rhs
                case ">": holds = lhs > rhs
                case ">=": holds = lhs >= rhs
                default: holds = abs(lhs - rhs) < 0.0001
                }
                if !holds { return false }
            }
            return true
        }
    }
}

/// The values the emulated screen reports (a light-scheme browser with no special settings
/// beyond the screen's motion preference).
private enum MediaFeatures {
    static func numericValue(_ name: String, _ viewport: MediaScreen) -> Double? {
        switch name {
        case "width", "device-width": return viewport.width
        case "height", "device-height": return viewport.height
        case "aspect-ratio", "device-aspect-ratio": return viewport.width / viewport.height
        case "resolution", "-webkit-device-pixel-ratio": return viewport.devicePixelRatio
        case "color": return 8
        case "color-index", "monochrome", "grid": return 0
        default: return nil
        }
    }

    /// A comparison operand in the feature's canonical unit (px, dppx, or a plain ratio).
    static func number(_ value: ComponentValue, for name: String) -> Double? {
        switch value {
        case .token(.number(let v, _, _)): return v
        case .token(.dimension(let v, let unit, _)):
            switch unit.asciiLowercased {
            case "dppx", "x": return v
            case "dpi": return v / 96
            case "dpcm": return v * 2.54 / 96
            case "em", "rem": return v * 16
            default:
                guard let calc = CalcParser.dimension(v, unit), let r = calc.resolve(mediaContext) else { return nil }
                return r.px
            }
        case .function:
            return CalcParser.parse(value)?.resolve(mediaContext)?.px
        default:
            return nil
        }
    }

    /// Relative lengths in media queries use the initial font size, 16px.
    private static let mediaContext = LengthContext(fontSize: 16, rootFontSize: 16, viewportWidth: 0, viewportHeight: 0, percentBase: nil)

    private static func ratio(_ values: [ComponentValue]) -> Double? {
        let numbers = values.compactMap { value -> Double? in
            if case .token(.number(let v, _, _)) = value { return v }
            return nil
        }
        if values.count == 1, numbers.count == 1 { return numbers[0] }
        guard values.count == 3, numbers.count == 2, values[1].token?.isDelim("/") == true, numbers[1] != 0 else { return nil }
        return numbers[0] / numbers[1]
    }

    static func evaluate(_ rawName: String, _ value: [ComponentValue]?, _ viewport: MediaScreen) -> Bool? {
        var name = rawName
        var comparison = 0
        for (prefix, sign) in [("min-", 1), ("max-", -1), ("-webkit-min-", 1), ("-webkit-max-", -1)] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
            comparison = sign
            break
        }
        if name == "device-pixel-ratio" { name = "-webkit-device-pixel-ratio" }
        if let actual = numericValue(name, viewport) {
            guard let value else { return comparison == 0 ? actual != 0 : nil }
            let expected: Double?
            if name.hasSuffix("aspect-ratio") {
                expected = ratio(value)
            } else {
                expected = value.count == 1 ? number(value[0], for: name) : nil
            }
            guard let expected else { return nil }
            switch comparison {
            case 1: return actual >= expected
            case -1: return actual <= expected
            default: return abs(actual - expected) < 0.0001
            }
        }
        guard comparison == 0 else { return nil }
        let keyword = value.flatMap { $0.count == 1 ? $0[0].keyword : nil }
        let actual: String
        switch name {
        case "orientation": actual = viewport.orientation.rawValue
        case "hover", "any-hover": actual = viewport.viewport == .desktop ? "hover" : "none"
        case "pointer", "any-pointer": actual = viewport.viewport == .desktop ? "fine" : "coarse"
        case "prefers-color-scheme": actual = "light"
        case "prefers-reduced-motion": actual = viewport.prefersReducedMotion ? "reduce" : "no-preference"
        case "prefers-contrast", "prefers-reduced-transparency", "prefers-reduced-data":
            actual = "no-preference"
        case "forced-colors", "inverted-colors": actual = "none"
        case "scripting": actual = "enabled"
        case "update": actual = "fast"
        case "display-mode": actual = "browser"
        case "dynamic-range", "video-dynamic-range": actual = "standard"
        case "color-gamut": actual = "srgb"
        case "overflow-block": actual = "scroll"
        case "overflow-inline": actual = "scroll"
        default: return nil
        }
        guard value != nil else {
            // Boolean context: true unless the value is the feature's "off" value.
            return !["none", "no-preference"].contains(actual)
        }
        guard let keyword else { return nil }
        return keyword == actual
    }
}
