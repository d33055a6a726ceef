import Testing
import ShilaoDOM
@testable import ShilaoCore

@Suite struct EngineTests {
    let metadata = CheckMetadata(
        id: "sample-check", title: Localized(zhCN: "标题", en: "Title"), rationale: Localized(zhCN: "因", en: "why"),
        fix: Localized(zhCN: "给 {src} 加 alt", en: "Add alt to {src}"),
        messages: ["fail": Localized(zhCN: "图片 {src} 没有 alt", en: "Image {src} has no alt")],
        impact: .critical, category: .accessibility, standards: [Clause(std: .wcag21, clause: "1.1.1")], act: [],
        examples: Examples(), implementation: .swift, file: "x.yml")

    @Test func findingsAreLocalizedLocatedAndOrdered() throws {
        let document = try Loader.load(Array("<html><body>\n<img src=b.png>\n<p><img src=a.png></p></body></html>".utf8))
        let audit = Engine(checks: [CatalogueEntry(metadata: metadata, check: FailsImages())])
            .audit(Page(document: document, url: "p.html"))
        #expect(audit.outcomes == ["sample-check": .failed])
        #expect(audit.findings.map { $0.location?.line } == [2, 3])
        #expect(audit.findings[0].message.zhCN == "图片 b.png 没有 alt")
        #expect(audit.findings[0].message.en == "Image b.png has no alt")
        #expect(audit.findings[0].fix.en == "Add alt to b.png")
        #expect(audit.findings[1].location?.path == "/html/body/p/img")
        #expect(audit.counts[.failed] == 1)
    }

    /// A page memo keeps what it made, a nil answer too, and makes a missing entry even when
    /// the value's type is optional.
    @Test func pageMemoKeepsNilAnswersAndMakesMissingOnes() {
        let memo = PageMemo()
        var made = 0
        for _ in 0..<3 {
            let answer: Int? = memo.value("none") { made += 1; return nil }
            #expect(answer == nil)
        }
        #expect(made == 1)
        #expect(memo.value("some") { Int?(7) } == 7)
        #expect(memo.value("some") { Int?(8) } == 7)
    }

    /// Sheets a page links that could not be used go with its audit, whichever checks ran, so a
    /// report can say its style-dependent results may be wrong.
    @Test func sheetsThatCouldNotBeLoadedAreInTheAudit() throws {
        let document = try Loader.load(Array("<link rel=stylesheet href='https://gov.example/site.css'><p>x</p>".utf8))
        let audit = Engine(checks: [CatalogueEntry(metadata: metadata, check: FailsImages())])
            .audit(Page(document: document, url: "/nowhere/p.html"))
        #expect(audit.styleProblems == ["line 1, stylesheet https://gov.example/site.css: only local files can be read here"])
        let styled = try Loader.load(Array("<style>p { color: red }</style><p>x</p>".utf8))
        #expect(Engine(checks: []).audit(Page(document: styled, url: "/nowhere/p.html")).styleProblems.isEmpty)
    }

    @Test func nothingRecordedIsInapplicable() throws {
        let document = try Loader.load(Array("<p>no images</p>".utf8))
        let audit = Engine(checks: [CatalogueEntry(metadata: metadata, check: FailsImages())])
            .audit(Page(document: document, url: "p.html"))
        #expect(audit.outcomes == ["sample-check": .inapplicable])
        #expect(audit.findings.isEmpty)
    }

    @Test func outcomeOrder() {
        var results = Results()
        #expect(results.outcome == .inapplicable)
        results.pass()
        #expect(results.outcome == .passed)
        results.review(nil)
        #expect(results.outcome == .needsReview)
    }

    @Test func templatesAndPlaceholders() {
        let text = Localized(zhCN: "字号 {size}，应不小于 {min}", en: "Size {size}; use {min} {or more}")
        #expect(Localized.placeholders(in: text.zhCN) == ["size", "min"])
        #expect(Localized.placeholders(in: text.en) == ["size", "min"])
        #expect(text.filled(["size": "12px", "min": "18px"]).zhCN == "字号 12px，应不小于 18px")
        #expect(text.filled(["size": "12px"]).en == "Size 12px; use {min} {or more}")
    }

    @Test func markedLinesCountSkeletonAndCRLF() {
        #expect(Example(code: "↓<img>").markedLines == [8])
        #expect(Example(code: "<p>\r\n↓<img>↓<img>\n↓<b>", document: true).markedLines == [2, 2, 3])
        #expect(!Example(code: "↓<img>").html.contains("↓"))
    }

    @Test func unconfirmedClausesAreSaidSo() {
        #expect(Clause(std: .miitWeb, clause: "1.2.3?").citation.en.hasSuffix("clause 1.2.3 (clause number unconfirmed)"))
        #expect(Clause(std: .wcag21, clause: "1.4.3").citation.zhCN == "WCAG 2.1 成功准则 1.4.3")
        #expect(Clause(std: .govWeb, clause: "网页设计规范").citation.zhCN == "《政府网站发展指引》·网页设计规范")
        #expect(Clause(std: .miitWeb, clause: "?").citation.en == "MIIT website elderly-friendly design specification (clause number unconfirmed)")
    }

    @Test func aFindingInsideTextCarriesTheLineOfTheText() throws {
        let document = try Loader.load(Array("<html><body>\n<script>\nvar a;\nmove();\n</script></body></html>".utf8))
        try withExtendedLifetime(document) {
            let script = try #require(document.elements(named: "script").first)
            var results = Results()
            results.fail(script, line: script.line + 2, "fail")
            results.review(script, line: script.line + 1, "review")
            #expect(results.records.map { $0.location?.line } == [4, 3])
            #expect(results.records.allSatisfy { $0.location?.path == "/html/body/script" })
        }
    }
}
