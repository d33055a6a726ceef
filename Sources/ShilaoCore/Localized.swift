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
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    static func fill(_ template: String, _ data: [String: String]) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = data[String(after[..<close])] {
                output += value
                rest = after[after.index(after: close)...]
            } else {
                output += "{"
                rest = after
            }
        }
        return output + rest
    }
}
