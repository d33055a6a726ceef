import Foundation

/// An sRGB colour: channels 0–255 (fractional values allowed), alpha 0–1.
public struct RGBA: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    public static let black = RGBA(red: 0, green: 0, blue: 0)
    public static let white = RGBA(red: 255, green: 255, blue: 255)
    public static let transparent = RGBA(red: 0, green: 0, blue: 0, alpha: 0)

    /// Parses any CSS colour that does not depend on context (`currentColor` does; it gives nil).
    public init?(css text: String) {
        let values = Parser.parseComponentValues(text).withoutWhitespace
        guard values.count == 1, case .rgba(let color)? = ColorParser.parse(values[0]) else { return nil }
        self = color
    }

    public var isOpaque: Bool { alpha >= 1 }

    public var description: String {
        // By hand: Foundation's String(format:) costs more than the rest of a finding.
        let digits = Array("0123456789ABCDEF")
        var hex = ""
        for channel in [red, green, blue] {
            let byte = Int(max(0, min(255, channel.rounded())))
            hex.append(digits[byte >> 4])
            hex.append(digits[byte & 15])
        }
        return alpha >= 1 ? "#" + hex : "#" + hex + String(format: " alpha %.3g", alpha)
    }
}

/// A specified colour: a concrete one, or the element's own `color`.
enum ColorValue: Equatable, Sendable {
    case rgba(RGBA)
    case currentColor

    func resolved(current: RGBA) -> RGBA {
        switch self {
        case .rgba(let c): return c
        case .currentColor: return current
        }
    }
}

/// CSS Color 4 parsing: named and system colours, hex, rgb(), hsl(), hwb(), lab(), lch(),
/// oklab(), oklch(); legacy comma syntax and modern space syntax with `/ alpha`.
enum ColorParser {
    static func parse(_ value: ComponentValue) -> ColorValue? {
        switch value {
        case .token(.ident(let name)):
            let key = name.asciiLowercased
            if key == "currentcolor" { return .currentColor }
            if key == "transparent" { return .rgba(.transparent) }
            if let hex = namedColors[key] ?? systemColors[key] { return .rgba(rgb(hex)) }
            return nil
        case .token(.hash(let hex, _)):
            return parseHex(hex).map { .rgba($0) }
        case .function(let rawName, let args):
            return parseFunction(rawName.asciiLowercased, args).map { .rgba($0) }
        default:
            return nil
        }
    }

    private static func rgb(_ hex: UInt32) -> RGBA {
        RGBA(red: Double(hex >> 16 & 0xFF), green: Double(hex >> 8 & 0xFF), blue: Double(hex & 0xFF))
    }

    static func parseHex(_ text: String) -> RGBA? {
        let digits = Array(text.utf8)
        guard [3, 4, 6, 8].contains(digits.count) else { return nil }
        var values: [Double] = []
        for byte in digits {
            switch byte {
            case 0x30...0x39: values.append(Double(byte - 0x30))
            case 0x41...0x46: values.append(Double(byte - 0x41 + 10))
            case 0x61...0x66: values.append(Double(byte - 0x61 + 10))
            default: return nil
            }
        }
        if digits.count <= 4 {
            let alpha = digits.count == 4 ? values[3] * 17 / 255 : 1
            return RGBA(red: values[0] * 17, green: values[1] * 17, blue: values[2] * 17, alpha: alpha)
        }
        let alpha = digits.count == 8 ? (values[6] * 16 + values[7]) / 255 : 1
        return RGBA(red: values[0] * 16 + values[1], green: values[2] * 16 + values[3],
                    blue: values[4] * 16 + values[5], alpha: alpha)
    }

    /// One channel argument: a number, a percentage, an angle, or `none` (zero).
    private enum Argument {
        case number(Double), percentage(Double), angle(Double), none
    }

    private static func argument(_ value: ComponentValue) -> Argument? {
        switch value {
        case .token(.number(let v, _, _)): return .number(v)
        case .token(.percentage(let v)): return .percentage(v)
        case .token(.dimension(let v, let unit, _)):
            return Angle.degrees(v, unit: unit).map { .angle($0) }
        case .token(.ident(let name)) where name.asciiLowercased == "none": return Argument.none
        case .function(let name, _) where ["calc", "-webkit-calc"].contains(name.asciiLowercased):
            return CalcParser.parse(value).flatMap { $0.constantNumber }.map { .number($0) }
        default: return nil
        }
    }

    /// Splits arguments into channels and an optional alpha, accepting the comma syntax only
    /// for the legacy functions.
    private static func channels(_ args: [ComponentValue], legacy: Bool) -> (channels: [Argument], alpha: Argument?)? {
        let parts = args.commaSeparated
        if parts.count > 1 {
            guard legacy, parts.count == 3 || parts.count == 4 else { return nil }
            var list: [Argument] = []
            for part in parts {
                let items = part.withoutWhitespace
                guard items.count == 1, let arg = argument(items[0]) else { return nil }
                if case .none = arg { return nil }
                list.append(arg)
            }
            return (Array(list.prefix(3)), list.count == 4 ? list[3] : nil)
        }
        let items = args.withoutWhitespace
        var list: [Argument] = []
        var alpha: Argument?
        var index = 0
        while index < items.count {
            if items[index].token?.isDelim("/") == true {
                guard index + 2 == items.count, let a = argument(items[index + 1]) else { return nil }
                alpha = a
                break
            }
            guard let arg = argument(items[index]) else { return nil }
            list.append(arg)
            index += 1
        }
        guard list.count == 3 else { return nil }
        return (list, alpha)
    }

    private static func alphaValue(_ arg: Argument?) -> Double? {
        guard let arg else { return 1 }
        switch arg {
        case .number(let v): return clamp01(v)
        case .percentage(let v): return clamp01(v / 100)
        case .none: return 0
        case .angle: return nil
        }
    }

    private static func hue(_ arg: Argument) -> Double? {
        switch arg {
        case .number(let v), .angle(let v): return v
        case .none: return 0
        case .percentage: return nil
        }
    }

    /// A percentage or a number scaled so that `percentScale` corresponds to 100%.
    private static func scalar(_ arg: Argument, percentScale: Double) -> Double? {
        switch arg {
        case .number(let v): return v
        case .percentage(let v): return v / 100 * percentScale
        case .none: return 0
        case .angle: return nil
        }
    }

    private static func parseFunction(_ name: String, _ args: [ComponentValue]) -> RGBA? {
        switch name {
        case "rgb", "rgba":
            guard let (c, a) = channels(args, legacy: true), let alpha = alphaValue(a) else { return nil }
            var rgb: [Double] = []
            for channel in c {
                guard let v = scalar(channel, percentScale: 255) else { return nil }
                rgb.append(max(0, min(255, v)))
            }
            return RGBA(red: rgb[0], green: rgb[1], blue: rgb[2], alpha: alpha)
        case "hsl", "hsla":
            guard let (c, a) = channels(args, legacy: true), let alpha = alphaValue(a), let h = hue(c[0]),
                  let s = scalar(c[1], percentScale: 100), let l = scalar(c[2], percentScale: 100) else { return nil }
            return hslToRGB(h, max(0, s) / 100, clamp01(l / 100), alpha)
        case "hwb":
            guard let (c, a) = channels(args, legacy: false), let alpha = alphaValue(a), let h = hue(c[0]),
                  let w = scalar(c[1], percentScale: 100), let b = scalar(c[2], percentScale: 100) else { return nil }
            return hwbToRGB(h, clamp01(w / 100), clamp01(b / 100), alpha)
        case "lab", "lch", "oklab", "oklch":
            guard let (c, a) = channels(args, legacy: false), let alpha = alphaValue(a) else { return nil }
            return labFamily(name, c, alpha)
        default:
            return nil
        }
    }

    private static func hslToRGB(_ h: Double, _ s: Double, _ l: Double, _ alpha: Double) -> RGBA {
        let hue = (h.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        func f(_ n: Double) -> Double {
            let k = (n + hue / 30).truncatingRemainder(dividingBy: 12)
            let a = s * min(l, 1 - l)
            return l - a * max(-1, min(k - 3, 9 - k, 1))
        }
        return RGBA(red: f(0) * 255, green: f(8) * 255, blue: f(4) * 255, alpha: alpha)
    }

    private static func hwbToRGB(_ h: Double, _ w: Double, _ b: Double, _ alpha: Double) -> RGBA {
        if w + b >= 1 {
            let gray = w / (w + b) * 255
            return RGBA(red: gray, green: gray, blue: gray, alpha: alpha)
        }
        let base = hslToRGB(h, 1, 0.5, 1)
        func mix(_ c: Double) -> Double { (c / 255 * (1 - w - b) + w) * 255 }
        return RGBA(red: mix(base.red), green: mix(base.green), blue: mix(base.blue), alpha: alpha)
    }

    /// Lab-family colours converted to sRGB and clipped to its gamut.
    private static func labFamily(_ name: String, _ c: [Argument], _ alpha: Double) -> RGBA? {
        let isOK = name.hasPrefix("ok")
        let isPolar = name.hasSuffix("lch")
        guard let lightness = scalar(c[0], percentScale: isOK ? 1 : 100) else { return nil }
        let chromaScale = isOK ? 0.4 : (isPolar ? 150 : 125)
        var a: Double
        var b: Double
        if isPolar {
            guard let chroma = scalar(c[1], percentScale: chromaScale), let h = hue(c[2]) else { return nil }
            a = max(0, chroma) * cos(h * .pi / 180)
            b = max(0, chroma) * sin(h * .pi / 180)
        } else {
            guard let av = scalar(c[1], percentScale: chromaScale), let bv = scalar(c[2], percentScale: chromaScale) else { return nil }
            a = av
            b = bv
        }
        let linear: (Double, Double, Double)
        if isOK {
            let L = max(0, lightness)
            let l = pow(L + 0.3963377774 * a + 0.2158037573 * b, 3)
            let m = pow(L - 0.1055613458 * a - 0.0638541728 * b, 3)
            let s = pow(L - 0.0894841775 * a - 1.2914855480 * b, 3)
            linear = (4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
                      -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
                      -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s)
        } else {
            let L = max(0, lightness)
            let epsilon = 216.0 / 24389, kappa = 24389.0 / 27
            let fy = (L + 16) / 116, fx = fy + a / 500, fz = fy - b / 200
            let xr = pow(fx, 3) > epsilon ? pow(fx, 3) : (116 * fx - 16) / kappa
            let yr = L > kappa * epsilon ? pow(fy, 3) : L / kappa
            let zr = pow(fz, 3) > epsilon ? pow(fz, 3) : (116 * fz - 16) / kappa
            // D50 white, then Bradford adaptation to D65, then XYZ to linear sRGB.
            let x50 = xr * 0.96422, y50 = yr, z50 = zr * 0.82521
            let x = 0.9554734527042182 * x50 - 0.023098536874261423 * y50 + 0.0632593086610217 * z50
            let y = -0.028369706963208136 * x50 + 1.0099954580058226 * y50 + 0.021041398966943008 * z50
            let z = 0.012314001688319899 * x50 - 0.020507696433477912 * y50 + 1.3303659366080753 * z50
            linear = (3.2409699419045226 * x - 1.537383177570094 * y - 0.4986107602930034 * z,
                      -0.9692436362808796 * x + 1.8759675015077202 * y + 0.04155505740717559 * z,
                      0.05563007969699366 * x - 0.20397695888897652 * y + 1.0569715142428786 * z)
        }
        func encode(_ v: Double) -> Double {
            let c = clamp01(v)
            return (c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1 / 2.4) - 0.055) * 255
        }
        return RGBA(red: encode(linear.0), green: encode(linear.1), blue: encode(linear.2), alpha: alpha)
    }

    static let namedColors: [String: UInt32] = {
        let table = """
        aliceblue f0f8ff antiquewhite faebd7 aqua 00ffff aquamarine 7fffd4 azure f0ffff beige f5f5dc \
        bisque ffe4c4 black 000000 blanchedalmond ffebcd blue 0000ff blueviolet 8a2be2 brown a52a2a \
        burlywood deb887 cadetblue 5f9ea0 chartreuse 7fff00 chocolate d2691e coral ff7f50 \
        cornflowerblue 6495ed cornsilk fff8dc crimson dc143c cyan 00ffff darkblue 00008b darkcyan 008b8b \
        darkgoldenrod b8860b darkgray a9a9a9 darkgreen 006400 darkgrey a9a9a9 darkkhaki bdb76b \
        darkmagenta 8b008b darkolivegreen 556b2f darkorange ff8c00 darkorchid 9932cc darkred 8b0000 \
        darksalmon e9967a darkseagreen 8fbc8f darkslateblue 483d8b darkslategray 2f4f4f \
        darkslategrey 2f4f4f darkturquoise 00ced1 darkviolet 9400d3 deeppink ff1493 deepskyblue 00bfff \
        dimgray 696969 dimgrey 696969 dodgerblue 1e90ff firebrick b22222 floralwhite fffaf0 \
        forestgreen 228b22 fuchsia ff00ff gainsboro dcdcdc ghostwhite f8f8ff gold ffd700 \
        goldenrod daa520 gray 808080 green 008000 greenyellow adff2f grey 808080 honeydew f0fff0 \
        hotpink ff69b4 indianred cd5c5c indigo 4b0082 ivory fffff0 khaki f0e68c lavender e6e6fa \
        lavenderblush fff0f5 lawngreen 7cfc00 lemonchiffon fffacd lightblue add8e6 lightcoral f08080 \
        lightcyan e0ffff lightgoldenrodyellow fafad2 lightgray d3d3d3 lightgreen 90ee90 \
        lightgrey d3d3d3 lightpink ffb6c1 lightsalmon ffa07a lightseagreen 20b2aa lightskyblue 87cefa \
        lightslategray 778899 lightslategrey 778899 lightsteelblue b0c4de lightyellow ffffe0 \
        lime 00ff00 limegreen 32cd32 linen faf0e6 magenta ff00ff maroon 800000 \
        mediumaquamarine 66cdaa mediumblue 0000cd mediumorchid ba55d3 mediumpurple 9370db \
        mediumseagreen 3cb371 mediumslateblue 7b68ee mediumspringgreen 00fa9a \
        mediumturquoise 48d1cc mediumvioletred c71585 midnightblue 191970 mintcream f5fffa \
        mistyrose ffe4e1 moccasin ffe4b5 navajowhite ffdead navy 000080 oldlace fdf5e6 olive 808000 \
        olivedrab 6b8e23 orange ffa500 orangered ff4500 orchid da70d6 palegoldenrod eee8aa \
        palegreen 98fb98 paleturquoise afeeee palevioletred db7093 papayawhip ffefd5 \
        peachpuff ffdab9 peru cd853f pink ffc0cb plum dda0dd powderblue b0e0e6 purple 800080 \
        rebeccapurple 663399 red ff0000 rosybrown bc8f8f royalblue 4169e1 saddlebrown 8b4513 \
        salmon fa8072 sandybrown f4a460 seagreen 2e8b57 seashell fff5ee sienna a0522d silver c0c0c0 \
        skyblue 87ceeb slateblue 6a5acd slategray 708090 slategrey 708090 snow fffafa \
        springgreen 00ff7f steelblue 4682b4 tan d2b48c teal 008080 thistle d8bfd8 tomato ff6347 \
        turquoise 40e0d0 violet ee82ee wheat f5deb3 white ffffff whitesmoke f5f5f5 yellow ffff00 \
        yellowgreen 9acd32
        """
        return pairs(table)
    }()

    /// System colours as Chromium renders them in its default light scheme.
    static let systemColors: [String: UInt32] = pairs("""
        canvas ffffff canvastext 000000 linktext 0000ee visitedtext 551a8b activetext ff0000 \
        buttonface efefef buttontext 000000 buttonborder 767676 field ffffff fieldtext 000000 \
        highlight b5d5ff highlighttext 000000 selecteditem 0075ff selecteditemtext ffffff \
        mark ffff00 marktext 000000 graytext 808080 accentcolor 0075ff accentcolortext ffffff \
        activeborder 767676 activecaption ffffff appworkspace ffffff background 6363ce \
        buttonhighlight dddddd buttonshadow 888888 captiontext 000000 inactiveborder ffffff \
        inactivecaption ffffff inactivecaptiontext 808080 infobackground fbfcc5 infotext 000000 \
        menu f7f7f7 menutext 000000 scrollbar ffffff threeddarkshadow 666666 threedface efefef \
        threedhighlight dddddd threedlightshadow c0c0c0 threedshadow 888888 window ffffff \
        windowframe cccccc windowtext 000000 -webkit-link 0000ee -webkit-activelink ff0000 \
        -webkit-focus-ring-color 101010 -webkit-text 000000
        """)

    private static func pairs(_ table: String) -> [String: UInt32] {
        let words = table.split(whereSeparator: { $0 == " " || $0 == "\n" })
        var result: [String: UInt32] = [:]
        var index = 0
        while index + 1 < words.count {
            result[String(words[index])] = UInt32(words[index + 1], radix: 16)
            index += 2
        }
        return result
    }
}

func clamp01(_ value: Double) -> Double { max(0, min(1, value)) }

/// Angle units (CSS Values 4 §7.1) in degrees.
enum Angle {
    static func degrees(_ value: Double, unit: String) -> Double? {
        switch unit.asciiLowercased {
        case "deg": return value
        case "rad": return value * 180 / .pi
        case "grad": return value * 0.9
        case "turn": return value * 360
        default: return nil
        }
    }
}
