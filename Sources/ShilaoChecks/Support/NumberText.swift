import Foundation

/// Numbers as messages show them: at most `digits` decimals, trailing zeros dropped.
enum NumberText {
    static func format(_ value: Double, digits: Int = 1) -> String {
        let scale = [1.0, 10, 100, 1000][min(max(digits, 0), 3)]
        guard digits >= 0, digits <= 3, value.isFinite, value.magnitude * scale < 0x1p52 else {
            var text = String(format: "%.\(digits)f", value)
            while text.contains("."), text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text
        }
        // Every finding that shows a ratio or a size formats numbers, and C's formatter behind
        // String(format:) cost 2% of an audit. This rounds as printf does, the exact binary value
        // to the nearest, ties to even: the product's rounding error, exact with a fused
        // multiply-add, decides an apparent tie.
        let magnitude = value.magnitude
        let product = magnitude * scale
        let error = (-product).addingProduct(magnitude, scale)
        var units = product.rounded(.toNearestOrEven)
        if (product - units).magnitude == 0.5, error != 0 {
            units = error > 0 ? product.rounded(.up) : product.rounded(.down)
        }
        var whole = UInt64(units)
        var places = digits
        while places > 0, whole % 10 == 0 {
            whole /= 10
            places -= 1
        }
        var text = String(whole)
        if places > 0 {
            let padded = String(repeating: "0", count: max(0, places + 1 - text.count)) + text
            text = padded.dropLast(places) + "." + padded.suffix(places)
        }
        // printf keeps the sign of a negative value that rounds to zero ("-0").
        return value.sign == .minus ? "-" + text : text
    }
}
