import Foundation

/// How much contrast an element's text can have with what is painted behind it, as bounds
/// that hold wherever the text sits: on any part of a gradient, beside any part of its
/// shadows' halo.
public struct ContrastSpan: Equatable, Sendable {
    /// Every part of the text has at least this contrast with the background beside it.
    public var lowest: Double
    /// No text pixel has more than this contrast with any background pixel (ACT's "highest
    /// possible contrast"): below the requirement, the text fails wherever it sits.
    public var highest: Double
    /// The same bounds for the text without its shadows.
    public var lowestWithoutShadow: Double
    public var highestWithoutShadow: Double
    /// The text colour, composited (over the first background colour when they vary).
    public var foreground: RGBA
    /// What is behind the text without shadows, composited: one colour, or a gradient's stops.
    public var backgrounds: [RGBA]
    /// Each shadow at full strength over the first background; empty without shadows.
    public var halo: [RGBA]

    /// Shadows take part: the bounds with them differ from those without.
    public var shadowMatters: Bool { lowest != lowestWithoutShadow || highest != highestWithoutShadow }
}

/// What the engine can say about the contrast of an element's own text.
public enum TextContrastResult: Equatable, Sendable {
    case known(ContrastSpan)
    /// The colours cannot be bounded without rendering; the reason says why (for needsReview).
    case unknown(reason: String)
}

/// One box whose paint may show behind the text.
struct PaintBox {
    var backgroundColor: RGBA
    /// Gradient layers, top first, each with whether it covers the whole box (when it may
    /// not, the paint below it shows too).
    var gradients: [(gradient: Gradient, covers: Bool)]
    var opacity: Double
}

/// Bounds the contrast of text over backgrounds that vary. Everything painted is a function of
/// a few parameters (how far along each gradient segment, how strong each shadow), and every
/// step (premultiplied gradient mixing, compositing over an opaque backdrop, group opacity) is
/// affine in each parameter, so each colour channel is multilinear in them: over a box of
/// parameters, its extremes are at the corners. Corner colours bound the channels, relative
/// luminance rises with every channel, so they bound the luminances and the contrast. Gradient
/// segments are cut into as many pieces as the budget allows (up to 64), so that the bounds
/// decide all but borderline cases.
struct TextPaint {
    /// Canvas side first: the root's box, down to the text's own element.
    var boxes: [PaintBox]
    var text: RGBA
    /// Shadows that paint under the glyphs, with their colours resolved.
    var shadows: [(color: RGBA, shadow: TextShadow)]
    var strokeWidth: Double

    /// Corner evaluations per text element: pieces are cut coarser to stay within it, and
    /// beyond it even uncut the text is left to review.
    static let budget = 40_000
    static let maximumPieces = 64
    /// More shadows than this are bounded as if each could be at any strength.
    static let modelledShadows = 4
    static let maximumShadows = 8
    static let maximumGradientLayers = 3

    /// Why the paint cannot be bounded, or nil.
    var unbounded: String? {
        let layers = boxes.reduce(0) { $0 + $1.gradients.count }
        if layers > Self.maximumGradientLayers { return "more than \(Self.maximumGradientLayers) gradient layers behind the text" }
        if shadows.count > Self.maximumShadows { return "more than \(Self.maximumShadows) text shadows" }
        if !shadows.isEmpty, !text.isOpaque { return "semi-transparent text over its own text-shadow" }
        return nil
    }

    /// The bounds, or nil when bounding them would take too long.
    func span() -> ContrastSpan? {
        let strengths: [[Double]]
        if shadows.isEmpty {
            strengths = [[]]
        } else if shadows.count > Self.modelledShadows {
            strengths = [Array(repeating: 0, count: shadows.count)]
        } else {
            strengths = HaloModel.edgeStrengths(shadows.map(\.shadow), strokeWidth: strokeWidth)
        }
        // Without shadows, the bounds without them are the same sums: worked out once.
        guard let with = bounds(edgeStrengths: strengths),
              let without = shadows.isEmpty ? with : bounds(edgeStrengths: [[]], shadowless: true) else {
            return nil
        }
        let stops = stopColors()
        let halo = shadows.map { $0.color.over(stops[0].background) }
        return ContrastSpan(lowest: with.lowest, highest: with.highest, lowestWithoutShadow: without.lowest,
                            highestWithoutShadow: without.highest, foreground: stops[0].foreground,
                            backgrounds: stops.map(\.background), halo: halo)
    }

    // MARK: Parameters

    /// A gradient layer's part of a box of parameters: a stretch of one segment, or the layer
    /// not painted (where it may not cover).
    private enum LayerPiece {
        case absent
        case stretch(RGBA, RGBA, from: Double, to: Double)
    }

    private var layerSlots: [(box: Int, layer: Int)] {
        boxes.enumerated().flatMap { index, box in box.gradients.indices.map { (index, $0) } }
    }

    private func pieces(subdivisions: Int) -> [[LayerPiece]] {
        layerSlots.map { slot in
            let layer = boxes[slot.box].gradients[slot.layer]
            var list: [LayerPiece] = layer.covers ? [] : [.absent]
            for (a, b) in layer.gradient.segments {
                for step in 0..<subdivisions {
                    list.append(.stretch(a, b, from: Double(step) / Double(subdivisions), to: Double(step + 1) / Double(subdivisions)))
                }
            }
            return list
        }
    }

    // MARK: Bounds

    private func bounds(edgeStrengths: [[Double]], shadowless: Bool = false) -> (lowest: Double, highest: Double)? {
        let slots = layerSlots.count
        let shadowCount = shadowless ? 0 : shadows.count
        let corners = 1 << (slots + shadowCount)
        let uncut = pieces(subdivisions: 1).reduce(1) { $0 * $1.count } * edgeStrengths.count * corners
        guard uncut <= Self.budget else { return nil }
        // The most pieces per segment that keeps every slot's product within the budget.
        let room = Double(Self.budget) / Double(uncut)
        let subdivisions = slots == 0 ? 1 : max(1, min(Self.maximumPieces, Int(pow(room, 1 / Double(slots)))))
        let choices = pieces(subdivisions: subdivisions)
        let combinations = choices.reduce(1) { $0 * $1.count }

        var lowest = Double.infinity
        var foregroundRange = LuminanceRange()
        var backgroundRange = LuminanceRange()
        var choice = [Int](repeating: 0, count: slots)
        for _ in 0..<combinations {
            let selected = (0..<slots).map { choices[$0][choice[$0]] }
            for sample in edgeStrengths {
                var foreground = LuminanceRange()
                var background = LuminanceRange()
                for corner in 0..<corners {
                    let colors = paint(selected, corner: corner, strengths: sample, shadowless: shadowless)
                    foreground.include(colors.foreground)
                    background.include(colors.background)
                }
                lowest = min(lowest, Self.lowestContrast(foreground, background))
                foregroundRange.formUnion(foreground)
                backgroundRange.formUnion(background)
            }
            // Next combination, odometer style.
            for index in 0..<slots {
                choice[index] += 1
                if choice[index] < choices[index].count { break }
                choice[index] = 0
            }
        }
        return (lowest, Self.highestContrast(foregroundRange, backgroundRange))
    }

    /// The text and background colours at one corner of a box of parameters: bit `i` of
    /// `corner` picks the end of gradient slot `i`, then of shadow `i - slots`.
    private func paint(_ pieces: [LayerPiece], corner: Int, strengths: [Double], shadowless: Bool) -> (foreground: RGBA, background: RGBA) {
        var background = RGBA.white
        var below: [RGBA] = []
        below.reserveCapacity(boxes.count)
        var slot = 0
        for box in boxes {
            below.append(background)
            background = box.backgroundColor.over(background)
            let first = slot
            slot += box.gradients.count
            // Layers are listed top first and painted bottom first.
            for index in (first..<slot).reversed() {
                guard case .stretch(let a, let b, let from, let to) = pieces[index] else { continue }
                let t = corner >> index & 1 == 0 ? from : to
                background = a.gradientMix(toward: b, fraction: t).over(background)
            }
        }
        var foreground = text.over(background)
        if !shadowless {
            // Shadows paint over the element's background and under its text, last listed lowest.
            for (offset, item) in shadows.enumerated().reversed() {
                let strength = corner >> (slot + offset) & 1 == 0 ? strengths[offset] : 1
                background = item.color.withAlpha(strength).over(background)
            }
        }
        for (index, box) in boxes.enumerated().reversed() where box.opacity < 1 {
            background = below[index].blended(toward: background, fraction: box.opacity)
            foreground = below[index].blended(toward: foreground, fraction: box.opacity)
        }
        return (foreground, background)
    }

    /// The lowest contrast between any colour of one range and any of the other.
    static func lowestContrast(_ a: LuminanceRange, _ b: LuminanceRange) -> Double {
        if a.upper < b.lower { return (b.lower + 0.05) / (a.upper + 0.05) }
        if b.upper < a.lower { return (a.lower + 0.05) / (b.upper + 0.05) }
        return 1
    }

    static func highestContrast(_ a: LuminanceRange, _ b: LuminanceRange) -> Double {
        max(1, (b.upper + 0.05) / (a.lower + 0.05), (a.upper + 0.05) / (b.lower + 0.05))
    }

    /// The colours at every gradient stop without shadows, in order and without repeated
    /// backgrounds, for messages.
    private func stopColors() -> [(foreground: RGBA, background: RGBA)] {
        let choices = layerSlots.map { slot -> [LayerPiece] in
            let layer = boxes[slot.box].gradients[slot.layer]
            return layer.gradient.colors.map { .stretch($0, $0, from: 0, to: 0) }
        }
        var result: [(foreground: RGBA, background: RGBA)] = []
        var choice = [Int](repeating: 0, count: choices.count)
        let combinations = choices.reduce(1) { $0 * $1.count }
        for _ in 0..<min(combinations, 64) {
            let colors = paint((0..<choices.count).map { choices[$0][choice[$0]] }, corner: 0, strengths: [], shadowless: true)
            if !result.contains(where: { $0.background == colors.background }) { result.append(colors) }
            for index in choices.indices {
                choice[index] += 1
                if choice[index] < choices[index].count { break }
                choice[index] = 0
            }
        }
        return result
    }
}

/// Channel-wise bounds of a set of opaque colours, and from them bounds of their relative
/// luminance (which rises with every channel).
struct LuminanceRange {
    private var low = RGBA(red: .infinity, green: .infinity, blue: .infinity)
    private var high = RGBA(red: -.infinity, green: -.infinity, blue: -.infinity)

    mutating func include(_ color: RGBA) {
        low = RGBA(red: min(low.red, color.red), green: min(low.green, color.green), blue: min(low.blue, color.blue))
        high = RGBA(red: max(high.red, color.red), green: max(high.green, color.green), blue: max(high.blue, color.blue))
    }

    mutating func formUnion(_ other: LuminanceRange) {
        include(other.low)
        include(other.high)
    }

    var lower: Double { low.relativeLuminance }
    var upper: Double { high.relativeLuminance }
}
