/// A CSS gradient image reduced to what contrast needs: its colour stops in order. Where a
/// stop sits and which way the gradient runs do not change which colours it paints, and text
/// can sit anywhere on it, so positions, angles, shapes and sizes are checked and dropped.
public struct Gradient: Equatable, Sendable {
    /// The function as written, lower-cased (`linear-gradient`, `-webkit-gradient`…), for messages.
    public var function: String
    /// Stop colours in painting order; a `currentColor` stop holds the element's colour once
    /// the style is computed.
    public internal(set) var colors: [RGBA]
    /// Colours between two stops are mixed in gamma-encoded sRGB with premultiplied alpha, so
    /// every colour a segment paints lies on the straight line between its stops. True when every
    /// stop is a legacy colour (hex, named, `rgb()`, `hsl()`, `hwb()`) and no other
    /// interpolation space is named: CSS Color 4 sends anything else (`lab()` stops, `in oklab`)
    /// through Oklab, where the path between two stops bends.
    public var interpolatesInSRGB: Bool
    /// Indices of stops written `currentColor`.
    var currentColorStops: [Int] = []

    /// Pairs of neighbouring stops: the gradient paints those colours and every mix between
    /// them, nothing else (before the first stop and after the last it repeats the end colour;
    /// a repeating gradient jumps back to the first colour without mixing).
    public var segments: [(RGBA, RGBA)] {
        zip(colors, colors.dropFirst()).map { ($0, $1) }
    }

    /// The gradient for an element whose `color` is `current`.
    func resolved(current: RGBA) -> Gradient {
        var copy = self
        for index in currentColorStops { copy.colors[index] = current }
        return copy
    }
}

extension RGBA {
    /// The colour a gradient paints at `fraction` of the way from `self` to `other`: the
    /// premultiplied channels mix linearly, so a transparent stop fades the other colour out
    /// instead of greying it (`red → transparent` passes through translucent red).
    func gradientMix(toward other: RGBA, fraction t: Double) -> RGBA {
        let alpha = alpha + (other.alpha - alpha) * t
        guard alpha > 0 else { return .transparent }
        func channel(_ a: Double, _ b: Double) -> Double {
            (a * self.alpha * (1 - t) + b * other.alpha * t) / alpha
        }
        return RGBA(red: channel(red, other.red), green: channel(green, other.green),
                    blue: channel(blue, other.blue), alpha: alpha)
    }
}

/// Parses gradient functions (CSS Images 3 and 4, their `repeating-` forms, the `-webkit-`
/// prefixed forms and the old `-webkit-gradient()`) into their colour stops. Nil when the
/// arguments are not a gradient the engine understands; the caller then keeps the image as an
/// unknown generated image rather than dropping the declaration.
enum GradientParser {
    static let functions: Set<String> = [
        "linear-gradient", "radial-gradient", "conic-gradient", "repeating-linear-gradient",
        "repeating-radial-gradient", "repeating-conic-gradient", "-webkit-linear-gradient",
        "-webkit-radial-gradient", "-webkit-repeating-linear-gradient", "-webkit-repeating-radial-gradient",
    ]

    /// Colour functions whose colours are "legacy" (interpolated in sRGB).
    private static let legacyFunctions: Set<String> = ["rgb", "rgba", "hsl", "hsla", "hwb"]

    static func parse(name: String, arguments: [ComponentValue]) -> Gradient? {
        if name == "-webkit-gradient" { return parseOldWebKit(arguments) }
        guard functions.contains(name) else { return nil }
        let isConic = name.contains("conic")
        var parts = arguments.commaSeparated.map(\.withoutWhitespace)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        var srgb = true
        if stop(parts[0], conic: isConic) == nil {
            guard let inSRGB = prelude(parts[0], linear: name.hasSuffix("linear-gradient")) else { return nil }
            srgb = inSRGB
            parts.removeFirst()
        }
        var gradient = Gradient(function: name, colors: [], interpolatesInSRGB: srgb)
        var previousWasHint = true
        for (index, part) in parts.enumerated() {
            if let (color, legacy) = stop(part, conic: isConic) {
                append(color, legacy: legacy, to: &gradient)
                previousWasHint = false
            } else if part.count == 1, position(part[0], conic: isConic), !previousWasHint, index < parts.count - 1 {
                // A transition hint moves the midpoint of a mix, not its colours.
                previousWasHint = true
            } else {
                return nil
            }
        }
        return gradient.colors.count >= 2 ? gradient : nil
    }

    private static func append(_ color: ColorValue, legacy: Bool, to gradient: inout Gradient) {
        switch color {
        case .rgba(let rgba): gradient.colors.append(rgba)
        case .currentColor:
            gradient.currentColorStops.append(gradient.colors.count)
            gradient.colors.append(.black)
        }
        if !legacy { gradient.interpolatesInSRGB = false }
    }

    /// `<color> <position>{0,2}`, with whether the colour is a legacy one.
    private static func stop(_ part: [ComponentValue], conic: Bool) -> (ColorValue, Bool)? {
        guard let first = part.first, part.count <= 3, let color = ColorParser.parse(first) else { return nil }
        guard part.dropFirst().allSatisfy({ position($0, conic: conic) }) else { return nil }
        return (color, isLegacy(first))
    }

    private static func isLegacy(_ value: ComponentValue) -> Bool {
        if case .function(let name, _) = value { return legacyFunctions.contains(name.asciiLowercased) }
        return true
    }

    /// A stop or hint position: a length or percentage, or for conic gradients an angle.
    private static func position(_ value: ComponentValue, conic: Bool) -> Bool {
        if conic, angle(value) { return true }
        return PropertyParser.length(value, negative: true) != nil
    }

    /// The first argument when it is not a stop: a direction (an angle, or sides with or
    /// without `to`) for linear gradients; shape, size, angle and position words for the others;
    /// and an optional `in <colour space> [<hue> hue]`. Returns whether the gradient still mixes
    /// in sRGB; nil when the argument holds something no gradient prelude has.
    private static func prelude(_ part: [ComponentValue], linear: Bool) -> Bool? {
        var srgb = true
        var rest: [ComponentValue] = []
        var index = 0
        while index < part.count {
            if part[index].keyword == "in" {
                guard index + 1 < part.count, let space = part[index + 1].keyword else { return nil }
                srgb = space == "srgb"
                index += 2
                // A hue method (`shorter hue`) only follows a polar space.
                if index + 1 < part.count, part[index + 1].keyword == "hue" { index += 2 }
                continue
            }
            rest.append(part[index])
            index += 1
        }
        guard linear else {
            let allowed = rest.allSatisfy { item in
                switch item {
                case .token(.ident), .token(.number), .token(.percentage), .token(.dimension): return true
                case .function: return CalcParser.parse(item) != nil
                default: return false
                }
            }
            return allowed ? srgb : nil
        }
        let sides: Set<String> = ["left", "right", "top", "bottom"]
        let words = rest.compactMap(\.keyword)
        if rest.isEmpty { return srgb }
        if rest.count == 1, angle(rest[0]) { return srgb }
        // `to right`, `to top left`; the prefixed forms name the starting side without `to`.
        let named = words.first == "to" ? Array(words.dropFirst()) : words
        guard words.count == rest.count, (1...2).contains(named.count), named.allSatisfy(sides.contains) else { return nil }
        return srgb
    }

    private static func angle(_ value: ComponentValue) -> Bool {
        switch value {
        case .token(.dimension(_, let unit, _)): return Angle.degrees(0, unit: unit) != nil
        case .token(.number(0, _, _)): return true
        default: return false
        }
    }

    /// `-webkit-gradient(linear|radial, points…, from(c), to(c), color-stop(p, c)…)`: stops sort
    /// by their position, `from` at 0 and `to` at 1.
    private static func parseOldWebKit(_ arguments: [ComponentValue]) -> Gradient? {
        var stops: [(position: Double, color: ColorValue, legacy: Bool)] = []
        for part in arguments.commaSeparated.map(\.withoutWhitespace) {
            // The type and the points come first; only stop functions follow them.
            guard case .function(let rawName, let inner)? = part.first, part.count == 1 else {
                guard stops.isEmpty else { return nil }
                continue
            }
            let values = inner.commaSeparated.map(\.withoutWhitespace)
            switch rawName.asciiLowercased {
            case "from", "to":
                guard values.count == 1, values[0].count == 1, let color = ColorParser.parse(values[0][0]) else { return nil }
                stops.append((rawName.asciiLowercased == "from" ? 0 : 1, color, isLegacy(values[0][0])))
            case "color-stop":
                guard values.count == 2, values[0].count == 1, values[1].count == 1,
                      let color = ColorParser.parse(values[1][0]) else { return nil }
                let position: Double
                switch values[0][0] {
                case .token(.number(let v, _, _)): position = v
                case .token(.percentage(let v)): position = v / 100
                default: return nil
                }
                stops.append((position, color, isLegacy(values[1][0])))
            default:
                return nil
            }
        }
        guard stops.count >= 2 else { return nil }
        var gradient = Gradient(function: "-webkit-gradient", colors: [], interpolatesInSRGB: true)
        for stop in stops.enumerated().sorted(by: { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }) {
            append(stop.element.color, legacy: stop.element.legacy, to: &gradient)
        }
        return gradient
    }
}
