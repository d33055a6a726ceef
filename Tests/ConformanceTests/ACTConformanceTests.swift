import Foundation
import Testing
import ShilaoChecks
import ShilaoCore
import ShilaoDOM

/// Runs the W3C ACT Rules test cases kept in ../shared/conformance/act through the engine and
/// classifies each rule the way the ACT implementation reports do.
struct ACTSuite {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/conformance/act")

    /// Approved rules: the ones the W3C list publishes as approved (issue 3 names them; the
    /// CSS-dependent ones are counted with the style engine).
    static let approved: Set<String> = [
        "5f99a7", "6a7281", "97a4e1", "46ca7f", "6cfa84", "de46e4", "307n5z", "4e8ab6", "e086e5", "bf051a",
        "b5c3f8", "2779a5", "a25f45", "akn7bn", "59796f", "23a2a8", "c487ae", "m6b1q3", "bc659a", "bisz58",
        "b4f0c3", "8fc3b6", "674b10", "7d6734", "2t702h", "73f2c2", "0ssw9k", "5b7ae0",
        "afw4f7", "09o5cg", "24afc2", "78fd32", "9e45ec", "b33eff",
    ]

    struct Case: Decodable {
        let rule_id: String
        let rule_name: String
        let outcome: String
        let file: String
        let language: String
    }

    struct Manifest: Decodable {
        let cases: [Case]
    }

    enum Status: String {
        case complete, partial, inconsistent, untested
    }

    struct RuleResult {
        let rule: String
        let name: String
        let checks: [String]
        var failedCases = 0
        var caught = 0
        var reviewOnly = 0
        var falseFailures: [String] = []
        var missed: [String] = []

        var status: Status {
            if checks.isEmpty { return .untested }
            if !falseFailures.isEmpty || (failedCases > 0 && caught == 0) { return .inconsistent }
            return caught == failedCases ? .complete : .partial
        }
    }

    static func run() throws -> [RuleResult] {
        let manifestURL = folder.appendingPathComponent("manifest.json")
        guard FileManager.default.fileExists(atPath: manifestURL.path) else {
            throw SuiteMissing(path: manifestURL.path)
        }
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: manifestURL))
        let catalogue = try BuiltIn.catalogue()
        var results: [String: RuleResult] = [:]
        for testCase in manifest.cases {
            let checks = catalogue.entries.filter { $0.metadata.act.contains(testCase.rule_id) }
            var result = results[testCase.rule_id]
                ?? RuleResult(rule: testCase.rule_id, name: testCase.rule_name, checks: checks.map(\.metadata.id))
            defer { results[testCase.rule_id] = result }
            guard !checks.isEmpty else { continue }
            // Shilao audits HTML pages; a bare SVG or XML document is not one, so nothing fails.
            var findings: [Finding] = []
            if testCase.language == "html" || testCase.language == "xhtml" {
                let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(testCase.file)))
                let record = Auditor(engine: Engine(checks: checks)).audit(bytes: bytes, url: testCase.file)
                findings = record.audit.findings
            }
            let failed = findings.contains { $0.outcome == .failed }
            if testCase.outcome == "failed" {
                result.failedCases += 1
                if failed {
                    result.caught += 1
                } else {
                    result.missed.append(testCase.file)
                    if findings.contains(where: { $0.outcome == .needsReview }) { result.reviewOnly += 1 }
                }
            } else if failed {
                result.falseFailures.append(testCase.file)
            }
        }
        return results.values.sorted { $0.rule < $1.rule }
    }

    static func table(_ results: [RuleResult]) -> String {
        var lines = ["rule    approved  status        caught  review  false  checks"]
        for r in results {
            let caught = "\(r.caught)/\(r.failedCases)"
            lines.append([r.rule, approved.contains(r.rule) ? "yes     " : "        ", r.status.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0),
                          caught.padding(toLength: 6, withPad: " ", startingAt: 0), String(r.reviewOnly).padding(toLength: 6, withPad: " ", startingAt: 0),
                          String(r.falseFailures.count).padding(toLength: 5, withPad: " ", startingAt: 0), r.checks.joined(separator: ",")]
                .joined(separator: "  "))
            for file in r.falseFailures { lines.append("        false failure: \(file)") }
            if r.status == .partial { for file in r.missed { lines.append("        missed: \(file)") } }
        }
        let approvedResults = results.filter { approved.contains($0.rule) }
        func count(_ status: Status) -> Int { approvedResults.filter { $0.status == status }.count }
        lines.append("approved rules: \(approvedResults.count) in the suite — complete \(count(.complete)), partial \(count(.partial)), inconsistent \(count(.inconsistent)), untested \(count(.untested))")
        return lines.joined(separator: "\n")
    }
}

struct SuiteMissing: Error, CustomStringConvertible {
    let path: String
    var description: String { "the ACT conformance suite is missing: \(path) (it lives in ../shared/conformance beside the project)" }
}

@Suite struct ACTConformanceTests {
    @Test func everyClaimedRuleIsConsistent() throws {
        let results = try ACTSuite.run()
        print(ACTSuite.table(results))
        #expect(results.count > 50, "the suite should hold cases for most ACT rules")
        for result in results where result.status == .inconsistent {
            Issue.record("ACT \(result.rule) (\(result.name)) is inconsistent for \(result.checks): false failures \(result.falseFailures), caught \(result.caught)/\(result.failedCases)")
        }
    }
}
