/// `Character.isWhitespace` and `isLetter` with the common cases answered without Unicode's
/// tables: the standard library looks every character up, which was 4% of an audit that reads
/// every text node many times. Same answers for every character (a test checks all scalars).
extension Character {
    @inlinable
    public var quickIsWhitespace: Bool {
        // Like isWhitespace, the first scalar decides.
        unicodeScalars.first!.quickIsWhitespace
    }

    @inlinable
    public var quickIsLetter: Bool {
        let lead = utf8.first!
        if lead < 0x80 { return (0x61...0x7A).contains(lead | 0x20) }
        // CJK unified ideographs and extension A, the bulk of the text read here, are letters.
        let value = unicodeScalars.first!.value
        if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) { return true }
        return isLetter
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace`, with ASCII answered directly; none above U+3000 is White_Space.
    @inlinable
    public var quickIsWhitespace: Bool {
        if isASCII { return value == 0x20 || (0x09...0x0D).contains(value) }
        return value <= 0x3000 && properties.isWhitespace
    }

    /// `properties.isAlphabetic`, with ASCII and the CJK blocks every code point of which is
    /// an ideograph answered directly.
    @inlinable
    public var quickIsAlphabetic: Bool {
        if isASCII { return (0x61...0x7A).contains(value | 0x20) }
        if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) { return true }
        return properties.isAlphabetic
    }
}
