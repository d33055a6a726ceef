import CLibXML2

/// Decides the encoding libxml2 reads a page in, and repairs bytes it would misread.
enum Charset {
    /// Returns the encoding name to hand libxml2 (nil: let it decide) and the bytes to parse.
    static func prepare(_ bytes: [UInt8], hint: String?) -> (String?, [UInt8]) {
        if let hint, let name = usable(hint) {
            return finish(bytes, name)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return ("UTF-8", repairUTF8(Array(bytes.dropFirst(3))))
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", Array(bytes.dropFirst(2))) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", Array(bytes.dropFirst(2))) }
        if let declared = metaCharset(bytes), let name = usable(declared) {
            return finish(bytes, name)
        }
        if isValidUTF8(bytes) { return ("UTF-8", replacingNUL(bytes, with: [0xEF, 0xBF, 0xBD])) }
        // Undeclared and not UTF-8: a Chinese browser falls back to GBK, whose superset is GB18030.
        if looksLikeGB18030(bytes) { return ("GB18030", replacingNUL(bytes, with: [0x3F])) }
        return ("UTF-8", repairUTF8(bytes))
    }

    private static func finish(_ bytes: [UInt8], _ name: String) -> (String?, [UInt8]) {
        if name == "UTF-8" { return (name, repairUTF8(bytes)) }
        if name.hasPrefix("UTF-16") { return (name, bytes) }
        return (name, replacingNUL(bytes, with: [0x3F]))
    }

    /// Maps a declared label to a name iconv knows, following the WHATWG Encoding labels that
    /// matter here; nil when libxml2 has no converter for it.
    static func usable(_ label: String) -> String? {
        let key = label.trimmingASCIIWhitespace().lowercased()
        guard !key.isEmpty else { return nil }
        let name: String
        switch key {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": name = "UTF-8"
        case "gb2312", "gbk", "x-gbk", "gb_2312-80", "gb_2312", "csgb2312", "chinese", "iso-ir-58",
             "cp936", "ms936", "windows-936", "gb18030":
            name = "GB18030"
        case "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5": name = "BIG5-HKSCS"
        case "iso-8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252", "iso8859-1":
            name = "WINDOWS-1252"
        case "utf-16", "utf-16le": name = "UTF-16LE"
        case "utf-16be": name = "UTF-16BE"
        default: name = key.uppercased()
        }
        guard let handler = xmlFindCharEncodingHandler(name) else { return nil }
        xmlCharEncCloseFunc(handler)
        return name
    }

    /// The HTML prescan, simplified: the first `charset=` inside a `<meta` tag in the first 1,024 bytes.
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        let window = Array(bytes.prefix(1024)).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let meta = Array("<meta".utf8)
        let charsetKey = Array("charset".utf8)
        var index = 0
        while let start = find(meta, in: window, from: index) {
            let end = window[start...].firstIndex(of: UInt8(ascii: ">")) ?? window.count
            if let keyAt = find(charsetKey, in: window, from: start, to: end) {
                var cursor = keyAt + charsetKey.count
                while cursor < end, window[cursor] == 0x20 { cursor += 1 }
                if cursor < end, window[cursor] == UInt8(ascii: "=") {
                    cursor += 1
                    while cursor < end, window[cursor] == 0x20 || window[cursor] == 0x22 || window[cursor] == 0x27 {
                        cursor += 1
                    }
                    var stop = cursor
                    while stop < end, !" \"';/>\t\n\r".utf8.contains(window[stop]) { stop += 1 }
                    if stop > cursor { return String(decoding: window[cursor..<stop], as: UTF8.self) }
                }
            }
            index = end
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int, to: Int? = nil) -> Int? {
        let limit = (to ?? haystack.count) - needle.count
        guard from <= limit else { return nil }
        var i = from
        while i <= limit {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var index = 0
        return bytes.withUnsafeBufferPointer { buffer in
            while index < buffer.count {
                let length = sequenceLength(buffer, at: index)
                if length == 0 { return false }
                index += length
            }
            return true
        }
    }

    /// Replaces every invalid UTF-8 sequence (and NUL) with U+FFFD, as browsers decode it, so
    /// libxml2 does not switch the rest of the page to Latin-1.
    static func repairUTF8(_ bytes: [UInt8]) -> [UInt8] {
        if isValidUTF8(bytes), !bytes.contains(0) { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let length = sequenceLength(buffer, at: index)
                if length == 0 || buffer[index] == 0 {
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    index += 1
                } else {
                    output.append(contentsOf: buffer[index..<(index + length)])
                    index += length
                }
            }
        }
        return output
    }

    /// Length of the well-formed UTF-8 sequence at `index`, or 0 when it is ill-formed.
    private static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = b[index]
        if lead < 0x80 { return 1 }
        func trail(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < b.count && b[index + offset] >= low && b[index + offset] <= high
        }
        switch lead {
        case 0xC2...0xDF: return trail(1) ? 2 : 0
        case 0xE0: return trail(1, 0xA0) && trail(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return trail(1) && trail(2) ? 3 : 0
        case 0xED: return trail(1, 0x80, 0x9F) && trail(2) ? 3 : 0
        case 0xF0: return trail(1, 0x90) && trail(2) && trail(3) ? 4 : 0
        case 0xF1...0xF3: return trail(1) && trail(2) && trail(3) ? 4 : 0
        case 0xF4: return trail(1, 0x80, 0x8F) && trail(2) && trail(3) ? 4 : 0
        default: return 0
        }
    }

    /// Whether the bytes are well-formed GB18030 with at least one multi-byte character.
    static func looksLikeGB18030(_ bytes: [UInt8]) -> Bool {
        var index = 0
        var multibyte = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            guard lead >= 0x81, lead <= 0xFE, index + 1 < bytes.count else { return false }
            let second = bytes[index + 1]
            if (0x40...0x7E).contains(second) || (0x80...0xFE).contains(second) {
                index += 2
            } else if (0x30...0x39).contains(second), index + 3 < bytes.count,
                      (0x81...0xFE).contains(bytes[index + 2]), (0x30...0x39).contains(bytes[index + 3]) {
                index += 4
            } else {
                return false
            }
            multibyte += 1
        }
        return multibyte > 0
    }

    private static func replacingNUL(_ bytes: [UInt8], with replacement: [UInt8]) -> [UInt8] {
        guard bytes.contains(0) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte == 0 { output.append(contentsOf: replacement) } else { output.append(byte) }
        }
        return output
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
