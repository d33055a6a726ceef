import Foundation
import Testing
import ShilaoCore
@testable import ShilaoReport

@Suite struct GateTests {
    static let withoutVeto = [Demo.pageA, PageRecord(url: "samples/b.html", status: .ok, error: nil, audit: PageAudit(
        outcomes: Demo.pageB.audit.outcomes.merging(["elder-ads": .passed]) { $1 },
        findings: Demo.pageB.audit.findings.filter { $0.check != "elder-ads" }))]

    @Test func aFailedVetoItemAlwaysFails() throws {
        let run = try Demo.render(.json).run
        #expect(run.site?.score == 65)
        #expect(!run.gate.passed)
        #expect(run.gate.reasons.map(\.en) == ["veto item elder-ads failed on 1 pages"])
        // Even a baseline that holds the veto failure does not let it pass.
        let everything = Baseline(entries: Demo.records.flatMap { record in
            record.audit.findings.filter { $0.outcome == .failed }.map { BaselineEntry($0, url: record.url) }
        })
        #expect(!(try Demo.render(.json, baseline: everything).run.gate.passed))
    }

    @Test func withoutVetoNoRuleMeansAPass() throws {
        let run = try Demo.render(.json, records: Self.withoutVeto).run
        #expect(run.site?.passed == true)
        #expect(run.gate.passed)
    }

    @Test func failUnderComparesTheSiteScore() throws {
        #expect(try Demo.render(.json, records: Self.withoutVeto, rules: GateRules(failUnder: 65)).run.gate.passed)
        let failing = try Demo.render(.json, records: Self.withoutVeto, rules: GateRules(failUnder: 65.1)).run.gate
        #expect(failing.reasons.map(\.en) == ["site score 65 is below --fail-under 65.1"])
    }

    @Test func failOnCountsFindingsOfThatImpactOrWorse() throws {
        let critical = try Demo.render(.json, records: Self.withoutVeto, rules: GateRules(failOn: .critical)).run.gate
        #expect(critical.reasons.map(\.en) == ["3 failed findings of impact critical or worse (--fail-on critical)"])
        let minor = try Demo.render(.json, records: Self.withoutVeto, rules: GateRules(failOn: .minor)).run.gate
        #expect(!minor.passed)
        // Needs-review findings never fail the gate.
        let reviewOnly = [PageRecord(url: "r.html", status: .ok, error: nil, audit: PageAudit(
            outcomes: ["link-purpose": .needsReview], findings: Demo.pageA.audit.findings.filter { $0.outcome == .needsReview }))]
        #expect(try Demo.render(.json, records: reviewOnly, rules: GateRules(failOn: .minor)).run.gate.passed)
    }
}

@Suite struct BaselineTests {
    @Test func roundTripTellsNewFixedAndUnchanged() throws {
        let file = Demo.temporaryFile("baseline.json")
        defer { Demo.removeTemporary(file) }
        let first = try Demo.render(.json, records: GateTests.withoutVeto).run
        let entries = GateTests.withoutVeto.flatMap { record in
            record.audit.findings.filter { $0.outcome == .failed }.map { BaselineEntry($0, url: record.url) }
        }
        try Baseline(entries: entries).write(to: file.path, profile: first.profile.id)
        let baseline = try Baseline.load(file.path)
        #expect(baseline == Baseline(entries: entries))

        // Next run: one img-alt fixed, the button re-indented (same fingerprint), a new failure on b.html.
        let fixedOne = PageRecord(url: "samples/a.html", status: .ok, error: nil, audit: PageAudit(
            outcomes: Demo.pageA.audit.outcomes, findings: Array(Demo.pageA.audit.findings.dropFirst())))
        let reindented = Demo.finding("button-name", .failed, .critical, line: 14, path: "/html/body/button",
                                      snippet: "<button   onclick=\"a(\"x\", 1)\"> </button>", message: "按钮没有名称")
        let added = Demo.finding("img-alt", .failed, .critical, line: 3, path: "/html/body/img", snippet: "<img src=\"new.png\">",
                                 message: "图片缺少替代文本")
        let changedB = PageRecord(url: "samples/b.html", status: .ok, error: nil, audit: PageAudit(
            outcomes: GateTests.withoutVeto[1].audit.outcomes.merging(["img-alt": .failed]) { $1 }, findings: [added, reindented]))
        let rules = GateRules(failOn: .critical)
        let second = try Demo.render(.text, records: [fixedOne, changedB], rules: rules, baseline: baseline)
        let diff = try #require(second.run.baseline)
        #expect(diff.new == 1)
        #expect(diff.unchanged == 2)
        #expect(diff.fixed.map(\.line) == [41])
        #expect(second.run.gate.reasons.map(\.en) == ["1 failed findings of impact critical or worse (--fail-on critical)"])
        #expect(second.text.contains("与基线相比：新增 1 处，已修复 1 处，仍存在 2 处"))

        // Without the new failure only old findings remain: the gate passes on the baseline.
        let old = PageRecord(url: "samples/b.html", status: .ok, error: nil, audit: PageAudit(
            outcomes: GateTests.withoutVeto[1].audit.outcomes, findings: [reindented]))
        #expect(try Demo.render(.json, records: [fixedOne, old], rules: rules, baseline: baseline).run.gate.passed)
    }

    @Test func fingerprintsIgnoreLinesAndWhitespaceButNotElements() {
        let a = Demo.finding("img-alt", .failed, .critical, line: 1, path: "/html/body/img", snippet: "<img\n  src=\"a.png\">", message: "m")
        let b = Demo.finding("img-alt", .failed, .critical, line: 9, path: "/html/body/img", snippet: "<img src=\"a.png\">", message: "other")
        let c = Demo.finding("img-alt", .failed, .critical, line: 1, path: "/html/body/img[2]", snippet: "<img src=\"a.png\">", message: "m")
        #expect(Fingerprint.of(a, url: "p.html") == Fingerprint.of(b, url: "p.html"))
        #expect(Fingerprint.of(a, url: "p.html") != Fingerprint.of(c, url: "p.html"))
        #expect(Fingerprint.of(a, url: "p.html") != Fingerprint.of(a, url: "q.html"))
        #expect(Fingerprint.of(a, url: "p.html").hasPrefix("img-alt|p.html|/html/body/img|"))
    }

    @Test func aBrokenBaselineSaysWhy() throws {
        let file = Demo.temporaryFile("broken.json")
        defer { Demo.removeTemporary(file) }
        try "[1, 2]".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: Baseline.Failure.self) { try Baseline.load(file.path) }
        #expect(throws: Baseline.Failure.self) { try Baseline.load("/no/such/baseline.json") }
    }
}
