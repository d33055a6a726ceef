import Foundation
import ShilaoCore
import ShilaoDOM

/// ACT b4f0c3: the viewport meta lets people zoom: no `user-scalable=no`, `maximum-scale` ≥ 2.
struct MetaViewportZoom: BuiltInCheck {
    static let id = "meta-viewport-zoom"

    func run(on page: Page, into results: inout Results) {
        for meta in page.document.elements where meta.isNamed("meta") {
            guard meta.attribute("name")?.trimmed(.whitespaces).lowercased() == "viewport",
                  let content = meta.attribute("content") else { continue }
            let properties = MetaViewportZoom.properties(content)
            let scalable = properties["user-scalable"]
            let maximum = properties["maximum-scale"]
            guard scalable != nil || maximum != nil else { continue }
            let blocksZoom = scalable.map { !MetaViewportZoom.allowsZoom(userScalable: $0) } ?? false
            let limitsZoom = maximum.flatMap(MetaViewportZoom.scale).map { $0 < 2 } ?? false
            switch (blocksZoom, limitsZoom) {
            case (true, true):
                results.fail(meta, "fail.both", ["value": scalable ?? "", "scale": maximum ?? ""])
            case (true, false):
                results.fail(meta, "fail.user-scalable", ["value": scalable ?? ""])
            case (false, true):
                results.fail(meta, "fail.maximum-scale", ["value": maximum ?? ""])
            case (false, false):
                results.pass(meta)
            }
        }
    }

    /// `key=value` pairs separated by commas, semicolons or spaces; keys lower-cased.
    static func properties(_ content: String) -> [String: String] {
        var result: [String: String] = [:]
        for part in content.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmed(.whitespaces) }
            guard pair.count == 2, !pair[0].isEmpty else { continue }
            result[pair[0].lowercased()] = pair[1]
        }
        return result
    }

    /// CSS Device Adaptation: `yes` and numbers of magnitude ≥ 1 allow zoom; `no`, smaller
    /// numbers and unknown words do not.
    static func allowsZoom(userScalable value: String) -> Bool {
        switch value.lowercased() {
        case "yes", "device-width", "device-height": return true
        case "no": return false
        default: return leadingNumber(value).map { abs($0) >= 1 } ?? false
        }
    }

    /// The zoom limit `maximum-scale` sets, or nil when it sets none (a negative number).
    static func scale(_ value: String) -> Double? {
        switch value.lowercased() {
        case "yes": return 1
        case "device-width", "device-height": return 10
        default:
            guard let number = leadingNumber(value) else { return 0.1 }
            return number < 0 ? nil : number
        }
    }

    static func leadingNumber(_ value: String) -> Double? {
        let prefix = value.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
        return Double(prefix)
    }
}
