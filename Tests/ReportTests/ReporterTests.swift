import Foundation
import Testing
import ShilaoCore
@testable import ShilaoReport

@Suite struct ReporterTests {
    static let finding = Finding(
        check: "img-alt", outcome: .failed, impact: .critical, category: .accessibility,
        location: Location(line: 41, path: "/html/body/main/img[2]", snippet: #"<img src="a.png">"#),
        message: Localized(zhCN: "图片缺少替代文本", en: "Image has no text alternative"),
        fix: Localized(zhCN: "加上 alt", en: "Add alt"),
        clauses: [Clause(std: .wcag21, clause: "1.1.1")])

    static let record = PageRecord(
        url: "samples/index.html", status: .ok, error: nil,
        audit: PageAudit(outcomes: ["img-alt": .failed, "document-title": .passed], findings: [finding]))

    @Test func jsonLineFollowsTheContract() {
        let line = RecordJSON.record(Self.record, language: .zhCN).serialized()
        #expect(line == #"{"url":"samples/index.html","status":"ok","scores":{},"passed":{},"findings":[{"check":"img-alt","outcome":"failed","impact":"critical","line":41,"path":"/html/body/main/img[2]","snippet":"<img src=\"a.png\">","message":"图片缺少替代文本","fix":"加上 alt","clauses":[{"std":"wcag21","clause":"1.1.1"}]}],"counts":{"passed":1,"failed":1,"needsReview":0,"inapplicable":0}}"#)
        let english = RecordJSON.record(Self.record, language: .en).serialized()
        #expect(english.contains(#""message":"Image has no text alternative""#))
    }

    @Test func errorRecordsCarryTheReason() throws {
        let line = RecordJSON.record(.failure(url: "gone.html", reason: "no such file or folder"), language: .en).serialized()
        let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "error")
        #expect(object["error"] as? String == "no such file or folder")
        #expect((object["findings"] as? [Any])?.isEmpty == true)
    }

    @Test func escapingRoundTrips() throws {
        let text = "引号\" 反斜杠\\ 换行\n 制表\t 控制\u{01} \u{2028}"
        let json = JSON.array([.string(text), .double(72.5), .double(3), .null, .bool(true)]).serialized()
        let parsed = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any])
        #expect(parsed[0] as? String == text)
        #expect(json.hasSuffix(",72.5,3,null,true]"))
    }

    @Test func textReportSaysWhereWhatAndHow() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let reporter = TextReporter(sink: try OutputSink.file(path), language: .zhCN, colour: false)
            var totals = RunTotals()
            for record in [Self.record, .failure(url: "gone.html", reason: "no such file or folder")] {
                totals.add(record)
                try reporter.page(record)
            }
            try reporter.finish(totals)
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == """
            samples/index.html
              第 41 行  紧急  img-alt  图片缺少替代文本
                  <img src="a.png">
                  /html/body/main/img[2]
                  怎么改：加上 alt
                  依据：WCAG 2.1 成功准则 1.1.1
              1 处不通过，0 处需人工复核

            gone.html
              无法审查：no such file or folder

            汇总：审查 2 个页面（1 个无法审查），1 处不通过，0 处需人工复核
            主要问题：
              img-alt  紧急  1 个页面，1 处

            """)
        #expect(!text.contains("\u{1B}["))
    }
}
