/// A CSS token (CSS Syntax Level 3, §4). Numbers keep their source text because the
/// An+B microsyntax of `:nth-child()` needs to see signs the value alone loses.
enum Token: Equatable, Sendable {
    case ident(String)
    case function(String)
    case atKeyword(String)
    /// `isID` is the spec's type flag: the hash would also be a valid identifier.
    case hash(String, isID: Bool)
    case string(String)
    case badString
    case url(String)
    case badURL
    case delim(Unicode.Scalar)
    case number(Double, isInteger: Bool, repr: String)
    case percentage(Double)
    case dimension(Double, unit: String, repr: String)
    case whitespace
    case cdo
    case cdc
    case colon
    case semicolon
    case comma
    case openBracket
    case closeBracket
    case openParen
    case closeParen
    case openBrace
    case closeBrace

    var isWhitespace: Bool {
        if case .whitespace = self { return true }
        return false
    }

    func isDelim(_ scalar: Unicode.Scalar) -> Bool {
        if case .delim(let d) = self { return d == scalar }
        return false
    }

    /// The identifier, lower-cased, for keyword comparisons (CSS keywords are ASCII case-insensitive).
    var keyword: String? {
        if case .ident(let name) = self { return name.asciiLowercased }
        return nil
    }

    /// Source-like text, for serializing values back (declaration listings, An+B).
    var text: String {
        switch self {
        case .ident(let s): return s
        case .function(let s): return s + "("
        case .atKeyword(let s): return "@" + s
        case .hash(let s, _): return "#" + s
        case .string(let s): return "\"" + s + "\""
        case .badString: return "\""
        case .url(let s): return "url(" + s + ")"
        case .badURL: return "url()"
        case .delim(let d): return String(Character(d))
        case .number(_, _, let repr): return repr
        case .percentage(let v): return formatNumber(v) + "%"
        case .dimension(_, let unit, let repr): return repr + unit
        case .whitespace: return " "
        case .cdo: return "<!--"
        case .cdc: return "-->"
        case .colon: return ":"
        case .semicolon: return ";"
        case .comma: return ","
        case .openBracket: return "["
        case .closeBracket: return "]"
        case .openParen: return "("
        case .closeParen: return ")"
        case .openBrace: return "{"
        case .closeBrace: return "}"
        }
    }
}

func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}

extension String {
    /// ASCII-only lower-casing: CSS compares keywords ASCII case-insensitively, and
    /// `lowercased()` would also fold non-ASCII letters (İ, Σ) that CSS leaves alone.
    var asciiLowercased: String {
        var needs = false
        for byte in utf8 where byte >= 0x41 && byte <= 0x5A {
            needs = true
            break
        }
        guard needs else { return self }
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
