import Foundation
import Testing
@testable import ShilaoCore

@Suite struct ConfigurationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theDocumentedExampleLoads() throws {
        let example = Self.root.appendingPathComponent("docs/ci/shilao.yml")
        let configuration = try Configuration.load(example)
        let folder = example.deletingLastPathComponent().standardizedFileURL.path
        #expect(configuration.profile == "miit")
        #expect(configuration.lang == .zhCN)
        #expect(configuration.failUnder == 60)
        #expect(configuration.failOn == .critical)
        #expect(configuration.reports == ["sarif:\(folder)/shilao.sarif", "html:\(folder)/shilao-report.html"])
        #expect(configuration.baseline == folder + "/shilao-baseline.json")
        #expect(configuration.checks == [folder + "/shilao-checks"])
        #expect(configuration.lines["fail-on"] == 11)
    }

    @Test func foundInTheNearestFolderAbove() throws {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-\(UUID().uuidString)")
        let inner = top.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: top) }
        #expect(Configuration.find(from: inner)?.path.hasPrefix(top.path) != true)
        try "profile: all\n".write(to: top.appendingPathComponent(".shilao.yml"), atomically: true, encoding: .utf8)
        #expect(Configuration.find(from: inner)?.standardizedFileURL.path == top.appendingPathComponent(".shilao.yml").standardizedFileURL.path)
    }

    @Test(arguments: [
        ("jobs: 0\n", 1, "'jobs': expected a whole number of at least 1"),
        ("profile: miit\nfail-under: 120\n", 2, "'fail-under': expected a score from 0 to 100"),
        ("lang: fr\n", 1, "'lang': expected zh-CN or en"),
        ("report: sarif\n", 1, "'report': 'sarif' is not FORMAT:PATH"),
        ("- miit\n", 1, "the file must be a mapping"),
    ])
    func problemsNameTheLine(_ text: String, _ line: Int, _ problem: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-\(UUID().uuidString).yml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let error = try #require(throws: ConfigurationError.self) { try Configuration.load(file) }
        #expect(error.line == line)
        #expect(error.problem.contains(problem), "\(error.problem)")
        #expect(error.description.hasPrefix("\(file.path):\(line): "))
    }
}
