import Foundation
import Testing
import ShilaoCore

/// The catalogue's own lint: what ESLint's no-invalid-meta and semgrep's validate do.
@Suite struct CatalogueTests {
    @Test func builtInCatalogueLoads() throws {
        let catalogue = try Fixture.loaded.get()
        #expect(catalogue.entries.count >= 10)
    }

    @Test(arguments: Fixture.entries.map(\.metadata.id))
    func metadataIsComplete(_ id: String) throws {
        let metadata = try #require(Fixture.entries.first { $0.metadata.id == id }?.metadata)
        #expect(id.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression) != nil, "id is not kebab-case")
        var texts: [(String, Localized)] = [("title", metadata.title), ("rationale", metadata.rationale), ("fix", metadata.fix)]
        texts += metadata.messages.map { ("messages.\($0.key)", $0.value) }
        for (field, text) in texts {
            #expect(!text.zhCN.trimmingCharacters(in: .whitespaces).isEmpty, "\(field) has no zh-CN text")
            #expect(!text.en.trimmingCharacters(in: .whitespaces).isEmpty, "\(field) has no en text")
            #expect(Set(Localized.placeholders(in: text.zhCN)) == Set(Localized.placeholders(in: text.en)),
                    "\(field): zh-CN and en use different placeholders")
        }
        #expect(!metadata.messages.isEmpty, "no messages")
        #expect(!metadata.standards.isEmpty, "cites no clause")
        #expect(!metadata.examples.pass.isEmpty, "no pass example")
        // A check that can only ask for review (it needs layout to decide) shows a review example instead.
        let onlyReviews = !metadata.messages.isEmpty && metadata.messages.keys.allSatisfy { $0.hasPrefix("review") }
        #expect(!metadata.examples.fail.isEmpty || (onlyReviews && !metadata.examples.review.isEmpty), "no fail example")
        for clause in metadata.standards where clause.std == .wcag21 || clause.std == .wcag22 {
            #expect(clause.clause.range(of: #"^\d\.\d\.\d{1,2}$"#, options: .regularExpression) != nil,
                    "WCAG clause '\(clause.clause)' is not a success criterion number")
        }
        for act in metadata.act {
            #expect(act.range(of: #"^[a-z0-9]{6}$"#, options: .regularExpression) != nil, "ACT id '\(act)' is malformed")
        }
    }

    /// In an unquoted YAML value, " #" starts a comment: a fix text with a colour code would be cut
    /// there without any error. Texts that hold one must be quoted.
    @Test func noTextIsCutByAYAMLComment() throws {
        let checks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("checks")
        let files = FileManager.default.enumerator(at: checks, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "yml" } ?? []
        #expect(files.count >= 10)
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() {
                let text = line.drop { $0 == " " }
                guard let colon = text.firstIndex(of: ":"), ["zh-CN", "en"].contains(String(text[..<colon])) else { continue }
                let value = text[text.index(after: colon)...].drop { $0 == " " }
                guard let first = value.first, !"\"'|>".contains(first) else { continue }
                #expect(!value.contains(" #"), "\(file.lastPathComponent):\(number + 1): quote this text, or YAML cuts it at ' #'")
            }
        }
    }
}
