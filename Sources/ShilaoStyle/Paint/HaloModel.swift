import Foundation

/// How strongly each text shadow shows right beside the glyphs: the background the edge of
/// the text sits on (ACT counts the pixels around each character as its background). A shadow
/// is the glyph mask moved by its offset and blurred (a Gaussian with a standard deviation of
/// half the blur radius, CSS Backgrounds 3 §7.2), so beside a stroke its strength depends on
/// the stroke, which only rendering knows. The model takes a lone thin stroke (1px at normal
/// weight, down to 0.5px for light weights; real strokes are as thick or thicker and lie near
/// others, which both strengthen the halo), in 16 directions around it and at the pixels 0.5
/// to 1.5px out, next to the anti-aliased edge, and keeps the weakest strength it finds. The
/// paint model lets each shadow range from there to full strength. Measured against Chromium
/// (eight halos and drop shadows; serif, sans-serif, light and CJK faces at 12 to 24px), 70 to
/// 100% of the pixels next to the glyphs, 95% at the median, had at least that strength: a
/// halo judged to fail or to pass does so for most of the text's edge. A drop shadow gets no
/// strength on its far side, so the plain background stays in play there.
enum HaloModel {
    static let directions = 16
    static let distances = [0.5, 1.0, 1.5]

    /// The model stroke for a font weight: 1px from normal weight up (bolder strokes only
    /// strengthen a halo, so 1px stays the weak case), down to 0.5px for the lightest.
    static func strokeWidth(fontWeight: Double) -> Double {
        max(0.5, min(1, fontWeight / 400))
    }

    /// Per sample, each shadow's strength (0–1) beside the glyph edge; samples that give the
    /// same strengths are listed once.
    static func edgeStrengths(_ shadows: [TextShadow], strokeWidth: Double) -> [[Double]] {
        var samples: [[Double]] = []
        var seen: Set<[Int]> = []
        for step in 0..<directions {
            let angle = 2 * Double.pi * Double(step) / Double(directions)
            for distance in distances {
                let strengths = shadows.map { shadow -> Double in
                    // The shadow's offset along the outward normal of this side of the stroke.
                    let along = shadow.offsetX * cos(angle) + shadow.offsetY * sin(angle)
                    return strength(offset: along, blur: shadow.blur, at: distance, stroke: strokeWidth)
                }
                if seen.insert(strengths.map { Int(($0 * 10_000).rounded()) }).inserted { samples.append(strengths) }
            }
        }
        return samples
    }

    /// A stroke of width `stroke` lies at [-stroke, 0] across its edge; its shadow lies at
    /// [offset - stroke, offset], blurred. The share of that shadow covering the point `at` px
    /// outside the edge.
    static func strength(offset: Double, blur: Double, at distance: Double, stroke: Double) -> Double {
        let sigma = blur / 2
        guard sigma > 0 else { return offset - stroke <= distance && distance <= offset ? 1 : 0 }
        return normal((offset - distance) / sigma) - normal((offset - stroke - distance) / sigma)
    }

    /// The standard normal cumulative distribution.
    private static func normal(_ z: Double) -> Double {
        0.5 * (1 + erf(z / 2.0.squareRoot()))
    }
}
