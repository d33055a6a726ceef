import Foundation
import Yams

/// Reads one check's YAML file into `CheckMetadata`, with errors a person can act on.
enum MetadataReader {
    static let allowedKeys: Set<String> = [
        "id", "title", "rationale", "fix", "messages", "impact", "category", "standards", "act",
        "examples", "engine", "extends", "options",
    ]

    struct Raw: Decodable {
        let id: String
        let title: Localized
        let rationale: Localized
        let fix: Localized
        let messages: [String: Localized]
        let impact: Impact
        let category: Category
        let standards: [Clause]
        let act: [String]?
        let examples: RawExamples
        let engine: String?
        let extends: String?
    }

    struct RawExamples: Decodable {
        let pass: [RawExample]?
        let fail: [RawExample]?
        let review: [RawExample]?
    }

    /// An example is a string, or `{code: …, document: true}`.
    struct RawExample: Decodable {
        let example: Example

        enum CodingKeys: String, CodingKey { case code, document }

        init(from decoder: Decoder) throws {
            if let code = try? decoder.singleValueContainer().decode(String.self) {
                example = Example(code: code)
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            example = Example(code: try container.decode(String.self, forKey: .code),
                              document: try container.decodeIfPresent(Bool.self, forKey: .document) ?? false)
        }
    }

    static func read(url: URL, name: String) throws -> (CheckMetadata, Node?) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CatalogueError(file: name, problem: "cannot read the file as UTF-8")
        }
        let node: Node
        do {
            guard let composed = try YAMLReading.compose(text) else {
                throw CatalogueError(file: name, problem: "the file is empty")
            }
            node = composed
        } catch let error as CatalogueError {
            throw error
        } catch {
            throw CatalogueError(file: name, problem: "invalid YAML: \(error)")
        }
        guard let mapping = node.mapping else {
            throw CatalogueError(file: name, problem: "a check file must be a mapping of keys (id, title, …)")
        }
        for key in mapping.keys {
            let keyName = key.string ?? "\(key)"
            if !allowedKeys.contains(keyName) {
                throw CatalogueError(file: name, problem: "unknown key '\(keyName)' at line \(key.mark?.line ?? 0)")
            }
        }
        let raw: Raw
        do {
            raw = try YAMLReading.decode(Raw.self, from: node)
        } catch {
            throw CatalogueError(file: name, problem: explain(error))
        }
        let implementation: CheckMetadata.Implementation
        switch (raw.engine, raw.extends) {
        case ("swift", nil): implementation = .swift
        case (nil, let primitive?): implementation = .primitive(primitive)
        case (let engine?, nil):
            throw CatalogueError(file: name, problem: "unknown engine '\(engine)' (the only engine is 'swift')")
        case (nil, nil):
            throw CatalogueError(file: name, problem: "say how the check runs: 'engine: swift' or 'extends: <primitive>'")
        case (_?, _?):
            throw CatalogueError(file: name, problem: "'engine' and 'extends' exclude each other")
        }
        let expectedName = url.deletingPathExtension().lastPathComponent
        if raw.id != expectedName {
            throw CatalogueError(file: name, problem: "the id '\(raw.id)' must match the file name '\(expectedName)'")
        }
        let examples = Examples(pass: raw.examples.pass?.map(\.example) ?? [],
                                fail: raw.examples.fail?.map(\.example) ?? [],
                                review: raw.examples.review?.map(\.example) ?? [])
        let metadata = CheckMetadata(
            id: raw.id, title: raw.title, rationale: raw.rationale, fix: raw.fix, messages: raw.messages,
            impact: raw.impact, category: raw.category, standards: raw.standards, act: raw.act ?? [],
            examples: examples, implementation: implementation, file: name)
        return (metadata, mapping["options"])
    }

    /// Turns a DecodingError into "missing key 'title.en'"-style words.
    static func explain(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
                .replacingOccurrences(of: ".[", with: "[")
        }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "missing key '\(path(context.codingPath + [key]))'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "'\(path(context.codingPath))': \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "'\(path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
