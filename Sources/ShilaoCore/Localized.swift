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
        // Scanned as the template's UTF-8 bytes in place: the braces are ASCII, and searching
        // Characters or string indices cost more than the rest of a finding on large pages.
        var template = template
        let filled = template.withUTF8 { bytes -> String? in
            func next(_ byte: UInt8, from start: Int) -> Int? {
                var index = start
                while index < bytes.count {
                    if bytes[index] == byte { return index }
                    index += 1
                }
                return nil
            }
            var output: [UInt8] = []
            var copied = 0
            var scan = 0
            while let open = next(UInt8(ascii: "{"), from: scan) {
                let name = open + 1
                if let close = next(UInt8(ascii: "}"), from: name),
                   let value = data[String(decoding: UnsafeBufferPointer(rebasing: bytes[name..<close]), as: UTF8.self)] {
                    if output.isEmpty { output.reserveCapacity(bytes.count + value.utf8.count) }
                    output += UnsafeBufferPointer(rebasing: bytes[copied..<open])
                    output += value.utf8
                    copied = close + 1
                    scan = copied
                } else {
                    scan = name
                }
            }
            guard copied > 0 else { return nil }
            output += UnsafeBufferPointer(rebasing: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        }
        return filled ?? template
    }
}
