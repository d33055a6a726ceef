/// One computed `text-shadow`: a copy of the glyphs offset and blurred, painted under them.
public struct TextShadow: Equatable, Sendable {
    /// nil for `currentColor` (also when no colour is written): the text's own colour, which
    /// follows the colour of each element the shadow is inherited by.
    public var color: RGBA?
    /// px; positive x is right, positive y is down.
    public var offsetX: Double
    public var offsetY: Double
    /// The blur radius in px (the blur's standard deviation is half of it).
    public var blur: Double

    public init(color: RGBA?, offsetX: Double, offsetY: Double, blur: Double) {
        self.color = color
        self.offsetX = offsetX
        self.offsetY = offsetY
        self.blur = blur
    }
}

/// A declared shadow, lengths still relative to the font.
struct ShadowSpec: Sendable {
    var color: ColorValue?
    var offsetX: Calc
    var offsetY: Calc
    var blur: Calc?
}

enum TextShadowParser {
    /// `none | [ <color>? && <length>{2,3} ]#`: the shadows, or nil (`.shadows(nil)`) when a
    /// colour is written in a function the engine does not know (`color-mix()`, `light-dark()`),
    /// so that the shadow is still known to be there. Nil when the value is not that grammar:
    /// browsers drop the declaration.
    static func parse(_ items: [ComponentValue]) -> SpecifiedValue? {
        if items.count == 1, items[0].keyword == "none" { return .shadows([]) }
        var shadows: [ShadowSpec] = []
        var unreadable = false
        for part in items.commaSeparated.map(\.withoutWhitespace) {
            var color: ColorValue?
            var sawColor = false
            var lengths: [Calc] = []
            var lengthsClosed = false
            for item in part {
                if let length = PropertyParser.length(item, negative: true) {
                    guard !lengthsClosed, !length.containsPercent else { return nil }
                    lengths.append(length)
                    continue
                }
                guard !sawColor else { return nil }
                if let c = ColorParser.parse(item) {
                    color = c
                } else if case .function = item {
                    unreadable = true
                } else {
                    return nil
                }
                sawColor = true
                // The colour goes before or after the lengths, never between them.
                if !lengths.isEmpty { lengthsClosed = true }
            }
            guard (2...3).contains(lengths.count) else { return nil }
            if lengths.count == 3, lengths[2].isNegativeLiteral { return nil }
            shadows.append(ShadowSpec(color: color, offsetX: lengths[0], offsetY: lengths[1], blur: lengths.count == 3 ? lengths[2] : nil))
        }
        return .shadows(unreadable ? nil : shadows)
    }
}
