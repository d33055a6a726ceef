/// The documents a check can cite (STANDARDS.md, Part A).
public enum StandardID: String, Codable, Sendable, CaseIterable {
    case wcag21, wcag22, gbt37668
    case miitWeb = "miit-web"
    case miitApp = "miit-app"
    case govWeb = "gov-web"
    case law

    /// How reports name the document.
    public var title: Localized {
        switch self {
        case .wcag21: return Localized(zhCN: "WCAG 2.1", en: "WCAG 2.1")
        case .wcag22: return Localized(zhCN: "WCAG 2.2", en: "WCAG 2.2")
        case .gbt37668: return Localized(zhCN: "GB/T 37668-2019", en: "GB/T 37668-2019")
        case .miitWeb: return Localized(zhCN: "工信部《互联网网站适老化通用设计规范》", en: "MIIT website elderly-friendly design specification")
        case .miitApp: return Localized(zhCN: "工信部《移动互联网应用（APP）适老化通用设计规范》", en: "MIIT mobile app elderly-friendly design specification")
        case .govWeb: return Localized(zhCN: "《政府网站发展指引》", en: "Government website development guidelines")
        case .law: return Localized(zhCN: "《无障碍环境建设法》", en: "Barrier-free Environment Construction Law")
        }
    }
}

/// One clause of one standard. A clause ending in `?` is cited but not confirmed against the
/// original text (STANDARDS.md says which).
public struct Clause: Codable, Sendable, Hashable {
    public let std: StandardID
    public let clause: String

    public init(std: StandardID, clause: String) {
        self.std = std
        self.clause = clause
    }

    /// Whether the clause number is cited without confirmation against the original text.
    public var isUnconfirmed: Bool { clause.hasSuffix("?") }

    /// "WCAG 2.1 成功准则 1.1.1", "GB/T 37668-2019 第 3.2.1.3 条", with unconfirmed numbers said so.
    public var citation: Localized {
        let title = std.title
        let number = isUnconfirmed ? String(clause.dropLast()) : clause
        let unconfirmed = isUnconfirmed ? Localized(zhCN: "（条款号待核实）", en: " (clause number unconfirmed)") : Localized(zhCN: "", en: "")
        if std == .wcag21 || std == .wcag22 {
            return Localized(zhCN: "\(title.zhCN) 成功准则 \(number)", en: "\(title.en) SC \(number)")
        }
        // A requirement whose clause number nobody has seen is cited as "?": the document alone.
        if number.isEmpty {
            return Localized(zhCN: "\(title.zhCN)\(unconfirmed.zhCN)", en: "\(title.en)\(unconfirmed.en)")
        }
        // Some documents have no numbered clauses (the 网页设计规范 annex of gov-web): cite the part by name.
        if number.first?.isNumber != true {
            return Localized(zhCN: "\(title.zhCN)·\(number)\(unconfirmed.zhCN)", en: "\(title.en), part \(number)\(unconfirmed.en)")
        }
        return Localized(zhCN: "\(title.zhCN)第 \(number) 条\(unconfirmed.zhCN)", en: "\(title.en), clause \(number)\(unconfirmed.en)")
    }
}
