import Foundation
import Testing

/// The sample site end to end: every failed finding of every check, by page and line, must be
/// exactly what samples/expected.json lists — no missing and no extra failures.
@Suite struct SamplesTests {
    typealias Failures = [String: [String: [Int]]]

    @Test func auditOfSamplesMatchesExpectedExactly() throws {
        let expectedURL = CLI.packageRoot.appendingPathComponent("samples/expected.json")
        let file = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: expectedURL)) as? [String: Any])
        let expected = try #require(file["pages"] as? Failures)

        let result = try CLI.run(["audit", "--profile", "all", "--format", "jsonl", "samples"])
        #expect(result.status == 0, "\(result.stderr)")
        var actual: Failures = [:]
        for record in try CLI.jsonLines(result.stdout) {
            let url = try #require(record["url"] as? String)
            let page = String(url.dropFirst("samples/".count))
            var checks: [String: [Int]] = [:]
            for finding in (record["findings"] as? [[String: Any]]) ?? [] where finding["outcome"] as? String == "failed" {
                checks[finding["check"] as? String ?? "?", default: []].append(finding["line"] as? Int ?? 0)
            }
            actual[page] = checks.mapValues { $0.sorted() }
        }
        #expect(Set(actual.keys) == Set(expected.keys), "pages audited differ from samples/expected.json")
        for page in Set(actual.keys).union(expected.keys).sorted() {
            let want = expected[page] ?? [:]
            let got = actual[page] ?? [:]
            for check in Set(want.keys).union(got.keys).sorted() where want[check] != got[check] {
                Issue.record("\(page) \(check): expected lines \(want[check] ?? []), got \(got[check] ?? [])")
            }
        }
    }
}

/// SARIF rules link to docs/checks/<id>.md; the pages must exist for every check and say what
/// `shilao explain` says now.
@Suite struct CheckDocsTests {
    @Test func everyCheckHasItsCurrentPage() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-docs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let binary = FileManager.default.fileExists(atPath: CLI.binary.path)
            ? CLI.binary.path : CLI.packageRoot.appendingPathComponent(".build/debug/shilao").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [CLI.packageRoot.appendingPathComponent("scripts/check-docs.sh").path]
        process.environment = ProcessInfo.processInfo.environment.merging(["SHILAO": binary, "OUT": out.path]) { $1 }
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let committed = CLI.packageRoot.appendingPathComponent("docs/checks")
        let fresh = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(fresh.count >= 50)
        #expect(try FileManager.default.contentsOfDirectory(atPath: committed.path).sorted() == fresh,
                "run scripts/check-docs.sh: docs/checks lists other checks than the catalogue")
        for name in fresh {
            let want = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            let have = (try? String(contentsOf: committed.appendingPathComponent(name), encoding: .utf8)) ?? ""
            #expect(have == want, "docs/checks/\(name) is out of date: run scripts/check-docs.sh")
        }
    }
}
