import Foundation

/// Numbers as messages show them: at most `digits` decimals, no trailing zeros (4.5, 2.31, 16).
enum NumberText {
    static func format(_ value: Double, digits: Int = 1) -> String {
        var text = String(format: "%.\(digits)f", value)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
