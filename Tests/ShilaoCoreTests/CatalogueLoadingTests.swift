import Foundation
import Testing
@testable import ShilaoCore

/// A check that fails on every `img`, standing in for a real one.
struct FailsImages: Check {
    func run(on page: Page, into results: inout Results) {
        for image in page.document.elements(named: "img") { results.fail(image, "fail", ["src": image.attribute("src") ?? ""]) }
    }
}

@Suite struct CatalogueLoadingTests {
    static let valid = """
        id: sample-check
        engine: swift
        impact: serious
        category: accessibility
        standards: [{std: wcag21, clause: "1.1.1"}]
        title: {zh-CN: 标题, en: Title}
        rationale: {zh-CN: 原因, en: Why}
        fix: {zh-CN: 修改, en: Fix}
        messages:
          fail: {zh-CN: "图片 {src}", en: "Image {src}"}
        examples:
          pass: ['<p>x</p>']
          fail: ['↓<img src="a.png">']
        """

    let implementations = Implementations(
        checks: ["sample-check": { FailsImages() }],
        primitives: ["fails-images": { _ in FailsImages() }])

    /// Writes `files` (name → text) into a new folder and loads it.
    func load(_ files: [String: String], implementations: Implementations? = nil) throws -> Catalogue {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-\(UUID().uuidString)/mine")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        for (name, text) in files {
            let file = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return try Catalogue.load(directories: [folder], implementations: implementations ?? self.implementations)
    }

    func problem(_ files: [String: String], implementations: Implementations? = nil) -> CatalogueError? {
        do {
            _ = try load(files, implementations: implementations)
            return nil
        } catch {
            return error as? CatalogueError
        }
    }

    @Test func loadsAValidCheck() throws {
        let catalogue = try load(["sample-check.yml": Self.valid])
        let metadata = try #require(catalogue["sample-check"]?.metadata)
        #expect(metadata.title.en == "Title")
        #expect(metadata.standards == [Clause(std: .wcag21, clause: "1.1.1")])
        #expect(metadata.examples.fail.first?.markedLines == [8])
        #expect(metadata.file == "mine/sample-check.yml")
    }

    @Test func badYAMLNamesTheFile() {
        let error = problem(["sample-check.yml": "id: [unclosed"])
        #expect(error?.file == "mine/sample-check.yml")
        #expect(error?.problem.contains("invalid YAML") == true)
    }

    @Test func unknownPrimitive() {
        let text = Self.valid.replacingOccurrences(of: "engine: swift", with: "extends: no-such-thing")
        let error = problem(["sample-check.yml": text])
        #expect(error?.problem.contains("unknown primitive 'no-such-thing'") == true)
    }

    @Test func yamlCheckWithoutImplementation() {
        let text = Self.valid.replacingOccurrences(of: "sample-check", with: "orphan-check")
        let error = problem(["orphan-check.yml": text])
        #expect(error?.file == "mine/orphan-check.yml")
        #expect(error?.problem.contains("no Swift check is registered for 'orphan-check'") == true)
    }

    @Test func swiftCheckWithoutYAML() {
        let extra = Implementations(checks: ["sample-check": { FailsImages() }, "lonely-check": { FailsImages() }], primitives: [:])
        let error = problem(["sample-check.yml": Self.valid], implementations: extra)
        #expect(error?.problem.contains("the Swift check 'lonely-check' has no YAML file") == true)
    }

    @Test func missingKeyUnknownKeyAndWrongValues() {
        let noTitle = Self.valid.replacingOccurrences(of: "title: {zh-CN: 标题, en: Title}\n", with: "")
        #expect(problem(["sample-check.yml": noTitle])?.problem == "missing key 'title'")
        let noEnglish = Self.valid.replacingOccurrences(of: "title: {zh-CN: 标题, en: Title}", with: "title: {zh-CN: 标题}")
        #expect(problem(["sample-check.yml": noEnglish])?.problem == "missing key 'title.en'")
        let typo = Self.valid + "\nexampels: []\n"
        #expect(problem(["sample-check.yml": typo])?.problem.contains("unknown key 'exampels'") == true)
        let impact = Self.valid.replacingOccurrences(of: "impact: serious", with: "impact: extreme")
        #expect(problem(["sample-check.yml": impact])?.problem.hasPrefix("'impact'") == true)
        let standard = Self.valid.replacingOccurrences(of: "std: wcag21", with: "std: wcag99")
        #expect(problem(["sample-check.yml": standard]) != nil)
    }

    @Test func idMustMatchFileAndBeUnique() {
        #expect(problem(["other-name.yml": Self.valid])?.problem.contains("must match the file name") == true)
        let declarative = Self.valid.replacingOccurrences(of: "engine: swift", with: "extends: fails-images")
            .replacingOccurrences(of: "sample-check", with: "twin-check")
        let error = problem(["twin-check.yml": declarative, "sub/twin-check.yml": declarative])
        #expect(error?.problem.contains("already defined in mine/") == true)
    }

    @Test func engineAndExtendsExcludeEachOther() {
        let both = Self.valid.replacingOccurrences(of: "engine: swift", with: "engine: swift\nextends: fails-images")
        #expect(problem(["sample-check.yml": both])?.problem.contains("exclude each other") == true)
        let neither = Self.valid.replacingOccurrences(of: "engine: swift\n", with: "")
        #expect(problem(["sample-check.yml": neither])?.problem.contains("say how the check runs") == true)
    }
}
