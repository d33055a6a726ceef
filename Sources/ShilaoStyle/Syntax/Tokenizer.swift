/// CSS Syntax Level 3 tokenizer (§4.3) over UTF-8 bytes. Bytes at or above 0x80 are always
/// name code points, so multi-byte characters pass through names untouched; the input
/// preprocessing (CR, CRLF and FF as newlines, NUL as U+FFFD) is done as bytes are read.
struct Tokenizer {
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    static func tokenize(_ text: String) -> [Token] {
        var tokenizer = Tokenizer(text)
        var tokens: [Token] = []
        tokens.reserveCapacity(tokenizer.bytes.count / 3)
        while let token = tokenizer.next() {
            tokens.append(token)
        }
        return tokens
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        let index = position + offset
        return index < bytes.count ? bytes[index] : nil
    }

    /// The next token, or nil at the end of input.
    mutating func next() -> Token? {
        skipComments()
        guard let byte = peek() else { return nil }
        switch byte {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20:
            while let b = peek(), isWhitespace(b) { position += 1 }
            return .whitespace
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            position += 1
            return consumeString(until: byte)
        case UInt8(ascii: "#"):
            if let b = peek(1), isNameByte(b) || startsEscape(at: position + 1) {
                position += 1
                let isID = startsIdentifier(at: position)
                return .hash(consumeName(), isID: isID)
            }
            position += 1
            return .delim("#")
        case UInt8(ascii: "("): position += 1; return .openParen
        case UInt8(ascii: ")"): position += 1; return .closeParen
        case UInt8(ascii: "["): position += 1; return .openBracket
        case UInt8(ascii: "]"): position += 1; return .closeBracket
        case UInt8(ascii: "{"): position += 1; return .openBrace
        case UInt8(ascii: "}"): position += 1; return .closeBrace
        case UInt8(ascii: ","): position += 1; return .comma
        case UInt8(ascii: ":"): position += 1; return .colon
        case UInt8(ascii: ";"): position += 1; return .semicolon
        case UInt8(ascii: "+"), UInt8(ascii: "."):
            if startsNumber(at: position) { return consumeNumeric() }
            position += 1
            return .delim(Unicode.Scalar(byte))
        case UInt8(ascii: "-"):
            if startsNumber(at: position) { return consumeNumeric() }
            if peek(1) == UInt8(ascii: "-"), peek(2) == UInt8(ascii: ">") {
                position += 3
                return .cdc
            }
            if startsIdentifier(at: position) { return consumeIdentLike() }
            position += 1
            return .delim("-")
        case UInt8(ascii: "<"):
            if peek(1) == UInt8(ascii: "!"), peek(2) == UInt8(ascii: "-"), peek(3) == UInt8(ascii: "-") {
                position += 4
                return .cdo
            }
            position += 1
            return .delim("<")
        case UInt8(ascii: "@"):
            if startsIdentifier(at: position + 1) {
                position += 1
                return .atKeyword(consumeName())
            }
            position += 1
            return .delim("@")
        case UInt8(ascii: "\\"):
            if startsEscape(at: position) { return consumeIdentLike() }
            position += 1
            return .delim("\\")
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return consumeNumeric()
        default:
            if isNameStartByte(byte) { return consumeIdentLike() }
            position += 1
            return .delim(Unicode.Scalar(byte))
        }
    }

    private mutating func skipComments() {
        while peek() == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
            position += 2
            while position < bytes.count {
                if bytes[position] == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                    position += 2
                    break
                }
                position += 1
            }
        }
    }

    // MARK: Character classes (§4.2)

    private func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D
    }

    private func isNewline(_ b: UInt8) -> Bool {
        b == 0x0A || b == 0x0C || b == 0x0D
    }

    private func isNameStartByte(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b >= 0x80 || b == 0
    }

    private func isNameByte(_ b: UInt8) -> Bool {
        isNameStartByte(b) || (b >= 0x30 && b <= 0x39) || b == 0x2D
    }

    private func isDigit(_ b: UInt8?) -> Bool {
        guard let b else { return false }
        return b >= 0x30 && b <= 0x39
    }

    private func startsEscape(at index: Int) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\\") else { return false }
        guard index + 1 < bytes.count else { return false }
        return !isNewline(bytes[index + 1])
    }

    private func startsIdentifier(at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let first = bytes[index]
        if first == UInt8(ascii: "-") {
            guard index + 1 < bytes.count else { return false }
            let second = bytes[index + 1]
            return isNameStartByte(second) || second == UInt8(ascii: "-") || startsEscape(at: index + 1)
        }
        if isNameStartByte(first) { return true }
        return startsEscape(at: index)
    }

    private func startsNumber(at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        var i = index
        if bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count else { return false }
        if isDigit(bytes[i]) { return true }
        return bytes[i] == UInt8(ascii: ".") && i + 1 < bytes.count && isDigit(bytes[i + 1])
    }

    // MARK: Consumers (§4.3)

    /// Consumes an escape after the backslash has been seen at `position` (§4.3.7).
    private mutating func consumeEscape(into out: inout [UInt8]) {
        position += 1
        guard let b = peek() else {
            appendScalar(0xFFFD, to: &out)
            return
        }
        if let first = hexValue(b) {
            var value = UInt32(first)
            position += 1
            var count = 1
            while count < 6, let next = peek(), let digit = hexValue(next) {
                value = value * 16 + UInt32(digit)
                position += 1
                count += 1
            }
            if let next = peek(), isWhitespace(next) {
                position += 1
                if next == 0x0D, peek() == 0x0A { position += 1 }
            }
            let valid = value != 0 && value <= 0x10FFFF && !(0xD800...0xDFFF).contains(value)
            appendScalar(valid ? value : 0xFFFD, to: &out)
            return
        }
        // Any other code point stands for itself; copy every byte of a multi-byte one.
        let length = utf8Length(b)
        for _ in 0..<length {
            guard let byte = peek() else { break }
            out.append(byte)
            position += 1
        }
    }

    private mutating func consumeName() -> String {
        var out: [UInt8] = []
        while let b = peek() {
            if isNameByte(b) {
                if b == 0 { appendScalar(0xFFFD, to: &out) } else { out.append(b) }
                position += 1
            } else if startsEscape(at: position) {
                consumeEscape(into: &out)
            } else {
                break
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func consumeString(until quote: UInt8) -> Token {
        var out: [UInt8] = []
        while let b = peek() {
            if b == quote {
                position += 1
                return .string(String(decoding: out, as: UTF8.self))
            }
            if isNewline(b) {
                // Left for the next token: an unescaped newline ends a bad string.
                return .badString
            }
            if b == UInt8(ascii: "\\") {
                guard let next = peek(1) else {
                    position += 1
                    continue
                }
                if isNewline(next) {
                    position += 2
                    if next == 0x0D, peek() == 0x0A { position += 1 }
                    continue
                }
                consumeEscape(into: &out)
                continue
            }
            if b == 0 { appendScalar(0xFFFD, to: &out) } else { out.append(b) }
            position += 1
        }
        return .string(String(decoding: out, as: UTF8.self))
    }

    private mutating func consumeNumeric() -> Token {
        let start = position
        var isInteger = true
        if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
        while isDigit(peek()) { position += 1 }
        if peek() == UInt8(ascii: "."), isDigit(peek(1)) {
            isInteger = false
            position += 1
            while isDigit(peek()) { position += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            if isDigit(peek(1)) {
                isInteger = false
                position += 1
                while isDigit(peek()) { position += 1 }
            } else if peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-"), isDigit(peek(2)) {
                isInteger = false
                position += 2
                while isDigit(peek()) { position += 1 }
            }
        }
        let repr = String(decoding: bytes[start..<position], as: UTF8.self)
        let value = Double(repr.hasPrefix("+") ? String(repr.dropFirst()) : repr) ?? 0
        if startsIdentifier(at: position) {
            return .dimension(value, unit: consumeName(), repr: repr)
        }
        if peek() == UInt8(ascii: "%") {
            position += 1
            return .percentage(value)
        }
        return .number(value, isInteger: isInteger, repr: repr)
    }

    private mutating func consumeIdentLike() -> Token {
        let name = consumeName()
        guard peek() == UInt8(ascii: "(") else { return .ident(name) }
        position += 1
        if name.asciiLowercased == "url" {
            var look = position
            while look < bytes.count, isWhitespace(bytes[look]) { look += 1 }
            if look < bytes.count, bytes[look] == UInt8(ascii: "\"") || bytes[look] == UInt8(ascii: "'") {
                // A quoted url( is an ordinary function whose argument is a string token.
                return .function(name)
            }
            position = look
            return consumeURL()
        }
        return .function(name)
    }

    /// §4.3.6: an unquoted url(...). Bad characters make a bad-url token; the rest of it is
    /// skipped up to the closing parenthesis so the parser recovers.
    private mutating func consumeURL() -> Token {
        var out: [UInt8] = []
        while let b = peek() {
            switch b {
            case UInt8(ascii: ")"):
                position += 1
                return .url(String(decoding: out, as: UTF8.self))
            case 0x09, 0x0A, 0x0C, 0x0D, 0x20:
                while let w = peek(), isWhitespace(w) { position += 1 }
                if peek() == nil { return .url(String(decoding: out, as: UTF8.self)) }
                if peek() == UInt8(ascii: ")") {
                    position += 1
                    return .url(String(decoding: out, as: UTF8.self))
                }
                skipBadURL()
                return .badURL
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), 0x00...0x08, 0x0B, 0x0E...0x1F, 0x7F:
                skipBadURL()
                return .badURL
            case UInt8(ascii: "\\"):
                if startsEscape(at: position) {
                    consumeEscape(into: &out)
                } else {
                    skipBadURL()
                    return .badURL
                }
            default:
                out.append(b)
                position += 1
            }
        }
        return .url(String(decoding: out, as: UTF8.self))
    }

    private mutating func skipBadURL() {
        while let b = peek() {
            if b == UInt8(ascii: ")") {
                position += 1
                return
            }
            if startsEscape(at: position) {
                var ignored: [UInt8] = []
                consumeEscape(into: &ignored)
            } else {
                position += 1
            }
        }
    }

    // MARK: Helpers

    private func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }

    private func utf8Length(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    private func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }
}
