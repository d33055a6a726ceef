/// An HTML integer (`tabindex`, `width`): leading whitespace, an optional sign, then digits;
/// anything after the digits is ignored. Nil when there are no digits.
func htmlInteger(_ text: String) -> Int? {
    let trimmed = text.drop(while: \.quickIsWhitespace)
    let sign = trimmed.first == "-" || trimmed.first == "+" ? String(trimmed.prefix(1)) : ""
    let digits = trimmed.dropFirst(sign.count).prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, let value = Int(digits.prefix(9)) else { return nil }
    return sign == "-" ? -value : value
}
