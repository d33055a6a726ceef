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
        String(decoding: utf8(indent: indent), as: UTF8.self)
    }

    /// `serialized` as UTF-8 bytes, for writing without another copy. Built as bytes:
    /// appending to a String checked its capacity and ASCII flags on every piece, a tenth of
    /// auditing a small page.
    public func utf8(indent: Int? = nil) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(to: &output, indent: indent, level: 0)
        return output
    }

    /// Compact JSON followed by `suffix`, handed to `emit` in pieces of about `chunk` bytes: a
    /// page record of a million findings is never held as one buffer, nor copied as it grows.
    /// A value smaller than `chunk` is emitted whole, in one call.
    public func write(inChunksOf chunk: Int, appending suffix: [UInt8] = [], _ emit: ([UInt8]) throws -> Void) throws {
        var output: [UInt8] = []
        output.reserveCapacity(min(chunk, 1 << 16))
        var failure: Error?
        write(to: &output, indent: nil, level: 0) { buffer in
            guard buffer.count >= chunk else { return }
            if failure == nil {
                do { try emit(buffer) } catch { failure = error }
            }
            buffer.removeAll(keepingCapacity: true)
        }
        if let failure { throw failure }
        output += suffix
        try emit(output)
    }

    /// `flush` is offered the output after each array element.
    private func write(to output: inout [UInt8], indent: Int?, level: Int, flush: (inout [UInt8]) -> Void = { _ in }) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .int(let value): output += String(value).utf8
        case .double(let value):
            output += (value.isFinite ? (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)) : "null").utf8
        case .string(let value): JSON.escape(value, into: &output)
        case .array(let values):
            guard !values.isEmpty else { output += "[]".utf8; return }
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSON.newline(&output, indent, level + 1)
                value.write(to: &output, indent: indent, level: level + 1, flush: flush)
                flush(&output)
            }
            JSON.newline(&output, indent, level)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { output += "{}".utf8; return }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSON.newline(&output, indent, level + 1)
                JSON.escape(key, into: &output)
                output += (indent == nil ? ":" : ": ").utf8
                value.write(to: &output, indent: indent, level: level + 1, flush: flush)
            }
            JSON.newline(&output, indent, level)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ output: inout [UInt8], _ indent: Int?, _ level: Int) {
        guard let indent else { return }
        output.append(UInt8(ascii: "\n"))
        output += repeatElement(UInt8(ascii: " "), count: indent * level)
    }

    /// Copies runs of bytes that need no escape whole.
    private static func escape(_ string: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            var copied = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var next = index + 1
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
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 end a line in JavaScript.
                    replacement = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    next = index + 3
                default: replacement = nil
                }
                if let replacement {
                    output += UnsafeBufferPointer(rebasing: bytes[copied..<index])
                    output += replacement.utf8
                    copied = next
                }
                index = next
            }
            output += UnsafeBufferPointer(rebasing: bytes[copied...])
        }
        output.append(UInt8(ascii: "\""))
    }
}
