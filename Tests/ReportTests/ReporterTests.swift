import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ShilaoCore
@testable import ShilaoReport

@Suite struct ReporterTests {
    @Test(arguments: ReportFormat.allCases)
    func everyReporterMatchesItsSnapshot(_ format: ReportFormat) throws {
        try Demo.expectSnapshot(try Demo.render(format).text, "demo.\(format.rawValue)")
    }

    @Test func jsonLineFollowsTheContract() throws {
        let page = ScoredPage(record: Demo.pageA, score: Demo.profile.score(Demo.pageA.audit.outcomes))
        let line = RecordJSON.record(page, language: .zhCN).serialized()
        #expect(line.hasPrefix(#"{"url":"samples/a.html","status":"ok","scores":{"demo":57.7},"passed":{"demo":false},"findings":[{"check":"img-alt","outcome":"failed","impact":"critical","line":41,"path":"/html/body/main/img[1]","snippet":"<img src=\"a.png\">","message":"图片缺少替代文本","fix":"修改 img-alt","clauses":[{"std":"wcag21","clause":"1.1.1"}]}"#))
        #expect(line.hasSuffix(#""counts":{"passed":3,"failed":1,"needsReview":1,"inapplicable":1},"outcomes":{"button-name":"inapplicable","document-title":"passed","elder-ads":"passed","html-has-lang":"passed","img-alt":"failed","link-purpose":"needsReview"}}"#))
        let english = RecordJSON.record(page, language: .en).serialized()
        #expect(english.contains(#""message":"EN 图片缺少替代文本""#))
    }

    /// A big record goes out in pieces that add up to the whole line; a small one in one piece;
    /// a failed write stops the record and is thrown.
    @Test func bigRecordsAreWrittenInChunks() throws {
        let page = ScoredPage(record: Demo.pageA, score: Demo.profile.score(Demo.pageA.audit.outcomes))
        let record = RecordJSON.record(page, language: .zhCN)
        let whole = record.utf8() + [UInt8(ascii: "\n")]
        var pieces: [[UInt8]] = []
        try record.write(inChunksOf: 64, appending: [UInt8(ascii: "\n")]) { pieces.append($0) }
        #expect(pieces.count > 1)
        #expect(pieces.dropLast().allSatisfy { $0.count >= 64 })
        #expect(Array(pieces.joined()) == whole)
        pieces = []
        try record.write(inChunksOf: 1 << 20, appending: [UInt8(ascii: "\n")]) { pieces.append($0) }
        #expect(pieces == [whole])

        struct Full: Error {}
        var calls = 0
        #expect(throws: Full.self) {
            try record.write(inChunksOf: 64) { _ in
                calls += 1
                throw Full()
            }
        }
        #expect(calls == 1, "nothing more is written after a failed write")
    }

    /// A page record of several megabytes reaches the file as one whole line.
    @Test func jsonLinesWritesABigRecordWhole() throws {
        let findings = (0..<20_000).map {
            Demo.finding("img-alt", .failed, .critical, line: $0, path: "/html/body/div[\($0)]/img",
                         snippet: #"<img src="图片\#($0).png">"#, message: "图片缺少替代文本")
        }
        let record = PageRecord(url: "big.html", status: .ok, error: nil,
                                audit: PageAudit(outcomes: ["img-alt": .failed], findings: findings))
        let page = ScoredPage(record: record, score: nil)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-big-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            let reporter = JSONLinesReporter(sink: try OutputSink.file(url.path), language: .zhCN)
            try reporter.page(page)
            try reporter.page(ScoredPage(record: Demo.pageA, score: nil))
        }
        let written = try [UInt8](Data(contentsOf: url))
        let expected = RecordJSON.record(page, language: .zhCN).utf8() + [UInt8(ascii: "\n")]
            + RecordJSON.record(ScoredPage(record: Demo.pageA, score: nil), language: .zhCN).utf8() + [UInt8(ascii: "\n")]
        #expect(expected.count > 3 * JSONLinesReporter.chunk, "the record spans several pieces")
        #expect(written == expected)
    }

    @Test func unscoredAndErrorRecordsHaveEmptyScores() throws {
        let line = RecordJSON.record(Demo.pageC, score: nil, language: .en).serialized()
        let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "error")
        #expect(object["error"] as? String == "no such file or folder")
        #expect((object["scores"] as? [String: Any])?.isEmpty == true)
        #expect((object["passed"] as? [String: Any])?.isEmpty == true)
        #expect((object["findings"] as? [Any])?.isEmpty == true)
    }

    @Test func savedRecordsReadBackWithTheirOutcomes() throws {
        let url = Demo.temporaryFile("records.jsonl")
        defer { Demo.removeTemporary(url) }
        let lines = Demo.records.map { RecordJSON.record($0, score: Demo.profile.score($0.audit.outcomes), language: .zhCN).serialized() }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        let read = try RecordReader.records(url.path) { _ in .accessibility }
        #expect(read.map(\.url) == Demo.records.map(\.url))
        #expect(read.map(\.audit.outcomes) == Demo.records.map(\.audit.outcomes))
        #expect(read[0].audit.findings.map(\.location) == Demo.pageA.audit.findings.map(\.location))
        #expect(read[1].audit.findings.map { $0.message.zhCN } == Demo.pageB.audit.findings.map { $0.message.zhCN })
        #expect(read[2].status == .error && read[2].error == "no such file or folder")
        #expect(read.map(\.audit.styleProblems) == Demo.records.map(\.audit.styleProblems))
        try "{\"url\":\"x\",\"status\":\"ok\"}\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: RecordReader.Failure.self) { try RecordReader.records(url.path) { _ in .accessibility } }
    }

    @Test func escapingRoundTrips() throws {
        let text = "引号\" 反斜杠\\ 换行\n 制表\t 控制\u{01} \u{2028}"
        let json = JSON.array([.string(text), .double(72.5), .double(3), .null, .bool(true)]).serialized()
        let parsed = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any])
        #expect(parsed[0] as? String == text)
        #expect(json.hasSuffix(",72.5,3,null,true]"))
    }

    @Test func textReportGivesScoresTheNoteAndTheGate() throws {
        let text = try Demo.render(.text).text
        #expect(text.contains("得分（demo）：57.7，不通过"))
        #expect(text.contains("网站得分（demo）：65，不通过（及格线 60）；一票否决：elder-ads"))
        #expect(text.contains("只计技术部分。"))
        #expect(text.contains("门禁不通过：\n  - 一票否决项 elder-ads 在 1 个页面不通过"))
        #expect(text.contains("samples/b.html\n  有样式表没能加载，依赖样式的结果（文字对比度、字号、行距、隐藏的内容）可能不准；请修好链接，或在浏览器里核对：line 8, stylesheet https://gov.example/css/site.css: HTTP 404\n"))
        #expect(!text.contains("\u{1B}["))
    }

    /// The SARIF report validates against the official 2.1.0 schema, checked with Python's
    /// `jsonschema` (Draft 7 validator, as the schema declares).
    @Test func sarifValidatesAgainstTheOfficialSchema() throws {
        let schema = ReportPaths.packageRoot.appendingPathComponent("../shared/schemas/sarif-schema-2.1.0.json").standardizedFileURL
        try #require(FileManager.default.fileExists(atPath: schema.path),
                     "the SARIF schema is missing at \(schema.path): put ../shared/schemas beside the package")
        let (text, _) = try Demo.render(.sarif)
        let report = Demo.temporaryFile("report.sarif")
        defer { Demo.removeTemporary(report) }
        try text.write(to: report, atomically: true, encoding: .utf8)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); report = json.load(open(sys.argv[2]))
            errors = list(jsonschema.Draft7Validator(schema).iter_errors(report))
            for error in errors[:5]: print(error.message, list(error.absolute_path))
            sys.exit(1 if errors else 0)
            """
        let result = try ReportPaths.run("/usr/bin/env", ["python3", "-c", script, schema.path, report.path])
        #expect(result.status == 0, "SARIF does not validate: \(result.output)")

        let sarif = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["button-name", "document-title", "elder-ads", "html-has-lang", "img-alt", "link-purpose"])
        #expect(rules.allSatisfy { ($0["helpUri"] as? String)?.hasPrefix("docs/checks/") == true })
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 5)
        let first = results[0]
        let location = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "samples/a.html")
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 41)
        #expect((first["partialFingerprints"] as? [String: String])?["shilao/v1"]?.count == 16)
        let notifications = try #require((run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.map { $0["level"] as? String } == ["error", "warning"])
        let warning = notifications[1]
        #expect(((warning["message"] as? [String: Any])?["text"] as? String)?.hasSuffix("stylesheet https://gov.example/css/site.css: HTTP 404") == true)
        let warned = (warning["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((warned?["artifactLocation"] as? [String: Any])?["uri"] as? String == "samples/b.html")
    }

    @Test func junitParsesBackWithASuitePerPageAndACasePerCheck() throws {
        let (text, _) = try Demo.render(.junit)
        let parser = XMLParser(data: Data(text.utf8))
        let collector = JUnitCollector()
        parser.delegate = collector
        #expect(parser.parse(), "JUnit XML does not parse: \(String(describing: parser.parserError))")
        #expect(collector.suites == ["samples/a.html", "samples/b.html", "gone.html"])
        #expect(collector.cases["samples/a.html"]?.count == 6)
        #expect(collector.failures.map(\.check) == ["img-alt", "button-name", "elder-ads"])
        #expect(collector.failures[0].message == "图片缺少替代文本 (+1)")
        #expect(collector.failures[0].text.contains("line 41  /html/body/main/img[1]"))
        #expect(collector.failures[0].text.contains("line 52"))
        #expect(collector.errors == 1)
        #expect(collector.skipped == 2)
        #expect(collector.systemErr.keys.sorted() == ["samples/b.html"])
        #expect(collector.systemErr["samples/b.html"]?.hasSuffix("stylesheet https://gov.example/css/site.css: HTTP 404") == true)
    }

    @Test func csvHasABOMAndExcelSafeQuoting() throws {
        let (text, _) = try Demo.render(.csv)
        #expect(text.hasPrefix("\u{FEFF}\"页面\",\"检查项\""))
        let rows = text.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 1 + 5, "a header and one row per finding")
        let button = try #require(rows.first { $0.contains("button-name") })
        // A message starting with = would run as a formula; quotes are doubled; the newline stays inside quotes.
        #expect(button.contains(#""'=按钮没有名称, ""空""""#))
        #expect(button.contains("\"<button onclick=\"\"a(\"\"x\"\", 1)\"\">\n</button>\""))
        #expect(CSVReport.field("-1+2") == "\"'-1+2\"")
        #expect(CSVReport.field("@SUM(A1)") == "\"'@SUM(A1)\"")
        #expect(CSVReport.field("普通") == "\"普通\"")
    }

    @Test func htmlIsSelfContainedWithoutScript() throws {
        let (text, _) = try Demo.render(.html)
        #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(!text.lowercased().contains("<script"))
        #expect(!text.contains("src=\"http") && !text.contains("<link"))
        #expect(text.contains("<svg role=\"img\" aria-label=\"demo 得分 65，及格线 60，不通过\""))
        #expect(text.contains("只计技术部分。"))
        // Remediation order: impact weight × pages × occurrences (img-alt 10×1×2 first).
        let order = ["<code>img-alt</code>", "<code>button-name</code>", "<code>elder-ads</code>"].map { text.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        let english = try Demo.render(.html, language: .en).text
        #expect(english.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    }
}

/// Collects what a JUnit report holds, as a CI server would read it.
final class JUnitCollector: NSObject, XMLParserDelegate {
    var suites: [String] = []
    var cases: [String: [String]] = [:]
    var failures: [(check: String, message: String, text: String)] = []
    var errors = 0
    var skipped = 0
    /// `system-err` text by suite.
    var systemErr: [String: String] = [:]
    private var currentSuite = ""
    private var inSystemErr = false
    private var currentCase = ""
    private var inFailure = false
    private var failureText = ""
    private var failureMessage = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "testsuite":
            currentSuite = attributes["name"] ?? ""
            suites.append(currentSuite)
        case "system-err": inSystemErr = true
        case "testcase":
            currentCase = attributes["name"] ?? ""
            cases[attributes["classname"] ?? "", default: []].append(currentCase)
        case "failure":
            inFailure = true
            failureText = ""
            failureMessage = attributes["message"] ?? ""
        case "error": errors += 1
        case "skipped": skipped += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inFailure { failureText += string }
        if inSystemErr { systemErr[currentSuite, default: ""] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "system-err" { inSystemErr = false }
        if name == "failure" {
            inFailure = false
            failures.append((currentCase, failureMessage, failureText))
        }
    }
}
