import Testing
import ShilaoCore

/// One case per example of every check, Swift and YAML alike: no generated code, no registration.
struct ExampleCase: Sendable, CustomTestStringConvertible {
    enum Kind: String, Sendable { case pass, fail, review }

    let entry: CatalogueEntry
    let kind: Kind
    let index: Int
    let example: Example

    var testDescription: String { "\(entry.metadata.id) \(kind.rawValue) #\(index + 1)" }

    static let all: [ExampleCase] = Fixture.entries.flatMap { entry in
        let examples = entry.metadata.examples
        return examples.pass.enumerated().map { ExampleCase(entry: entry, kind: .pass, index: $0, example: $1) }
            + examples.fail.enumerated().map { ExampleCase(entry: entry, kind: .fail, index: $0, example: $1) }
            + examples.review.enumerated().map { ExampleCase(entry: entry, kind: .review, index: $0, example: $1) }
    }
}

@Suite struct ExampleTests {
    @Test(arguments: ExampleCase.all)
    func example(_ item: ExampleCase) throws {
        let records = try Fixture.records(item.entry, html: item.example.html)
        let failedLines = records.filter { $0.outcome == .failed }.compactMap { $0.location?.line }.sorted()
        switch item.kind {
        case .pass:
            #expect(failedLines.isEmpty, "a pass example failed at lines \(failedLines)")
        case .fail:
            let marked = item.example.markedLines.sorted()
            #expect(!marked.isEmpty, "a fail example must mark each failing element with ↓")
            #expect(failedLines == marked, "failed at lines \(failedLines); ↓ marks lines \(marked)")
        case .review:
            #expect(failedLines.isEmpty, "a review example failed at lines \(failedLines)")
            #expect(records.contains { $0.outcome == .needsReview }, "a review example must give needsReview")
        }
        expectWordsFor(records, of: item.entry.metadata)
    }

    /// Every failed or review record names a message the YAML has, and fills every placeholder
    /// its message and the fix use, in both languages.
    func expectWordsFor(_ records: [Record], of metadata: CheckMetadata) {
        for record in records where record.outcome == .failed || record.outcome == .needsReview {
            let hasMessage = metadata.messages[record.key] != nil
                || record.key.split(separator: ".").first.map { metadata.messages[String($0)] != nil } == true
            #expect(hasMessage, "message key '\(record.key)' is not in \(metadata.file)")
            for template in [metadata.message(record.key), metadata.fix] {
                for language in Language.allCases {
                    let missing = Localized.placeholders(in: template[language]).filter { record.data[$0] == nil }
                    #expect(missing.isEmpty, "'\(record.key)' leaves {\(missing.joined(separator: ","))} unfilled")
                }
            }
        }
    }

    /// A fail example hidden in a comment or in an inert `<template>` must not fail: the check
    /// reads the document tree, not the source text.
    @Test(arguments: ExampleCase.all.filter { $0.kind == .fail && !$0.example.document })
    func failExampleOutsideTheTreeDoesNotFail(_ item: ExampleCase) throws {
        let code = item.example.code.filter { $0 != Example.marker }
        var variants = ["<template>\(code)</template>"]
        if !code.contains("--") { variants.append("<!-- \(code) -->") }
        for variant in variants {
            let records = try Fixture.records(item.entry, html: Example(code: variant).html)
            #expect(!records.contains { $0.outcome == .failed }, "failed when wrapped: \(variant.prefix(40))")
        }
    }
}
