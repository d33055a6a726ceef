import ShilaoCore

/// The words reports use around findings, in both languages.
enum Words {
    static func impact(_ impact: Impact) -> Localized {
        switch impact {
        case .critical: return Localized(zhCN: "紧急", en: "critical")
        case .serious: return Localized(zhCN: "严重", en: "serious")
        case .moderate: return Localized(zhCN: "中等", en: "moderate")
        case .minor: return Localized(zhCN: "轻微", en: "minor")
        }
    }

    static func outcome(_ outcome: Outcome) -> Localized {
        switch outcome {
        case .passed: return Localized(zhCN: "通过", en: "passed")
        case .failed: return Localized(zhCN: "不通过", en: "failed")
        case .needsReview: return Localized(zhCN: "需人工复核", en: "needs review")
        case .inapplicable: return Localized(zhCN: "不适用", en: "inapplicable")
        }
    }

    static let line = Localized(zhCN: "第 {line} 行", en: "line {line}")
    static let fix = Localized(zhCN: "怎么改：", en: "Fix: ")
    static let clauses = Localized(zhCN: "依据：", en: "Clauses: ")
    static let clauseSeparator = Localized(zhCN: "；", en: "; ")
    static let cannotAudit = Localized(zhCN: "无法审查：{reason}", en: "could not be audited: {reason}")
    static let pageCounts = Localized(zhCN: "{failed} 处不通过，{review} 处需人工复核", en: "{failed} failed, {review} to review")
    static let clean = Localized(zhCN: "未发现问题", en: "no problems found")
    static let summary = Localized(
        zhCN: "汇总：审查 {pages} 个页面（{errors} 个无法审查），{failed} 处不通过，{review} 处需人工复核",
        en: "Summary: {pages} pages ({errors} could not be audited), {failed} failed, {review} to review")
    static let topProblems = Localized(zhCN: "主要问题：", en: "Top problems:")
    static let problemLine = Localized(zhCN: "{pages} 个页面，{findings} 处", en: "{pages} pages, {findings} findings")
}
