import ShilaoCore

/// The words of the HTML and Markdown reports, in both languages.
enum HTMLWords {
    static let title = Localized(zhCN: "适老化与无障碍审查报告", en: "Elderly-friendly and accessibility audit report")
    static let contents = Localized(zhCN: "报告目录", en: "Report contents")
    /// Before the 大字模式 link, which keeps its Chinese name in both languages: it is the
    /// name older users and evaluators look for.
    static let largeTextLabel = Localized(zhCN: "", en: "Large text: ")
    static let normalText = Localized(zhCN: "标准字号", en: "Normal text size")
    static let generated = Localized(zhCN: "由 Shilao {version} 生成，审查方案 {profile}（版本 {profileVersion}），共 {pages} 个页面。",
                                     en: "Made by Shilao {version} with the profile {profile} (version {profileVersion}); {pages} pages.")
    static let scores = Localized(zhCN: "得分", en: "Scores")
    static let charts = Localized(zhCN: "按原则和检查项", en: "By principle and by check")
    static let byPrinciple = Localized(zhCN: "各原则得分率（{profile}）", en: "Share of points earned per principle ({profile})")
    static let byCheck = Localized(zhCN: "不通过页面最多的检查项", en: "Checks failing on the most pages")
    static let remediation = Localized(zhCN: "整改清单", en: "Remediation list")
    static let remediationIntro = Localized(
        zhCN: "按“严重程度权重 × 涉及页面数 × 出现次数”从高到低排列，先改排在前面的。",
        en: "Ordered by impact weight × pages × occurrences: fix the first ones first.")
    static let profile = Localized(zhCN: "方案", en: "Profile")
    static let score = Localized(zhCN: "得分", en: "Score")
    static let passMark = Localized(zhCN: "及格线", en: "Pass mark")
    static let verdict = Localized(zhCN: "结论", en: "Verdict")
    static let gauge = Localized(zhCN: "{profile} 得分 {score}，及格线 {mark}，{verdict}", en: "{profile} score {score}, pass mark {mark}, {verdict}")
    static let principleBar = Localized(zhCN: "{principle}：得分率 {percent}%", en: "{principle}: {percent}% of points earned")
    static let checkBar = Localized(zhCN: "{check}：{pages} 个页面不通过", en: "{check}: fails on {pages} pages")
    static let itemCounts = Localized(zhCN: "严重程度：{impact}；涉及 {pages} 个页面，共 {count} 处。",
                                      en: "Impact: {impact}; on {pages} pages, {count} occurrences.")
    static let whatToFix = Localized(zhCN: "怎么改：", en: "What to fix: ")
    static let before = Localized(zhCN: "改之前（不合格）：", en: "Before (fails):")
    static let after = Localized(zhCN: "改之后（合格）：", en: "After (passes):")
    static let occurrences = Localized(zhCN: "{check} 出现的位置", en: "Where {check} occurs")
    static let page = Localized(zhCN: "页面", en: "Page")
    static let line = Localized(zhCN: "行号", en: "Line")
    static let path = Localized(zhCN: "元素路径", en: "Element path")
    static let snippet = Localized(zhCN: "代码片段", en: "Snippet")
    static let problem = Localized(zhCN: "问题", en: "Problem")
    static let new = Localized(zhCN: "（新增）", en: "(new)")
    static let gatePassed = Localized(zhCN: "门禁通过。", en: "The gate passed.")
    static let notAudited = Localized(zhCN: "无法审查的页面", en: "Pages that could not be audited")
    static let styleProblemPages = Localized(zhCN: "样式表没能加载的页面", en: "Pages whose style sheets could not be loaded")
}
