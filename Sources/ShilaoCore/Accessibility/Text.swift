/// Small string helpers for attribute values and computed text; no Foundation needed.
extension String {
    public func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.quickIsWhitespace }),
              let last = lastIndex(where: { !$0.quickIsWhitespace }) else { return "" }
        return String(self[first...last])
    }

    /// The tokens of a space-separated value (an ID reference list, a token list).
    public var whitespaceTokens: [String] {
        split(whereSeparator: \.quickIsWhitespace).map(String.init)
    }

    /// Runs of whitespace become one space, and the ends are trimmed (AccName's flattening).
    func collapsingWhitespace() -> String {
        var result = ""
        var pendingSpace = false
        for character in self {
            if character.quickIsWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    var isBlank: Bool { allSatisfy(\.quickIsWhitespace) }
}

/// Parses an integer. `strict`: the whole string is an optional `-` and digits (ARIA
/// integers); otherwise the HTML rules for integers (leading whitespace, sign, digits, and
/// anything after the digits ignored), as `tabindex` is read.
func parseHTMLInteger(_ text: String, strict: Bool = false) -> Int? {
    var scalars = Substring(text).unicodeScalars[...]
    if !strict {
        while let first = scalars.first, [" ", "\t", "\n", "\r", "\u{0C}"].contains(first) { scalars = scalars.dropFirst() }
    }
    var negative = false
    if scalars.first == "-" {
        negative = true
        scalars = scalars.dropFirst()
    } else if !strict, scalars.first == "+" {
        scalars = scalars.dropFirst()
    }
    var value = 0
    var digits = 0
    for scalar in scalars {
        guard scalar >= "0" && scalar <= "9" else {
            if strict { return nil }
            break
        }
        let digit = Int(scalar.value) - 48
        let (product, overflow) = value.multipliedReportingOverflow(by: 10)
        guard !overflow else { return nil }
        value = product + digit
        digits += 1
    }
    guard digits > 0 else { return nil }
    return negative ? -value : value
}

/// A valid floating-point number as HTML defines it: `-`? digits (`.` digits)? (`e` sign? digits)?
/// (a leading `.5` is accepted too, as browsers read ARIA numbers).
func isValidFloatingPoint(_ text: String) -> Bool {
    var chars = Substring(text)[...]
    func digits() -> Int {
        let count = chars.prefix(while: { $0.isASCII && $0.isNumber }).count
        chars = chars.dropFirst(count)
        return count
    }
    if chars.first == "-" { chars = chars.dropFirst() }
    var mantissa = digits()
    if chars.first == "." {
        chars = chars.dropFirst()
        let fraction = digits()
        guard fraction > 0 else { return false }
        mantissa += fraction
    }
    guard mantissa > 0 else { return false }
    if chars.first == "e" || chars.first == "E" {
        chars = chars.dropFirst()
        if chars.first == "-" || chars.first == "+" { chars = chars.dropFirst() }
        guard digits() > 0 else { return false }
    }
    return chars.isEmpty
}
