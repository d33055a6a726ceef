/// Units a length may still depend on once absolute units are folded into px.
enum LengthUnit: Sendable {
    case px, em, rem, ex, ch, vw, vh, vmin, vmax, percent, number
}

/// A length, percentage or number, possibly a `calc()`/`min()`/`max()`/`clamp()` tree.
enum Calc: Sendable {
    case leaf(Double, LengthUnit)
    case sum([Calc])
    indirect case product(Calc, Double)
    case min([Calc])
    case max([Calc])
    indirect case clamp(Calc, Calc, Calc)

    /// The value when it is a plain number (for `line-height: calc(1.2 * 1.25)` and colours).
    var constantNumber: Double? {
        switch self {
        case .leaf(let v, .number): return v
        case .leaf: return nil
        case .sum(let parts):
            var total = 0.0
            for part in parts {
                guard let v = part.constantNumber else { return nil }
                total += v
            }
            return total
        case .product(let inner, let factor): return inner.constantNumber.map { $0 * factor }
        case .min(let list): return numbers(list)?.min()
        case .max(let list): return numbers(list)?.max()
        case .clamp(let lo, let v, let hi):
            guard let l = lo.constantNumber, let x = v.constantNumber, let h = hi.constantNumber else { return nil }
            return Swift.max(l, Swift.min(x, h))
        }
    }

    private func numbers(_ list: [Calc]) -> [Double]? {
        var result: [Double] = []
        for item in list {
            guard let v = item.constantNumber else { return nil }
            result.append(v)
        }
        return result
    }

    var isNumber: Bool {
        switch self {
        case .leaf(_, let unit): return unit == .number
        case .sum(let parts): return parts.allSatisfy(\.isNumber)
        case .product(let inner, _): return inner.isNumber
        case .min(let list), .max(let list): return list.allSatisfy(\.isNumber)
        case .clamp(let a, let b, let c): return a.isNumber && b.isNumber && c.isNumber
        }
    }

    var containsPercent: Bool {
        switch self {
        case .leaf(_, let unit): return unit == .percent
        case .sum(let parts), .min(let parts), .max(let parts): return parts.contains(where: \.containsPercent)
        case .product(let inner, _): return inner.containsPercent
        case .clamp(let a, let b, let c): return a.containsPercent || b.containsPercent || c.containsPercent
        }
    }

    /// True when the value could be negative only through calc (which clamps instead of failing).
    var isNegativeLiteral: Bool {
        if case .leaf(let v, _) = self { return v < 0 }
        return false
    }

    /// Resolves to px plus a percentage still waiting for its base. Comparison functions
    /// cannot keep a percentage apart, so they give nil when one is involved without a base.
    func resolve(_ context: LengthContext) -> (px: Double, percent: Double)? {
        switch self {
        case .leaf(let v, let unit):
            switch unit {
            case .px: return (v, 0)
            case .number: return (v, 0)
            case .em: return (v * context.fontSize, 0)
            case .rem: return (v * context.rootFontSize, 0)
            case .ex, .ch: return (v * context.fontSize / 2, 0)
            case .vw: return (v * context.viewportWidth / 100, 0)
            case .vh: return (v * context.viewportHeight / 100, 0)
            case .vmin: return (v * Swift.min(context.viewportWidth, context.viewportHeight) / 100, 0)
            case .vmax: return (v * Swift.max(context.viewportWidth, context.viewportHeight) / 100, 0)
            case .percent:
                if let base = context.percentBase { return (v * base / 100, 0) }
                return (0, v)
            }
        case .sum(let parts):
            var px = 0.0, percent = 0.0
            for part in parts {
                guard let r = part.resolve(context) else { return nil }
                px += r.px
                percent += r.percent
            }
            return (px, percent)
        case .product(let inner, let factor):
            return inner.resolve(context).map { ($0.px * factor, $0.percent * factor) }
        case .min(let list), .max(let list):
            var values: [Double] = []
            for item in list {
                guard let r = item.resolve(context), r.percent == 0 else { return nil }
                values.append(r.px)
            }
            guard let result = { if case .min = self { return values.min() } else { return values.max() } }() else { return nil }
            return (result, 0)
        case .clamp(let lo, let v, let hi):
            guard let l = lo.resolve(context), let x = v.resolve(context), let h = hi.resolve(context),
                  l.percent == 0, x.percent == 0, h.percent == 0 else { return nil }
            return (Swift.max(l.px, Swift.min(x.px, h.px)), 0)
        }
    }
}

/// What relative units resolve against for one element.
struct LengthContext {
    var fontSize: Double
    var rootFontSize: Double
    var viewportWidth: Double
    var viewportHeight: Double
    /// The base for percentages when it is known (font-size: the parent's size); nil keeps them.
    var percentBase: Double?
}

/// Parses lengths, percentages and math functions (CSS Values 4 §10).
enum CalcParser {
    static let maximumDepth = 32

    /// One component value as a length-like value. Unitless numbers come back as `.number`;
    /// callers decide whether a number is acceptable there.
    static func parse(_ value: ComponentValue) -> Calc? {
        parse(value, depth: 0)
    }

    private static func parse(_ value: ComponentValue, depth: Int) -> Calc? {
        guard depth < maximumDepth else { return nil }
        switch value {
        case .token(.number(let v, _, _)): return .leaf(v, .number)
        case .token(.percentage(let v)): return .leaf(v, .percent)
        case .token(.dimension(let v, let unit, _)): return dimension(v, unit)
        case .function(let rawName, let args):
            switch rawName.asciiLowercased {
            case "calc", "-webkit-calc", "-moz-calc": return sum(args, depth: depth + 1)
            case "min", "max":
                var list: [Calc] = []
                for part in args.commaSeparated {
                    guard let item = sum(part, depth: depth + 1) else { return nil }
                    list.append(item)
                }
                guard !list.isEmpty else { return nil }
                return rawName.asciiLowercased == "min" ? .min(list) : .max(list)
            case "clamp":
                let parts = args.commaSeparated
                guard parts.count == 3, let lo = sum(parts[0], depth: depth + 1), let v = sum(parts[1], depth: depth + 1),
                      let hi = sum(parts[2], depth: depth + 1) else { return nil }
                return .clamp(lo, v, hi)
            default: return nil
            }
        default: return nil
        }
    }

    static func dimension(_ value: Double, _ unit: String) -> Calc? {
        switch unit.asciiLowercased {
        case "px": return .leaf(value, .px)
        case "pt": return .leaf(value * 4 / 3, .px)
        case "pc": return .leaf(value * 16, .px)
        case "in": return .leaf(value * 96, .px)
        case "cm": return .leaf(value * 96 / 2.54, .px)
        case "mm": return .leaf(value * 96 / 25.4, .px)
        case "q": return .leaf(value * 96 / 101.6, .px)
        case "em": return .leaf(value, .em)
        case "rem": return .leaf(value, .rem)
        case "ex": return .leaf(value, .ex)
        case "ch": return .leaf(value, .ch)
        case "vw", "svw", "lvw", "dvw": return .leaf(value, .vw)
        case "vh", "svh", "lvh", "dvh": return .leaf(value, .vh)
        case "vmin", "svmin", "lvmin", "dvmin": return .leaf(value, .vmin)
        case "vmax", "svmax", "lvmax", "dvmax": return .leaf(value, .vmax)
        default: return nil
        }
    }

    /// `a + b - c`, where + and - must be surrounded by whitespace (a signed number glued to
    /// the previous term is a syntax error).
    private static func sum(_ values: [ComponentValue], depth: Int) -> Calc? {
        var terms: [Calc] = []
        var current: [ComponentValue] = []
        var sign = 1.0
        var index = 0
        let items = Array(values.trimmed)
        while index < items.count {
            let item = items[index]
            if let t = item.token, t.isDelim("+") || t.isDelim("-"),
               index > 0, items[index - 1].isWhitespace, index + 1 < items.count, items[index + 1].isWhitespace {
                guard let term = product(current, depth: depth) else { return nil }
                terms.append(sign < 0 ? .product(term, -1) : term)
                current = []
                sign = t.isDelim("-") ? -1 : 1
            } else {
                current.append(item)
            }
            index += 1
        }
        guard let last = product(current, depth: depth) else { return nil }
        terms.append(sign < 0 ? .product(last, -1) : last)
        guard terms.count > 1 else { return terms[0] }
        // Numbers cannot be added to lengths.
        let numberTerms = terms.filter(\.isNumber).count
        guard numberTerms == 0 || numberTerms == terms.count else { return nil }
        return .sum(terms)
    }

    private static func product(_ values: [ComponentValue], depth: Int) -> Calc? {
        let items = values.withoutWhitespace
        guard !items.isEmpty else { return nil }
        guard var result = term(items[0], depth: depth) else { return nil }
        var index = 1
        while index < items.count {
            guard index + 1 < items.count, let t = items[index].token, t.isDelim("*") || t.isDelim("/"),
                  let rhs = term(items[index + 1], depth: depth) else { return nil }
            if t.isDelim("*") {
                if let factor = rhs.constantNumber {
                    result = .product(result, factor)
                } else if let factor = result.constantNumber {
                    result = .product(rhs, factor)
                } else {
                    return nil
                }
            } else {
                guard let divisor = rhs.constantNumber, divisor != 0 else { return nil }
                result = .product(result, 1 / divisor)
            }
            index += 2
        }
        return result
    }

    private static func term(_ value: ComponentValue, depth: Int) -> Calc? {
        if case .block(.paren, let inner) = value { return sum(inner, depth: depth + 1) }
        if case .token(.ident(let name)) = value {
            switch name.asciiLowercased {
            case "pi": return .leaf(Double.pi, .number)
            case "e": return .leaf(2.718281828459045, .number)
            default: return nil
            }
        }
        return parse(value, depth: depth)
    }
}
