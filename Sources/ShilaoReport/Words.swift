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
    /// The caveat of a page styled without some of its sheets, naming them.
    static func styleProblems(_ problems: [String]) -> Localized {
        styleProblemsCaveat.filled(["problems": problems.joined(separator: "; ")])
    }
    private static let styleProblemsCaveat = Localized(
        zhCN: "有样式表没能加载，依赖样式的结果（文字对比度、字号、行距、隐藏的内容）可能不准；请修好链接，或在浏览器里核对：{problems}",
        en: "Some style sheets could not be loaded, so results that depend on styles (text contrast, font size, line height, hidden content) may be wrong; fix the links or check in a browser: {problems}")
    static let styleProblemsIntro = Localized(
        zhCN: "这些页面有样式表没能加载，依赖样式的结果（文字对比度、字号、行距、隐藏的内容）可能不准；请修好链接，或在浏览器里核对。",
        en: "These pages link style sheets that could not be loaded, so results that depend on styles (text contrast, font size, line height, hidden content) may be wrong; fix the links or check in a browser.")
    static let pageCounts = Localized(zhCN: "{failed} 处不通过，{review} 处需人工复核", en: "{failed} failed, {review} to review")
    static let clean = Localized(zhCN: "未发现问题", en: "no problems found")
    static let summary = Localized(
        zhCN: "汇总：审查 {pages} 个页面（{errors} 个无法审查），{failed} 处不通过，{review} 处需人工复核",
        en: "Summary: {pages} pages ({errors} could not be audited), {failed} failed, {review} to review")
    static let topProblems = Localized(zhCN: "主要问题：", en: "Top problems:")
    static let problemLine = Localized(zhCN: "{pages} 个页面，{findings} 处", en: "{pages} pages, {findings} findings")
}

extension Words {
    static let pass = Localized(zhCN: "通过", en: "pass")
    static let fail = Localized(zhCN: "不通过", en: "fail")
    static let scoreLine = Localized(zhCN: "得分（{profile}）：{score}，{verdict}", en: "Score ({profile}): {score}, {verdict}")
    static let reviewNotScored = Localized(zhCN: "；{count} 项待人工复核，不计入得分", en: "; {count} checks to review, not scored")
    static let vetoFailed = Localized(zhCN: "；一票否决：{checks}", en: "; veto failed: {checks}")
    static let siteScore = Localized(zhCN: "网站", en: "Site ")
    static let passMark = Localized(zhCN: "（及格线 {mark}）", en: " (pass mark {mark})")
    static let unscored = Localized(zhCN: "方案 {profile} 不计分", en: "Profile {profile} is unscored")
    static let baseline = Localized(zhCN: "与基线相比：新增 {new} 处，已修复 {fixed} 处，仍存在 {unchanged} 处",
                                    en: "Against the baseline: {new} new, {fixed} fixed, {unchanged} still present")
    static let gateFailed = Localized(zhCN: "门禁不通过：", en: "Gate failed:")
    static let hosts = Localized(zhCN: "各站点：", en: "By site:")
    static let hostLine = Localized(zhCN: "{host}：{pages} 个页面，{errors} 个无法审查", en: "{host}: {pages} pages, {errors} could not be audited")
    static let worstPage = Localized(zhCN: "{url}（{failed} 处不通过）", en: "{url} ({failed} failed)")
}
