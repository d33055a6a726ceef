import Foundation

/// Numbers as messages show them: at most `digits` decimals, no trailing zeros (4.5, 2.31, 16).
enum NumberText {
    static func format(_ value: Double, digits: Int = 1) -> String {
        // C's formatter, as String(format:) would use, without Foundation's NSString round trip.
        var buffer = [CChar](repeating: 0, count: 64)
        let length = Int(withVaList([Int32(digits), value]) { vsnprintf(&buffer, buffer.count, "%.*f", $0) })
        var text = (0..<buffer.count).contains(length)
            ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : String(format: "%.\(digits)f", value)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
