/// The languages every user-facing text is written in.
public enum Language: String, Codable, Sendable, CaseIterable {
    case zhCN = "zh-CN"
    case en
}

/// A text in both languages. Templates use `{name}` placeholders filled from a record's data.
public struct Localized: Codable, Sendable, Hashable {
    public let zhCN: String
    public let en: String

    public init(zhCN: String, en: String) {
        self.zhCN = zhCN
        self.en = en
    }

    enum CodingKeys: String, CodingKey {
        case zhCN = "zh-CN"
        case en
    }

    public subscript(language: Language) -> String {
        switch language {
        case .zhCN: return zhCN
        case .en: return en
        }
    }

    /// Both texts with `{name}` replaced by `data[name]`; unknown placeholders stay as written.
    public func filled(_ data: [String: String]) -> Localized {
        guard !data.isEmpty else { return self }
        return Localized(zhCN: Localized.fill(zhCN, data), en: Localized.fill(en, data))
    }

    /// The placeholder names a template uses, in order of first appearance.
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = String(after[..<close])
            if isPlaceholderName(name), !names.contains(name) { names.append(name) }
            rest = after[after.index(after: close)...]
        }
        return names
    }

    static func isPlaceholderName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.quickIsLetter || $0.isNumber || $0 == "_") }
    }

    static func fill(_ template: String, _ data: [String: String]) -> String {
        // Scanned as UTF-8 bytes: the braces are ASCII, and a Character search breaks graphemes
        // at every step, which cost more than the rest of a finding on large pages.
        let bytes = template.utf8
        var output = ""
        var copied = bytes.startIndex
        var scan = copied
        while let open = bytes[scan...].firstIndex(of: UInt8(ascii: "{")) {
            let name = bytes.index(after: open)
            if let close = bytes[name...].firstIndex(of: UInt8(ascii: "}")), let value = data[String(template[name..<close])] {
                if output.isEmpty { output.reserveCapacity(bytes.count + value.utf8.count) }
                output += template[copied..<open]
                output += value
                copied = bytes.index(after: close)
                scan = copied
            } else {
                scan = name
            }
        }
        return copied == bytes.startIndex ? template : output + template[copied...]
    }
}
