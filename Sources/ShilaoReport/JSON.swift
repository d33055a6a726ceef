/// A JSON value with object keys kept in the order written, so records read in the order of
/// the report contract (`url` first) and snapshots are stable.
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (lhs: JSON, rhs: JSON) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// Compact JSON on one line; with `indent`, pretty-printed.
    public func serialized(indent: Int? = nil) -> String {
        var output = ""
        write(to: &output, indent: indent, level: 0)
        return output
    }

    private func write(to output: inout String, indent: Int?, level: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value):
            output += value.isFinite ? (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)) : "null"
        case .string(let value): JSON.escape(value, into: &output)
        case .array(let values):
            guard !values.isEmpty else { output += "[]"; return }
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                JSON.newline(&output, indent, level + 1)
                value.write(to: &output, indent: indent, level: level + 1)
            }
            JSON.newline(&output, indent, level)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                JSON.newline(&output, indent, level + 1)
                JSON.escape(key, into: &output)
                output += indent == nil ? ":" : ": "
                value.write(to: &output, indent: indent, level: level + 1)
            }
            JSON.newline(&output, indent, level)
            output += "}"
        }
    }

    private static func newline(_ output: inout String, _ indent: Int?, _ level: Int) {
        guard let indent else { return }
        output += "\n" + String(repeating: " ", count: indent * level)
    }

    private static func escape(_ string: String, into output: inout String) {
        // Runs of bytes that need no escape are copied whole: appending scalar by scalar was a
        // tenth of an audit that writes many findings.
        output += "\""
        let bytes = string.utf8
        var copied = bytes.startIndex
        var index = copied
        while index < bytes.endIndex {
            let byte = bytes[index]
            var next = bytes.index(after: index)
            let replacement: String?
            switch byte {
            case UInt8(ascii: "\""): replacement = "\\\""
            case UInt8(ascii: "\\"): replacement = "\\\\"
            case UInt8(ascii: "\n"): replacement = "\\n"
            case UInt8(ascii: "\r"): replacement = "\\r"
            case UInt8(ascii: "\t"): replacement = "\\t"
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                replacement = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) end a line in JavaScript.
                let second = next, third = second < bytes.endIndex ? bytes.index(after: second) : second
                if third < bytes.endIndex, bytes[second] == 0x80, bytes[third] == 0xA8 || bytes[third] == 0xA9 {
                    replacement = bytes[third] == 0xA8 ? "\\u2028" : "\\u2029"
                    next = bytes.index(after: third)
                } else {
                    replacement = nil
                }
            default: replacement = nil
            }
            if let replacement {
                output += string[copied..<index]
                output += replacement
                copied = next
            }
            index = next
        }
        output += string[copied...]
        output += "\""
    }
}
