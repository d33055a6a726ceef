import Foundation
import ShilaoCore

/// `--format csv`: one row per failed or needs-review finding, for Excel: UTF-8 with a byte
/// order mark (Excel reads BOM-less files as the local code page), CRLF line ends, every field
/// quoted, and fields that Excel would run as a formula (=, +, -, @) prefixed with an apostrophe.
enum CSVReport {
    static let headers = [
        Localized(zhCN: "页面", en: "page"), Localized(zhCN: "检查项", en: "check"), Localized(zhCN: "结果", en: "outcome"),
        Localized(zhCN: "严重程度", en: "impact"), Localized(zhCN: "行号", en: "line"), Localized(zhCN: "元素路径", en: "path"),
        Localized(zhCN: "代码片段", en: "snippet"), Localized(zhCN: "问题", en: "message"), Localized(zhCN: "怎么改", en: "fix"),
        Localized(zhCN: "依据条款", en: "clauses"), Localized(zhCN: "指纹", en: "fingerprint"),
    ]

    static func render(_ run: RunReport) -> String {
        let language = run.language
        var out = "\u{FEFF}" + row(headers.map { $0[language] })
        for page in run.pages {
            for finding in page.record.audit.findings {
                out += row([
                    page.record.url, finding.check, Words.outcome(finding.outcome)[language], Words.impact(finding.impact)[language],
                    finding.location.map { String($0.line) } ?? "", finding.location?.path ?? "", finding.location?.snippet ?? "",
                    finding.message[language], finding.fix[language],
                    finding.clauses.map { $0.citation[language] }.joined(separator: Words.clauseSeparator[language]),
                    Fingerprint.of(finding, url: page.record.url),
                ])
            }
        }
        return out
    }

    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
