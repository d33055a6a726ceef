import Foundation
import Testing
import ShilaoCore
@testable import ShilaoReport

/// A fixed run for every reporter: a small profile whose points are easy to add up by hand,
/// three pages (one failing a veto item, one not audited) and catalogue metadata for the
/// remediation list.
enum Demo {
    static let profileYAML = """
        id: demo
        version: "1"
        title: {zh-CN: 演示方案, en: Demo profile}
        note: {zh-CN: 只计技术部分。, en: Technical part only.}
        scoring: by-principle
        pass-mark: 60
        impact-weights: {critical: 10, serious: 7, moderate: 3, minor: 1}
        principles: {perceivable: 30, operable: 30, understandable: 20, compatible: 20}
        checks:
          elder-ads: {principle: operable, impact: critical, veto: true}
          img-alt: {principle: perceivable, impact: critical, points: 30}
          document-title: {principle: operable, impact: serious, points: 21}
          link-purpose: {principle: operable, impact: moderate, points: 9}
          html-has-lang: {principle: understandable, impact: serious, points: 20}
          button-name: {principle: compatible, impact: critical, points: 20}
        """

    static let profile: Profile = {
        let url = temporaryFile("demo.yml")
        defer { removeTemporary(url) }
        try? profileYAML.write(to: url, atomically: true, encoding: .utf8)
        return try! Profile.load(url: url, name: "profiles/demo.yml")
    }()

    /// A path named `name` in a folder of its own; `removeTemporary` takes the folder away.
    static func temporaryFile(_ name: String) -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name)
    }

    static func removeTemporary(_ file: URL) {
        try? FileManager.default.removeItem(at: file.deletingLastPathComponent())
    }

    static func finding(_ check: String, _ outcome: Outcome, _ impact: Impact, line: Int, path: String, snippet: String,
                        message: String) -> Finding {
        Finding(check: check, outcome: outcome, impact: impact, category: check.hasPrefix("elder") ? .elderly : .accessibility,
                location: Location(line: line, path: path, snippet: snippet),
                message: Localized(zhCN: message, en: "EN " + message), fix: Localized(zhCN: "修改 \(check)", en: "Fix \(check)"),
                clauses: [Clause(std: .wcag21, clause: "1.1.1")])
    }

    static let pageA = PageRecord(url: "samples/a.html", status: .ok, error: nil, audit: PageAudit(
        outcomes: ["img-alt": .failed, "document-title": .passed, "link-purpose": .needsReview, "html-has-lang": .passed,
                   "button-name": .inapplicable, "elder-ads": .passed],
        findings: [
            finding("img-alt", .failed, .critical, line: 41, path: "/html/body/main/img[1]", snippet: #"<img src="a.png">"#, message: "图片缺少替代文本"),
            finding("img-alt", .failed, .critical, line: 52, path: "/html/body/main/img[2]", snippet: #"<img src="b.png">"#, message: "图片缺少替代文本"),
            finding("link-purpose", .needsReview, .moderate, line: 60, path: "/html/body/main/a", snippet: #"<a href="x">"#, message: "链接文字“详情”没有说明去向"),
        ]))

    static let pageB = PageRecord(url: "samples/b.html", status: .ok, error: nil, audit: PageAudit(
        outcomes: ["img-alt": .passed, "document-title": .passed, "link-purpose": .passed, "html-has-lang": .passed,
                   "button-name": .failed, "elder-ads": .failed],
        findings: [
            finding("button-name", .failed, .critical, line: 12, path: "/html/body/button",
                    snippet: "<button onclick=\"a(\"x\", 1)\">\n</button>", message: "=按钮没有名称, \"空\""),
            finding("elder-ads", .failed, .critical, line: 30, path: "/html/body/div[2]", snippet: #"<div id="floatAd">"#, message: "页面上有飘窗"),
        ], styleProblems: ["line 8, stylesheet https://gov.example/css/site.css: HTTP 404"]))

    static let pageC = PageRecord.failure(url: "gone.html", reason: "no such file or folder")

    static let records = [pageA, pageB, pageC]

    static func metadata(_ id: String, _ impact: Impact) -> CheckMetadata {
        CheckMetadata(id: id, title: Localized(zhCN: "\(id) 标题", en: "\(id) title"), rationale: Localized(zhCN: "原因", en: "Why"),
                      fix: Localized(zhCN: "把 \(id) 改好，例如 <img alt=\"说明\">", en: "Fix \(id), e.g. <img alt=\"text\">"),
                      messages: [:], impact: impact, category: id.hasPrefix("elder") ? .elderly : .accessibility,
                      standards: [Clause(std: .wcag21, clause: "1.1.1"), Clause(std: .miitWeb, clause: "2.4.1?")], act: [],
                      examples: Examples(pass: [Example(code: #"<img src="a.png" alt="办事指南">"#)], fail: [Example(code: #"↓<img src="a.png">"#)]),
                      implementation: .swift, file: "\(id).yml")
    }

    static let catalogue: [String: CheckMetadata] = [
        "img-alt": metadata("img-alt", .critical), "document-title": metadata("document-title", .serious),
        "link-purpose": metadata("link-purpose", .moderate), "html-has-lang": metadata("html-has-lang", .serious),
        "button-name": metadata("button-name", .critical), "elder-ads": metadata("elder-ads", .critical),
    ]

    /// Runs the records through a session with one reporter and returns what it wrote.
    static func render(_ format: ReportFormat, records: [PageRecord] = records, language: Language = .zhCN,
                       rules: GateRules = GateRules(), baseline: Baseline? = nil) throws -> (text: String, run: RunReport) {
        let url = temporaryFile("report.\(format.rawValue)")
        defer { removeTemporary(url) }
        var run: RunReport?
        do {
            let reporter = format.reporter(sink: try OutputSink.file(url.path), language: language, colour: false)
            let session = ReportSession(settings: RunSettings(profile: profile.id, language: language, jobs: 1, inputs: ["samples"]),
                                        profile: profile, metadata: catalogue, reporters: [reporter], keepPages: true,
                                        rules: rules, baseline: baseline)
            for record in records { try session.add(record) }
            run = try session.finish()
        }
        // Decoded by hand: String(contentsOf:) drops a byte order mark, which the CSV test checks.
        return (String(decoding: try Data(contentsOf: url), as: UTF8.self), try #require(run))
    }

    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// Compares with `Snapshots/<name>`. With SHILAO_RECORD_SNAPSHOTS=1 in the environment the
    /// snapshot is written instead, and the test fails so a recording never passes unseen.
    static func expectSnapshot(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = snapshots.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SHILAO_RECORD_SNAPSHOTS"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name); run again without SHILAO_RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(text == expected, "\(name) differs from its snapshot", sourceLocation: sourceLocation)
    }
}
