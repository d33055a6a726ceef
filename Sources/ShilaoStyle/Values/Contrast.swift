import Foundation

extension RGBA {
    /// WCAG 2 relative luminance (with the sRGB threshold 0.04045 of the current definition).
    public var relativeLuminance: Double {
        0.2126 * Self.linear(red) + 0.7152 * Self.linear(green) + 0.0722 * Self.linear(blue)
    }

    /// A channel in linear light. Whole channels, as most colours have unblended, come from
    /// a table of the same formula's answers: `pow` was 1% of an audit.
    private static func linear(_ channel: Double) -> Double {
        if let index = Int(exactly: channel), index >= 0, index < 256 { return linearTable[index] }
        return linearized(channel)
    }

    private static func linearized(_ channel: Double) -> Double {
        let c = clamp01(channel / 255)
        return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }

    private static let linearTable: [Double] = (0..<256).map { linearized(Double($0)) }

    /// WCAG 2 contrast ratio, from 1 to 21. Both colours are taken as opaque; composite first.
    public func contrast(with other: RGBA) -> Double {
        let a = relativeLuminance, b = other.relativeLuminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// This colour painted over `backdrop` (Porter-Duff source-over).
    public func over(_ backdrop: RGBA) -> RGBA {
        if alpha >= 1 { return self }
        let outAlpha = alpha + backdrop.alpha * (1 - alpha)
        guard outAlpha > 0 else { return .transparent }
        func mix(_ source: Double, _ below: Double) -> Double {
            (source * alpha + below * backdrop.alpha * (1 - alpha)) / outAlpha
        }
        return RGBA(red: mix(red, backdrop.red), green: mix(green, backdrop.green),
                    blue: mix(blue, backdrop.blue), alpha: outAlpha)
    }

    /// Linear interpolation towards `other` by `fraction`, as group opacity blends a layer.
    func blended(toward other: RGBA, fraction: Double) -> RGBA {
        RGBA(red: red + (other.red - red) * fraction, green: green + (other.green - green) * fraction,
             blue: blue + (other.blue - blue) * fraction, alpha: alpha + (other.alpha - alpha) * fraction)
    }

    func withAlpha(_ factor: Double) -> RGBA {
        RGBA(red: red, green: green, blue: blue, alpha: alpha * factor)
    }
}

/// Text colour and the opaque colour behind it, both after compositing.
public struct ColorPair: Equatable, Sendable {
    public var foreground: RGBA
    public var background: RGBA

    public var contrastRatio: Double { foreground.contrast(with: background) }
}

/// What `StyleEngine.colors(of:)` can say about an element's text colours.
public enum ColorResult: Equatable, Sendable {
    case known(ColorPair)
    /// The colours cannot be known without rendering; the reason says why (for needsReview).
    case unknown(reason: String)
}
