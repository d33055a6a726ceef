import ShilaoDOM

/// Text as Unicode scalars, with the few matching steps the text patterns of checks need (phone
/// numbers, places, timers and number lists in scripts). Swift `Regex` literals are parsed again
/// on every use and match slowly on long text; they were once most of an audit's time.
struct ScalarText {
    let scalars: [Unicode.Scalar]

    init(_ text: some StringProtocol) {
        scalars = Array(text.unicodeScalars)
    }

    var count: Int { scalars.count }

    subscript(_ index: Int) -> Unicode.Scalar? {
        index >= 0 && index < scalars.count ? scalars[index] : nil
    }

    /// A decimal digit in any script, as `\d` matches (full-width ０–９ too).
    func isDigit(at index: Int) -> Bool {
        guard let scalar = self[index] else { return false }
        if scalar.isASCII { return scalar.value >= 48 && scalar.value <= 57 }
        return scalar.properties.numericType == .decimal
    }

    func isWhitespace(at index: Int) -> Bool {
        self[index]?.quickIsWhitespace ?? false
    }

    /// A letter, digit or underscore: what `\b` separates from everything else.
    func isWordScalar(at index: Int) -> Bool {
        guard let scalar = self[index] else { return false }
        return scalar == "_" || scalar.quickIsAlphabetic || scalar.properties.numericType != nil
    }

    func isAny(of set: String, at index: Int) -> Bool {
        guard let scalar = self[index] else { return false }
        return set.unicodeScalars.contains(scalar)
    }

    /// How many digits in a row start at `index`.
    func digitRun(from index: Int) -> Int {
        var end = index
        while isDigit(at: end) { end += 1 }
        return end - index
    }

    /// The index after the whitespace that starts at `index`.
    func skippingWhitespace(from index: Int) -> Int {
        var end = index
        while isWhitespace(at: end) { end += 1 }
        return end
    }

    /// Whether `word` is written at `index`; ASCII letters compared without case when asked.
    func has(_ word: String, at index: Int, ignoringCase: Bool = false) -> Bool {
        var position = index
        for expected in word.unicodeScalars {
            guard let scalar = self[position] else { return false }
            if scalar != expected {
                guard ignoringCase, scalar.isASCII, expected.isASCII,
                      Character(scalar).lowercased() == Character(expected).lowercased() else { return false }
            }
            position += 1
        }
        return true
    }

    /// The first of `words` written at `index`, and the index after it.
    func first(of words: [String], at index: Int) -> Int? {
        for word in words where has(word, at: index) { return index + word.unicodeScalars.count }
        return nil
    }

    /// A decimal number (`18`, `1.5`) at `index`: its value and the index after it.
    func number(at index: Int) -> (value: Double, end: Int)? {
        let whole = digitRun(from: index)
        guard whole > 0 else { return nil }
        var end = index + whole
        if self[end] == ".", isDigit(at: end + 1) { end += 1 + digitRun(from: end + 1) }
        let text = String(String.UnicodeScalarView(scalars[index..<end]))
        return Double(text).map { ($0, end) }
    }

    /// The `String.Index` of a scalar offset, for reporting lines.
    func stringIndex(of offset: Int, in text: String) -> String.Index {
        text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: offset)
    }
}
