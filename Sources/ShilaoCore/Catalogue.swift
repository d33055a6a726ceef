import Foundation
import Yams

/// A check with its metadata, ready to run. A class: the engine walks every entry on every
/// page, and copying the metadata and the check's existential retained a dozen references each.
public final class CatalogueEntry: Sendable {
    public let metadata: CheckMetadata
    public let check: any Check

    public init(metadata: CheckMetadata, check: any Check) {
        self.metadata = metadata
        self.check = check
    }
}

/// The Swift side of the catalogue: checks by id, and the primitives YAML checks extend.
public struct Implementations: Sendable {
    public let checks: [String: @Sendable () -> any Check]
    public let primitives: [String: @Sendable (PrimitiveOptions) throws -> any Check]

    public init(checks: [String: @Sendable () -> any Check],
                primitives: [String: @Sendable (PrimitiveOptions) throws -> any Check]) {
        self.checks = checks
        self.primitives = primitives
    }
}

/// The `options` of a declarative check, decoded by the primitive into its own type.
public struct PrimitiveOptions {
    let node: Node?

    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try YAMLReading.decode(type, from: node ?? Node.mapping([:]))
    }
}

/// A broken catalogue: names the file and the problem. Shilao refuses to start with one.
public struct CatalogueError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let problem: String

    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(file): \(problem)" }
}

/// Every check Shilao knows, sorted by id.
public struct Catalogue: Sendable {
    public let entries: [CatalogueEntry]

    public init(entries: [CatalogueEntry]) {
        self.entries = entries.sorted { $0.metadata.id < $1.metadata.id }
    }

    public subscript(id: String) -> CatalogueEntry? {
        entries.first { $0.metadata.id == id }
    }

    /// Reads every `*.yml` below `directories` and pairs each check with its implementation.
    /// Fails on the first problem: unreadable or invalid YAML, a duplicate id, an unknown
    /// primitive, options the primitive rejects, a YAML check with no Swift type, or a Swift
    /// check with no YAML.
    public static func load(directories: [URL], implementations: Implementations) throws -> Catalogue {
        var entries: [CatalogueEntry] = []
        var seen: [String: String] = [:]
        for directory in directories {
            for (url, name) in try yamlFiles(in: directory) {
                let (metadata, options) = try MetadataReader.read(url: url, name: name)
                if let other = seen[metadata.id] {
                    throw CatalogueError(file: name, problem: "check id '\(metadata.id)' is already defined in \(other)")
                }
                seen[metadata.id] = name
                entries.append(CatalogueEntry(metadata: metadata, check: try instantiate(metadata, options, implementations)))
            }
        }
        for id in implementations.checks.keys.sorted() where seen[id] == nil {
            throw CatalogueError(file: "checks/", problem: "the Swift check '\(id)' has no YAML file (add checks/<group>/\(id).yml)")
        }
        return Catalogue(entries: entries)
    }

    private static func instantiate(_ metadata: CheckMetadata, _ options: Node?,
                                    _ implementations: Implementations) throws -> any Check {
        switch metadata.implementation {
        case .swift:
            guard let make = implementations.checks[metadata.id] else {
                throw CatalogueError(file: metadata.file,
                                     problem: "'engine: swift' but no Swift check is registered for '\(metadata.id)'")
            }
            if options != nil {
                throw CatalogueError(file: metadata.file, problem: "'options' belong to declarative checks ('extends:') only")
            }
            return make()
        case .primitive(let name):
            guard let make = implementations.primitives[name] else {
                let known = implementations.primitives.keys.sorted().joined(separator: ", ")
                throw CatalogueError(file: metadata.file, problem: "unknown primitive '\(name)' (known: \(known))")
            }
            do {
                return try make(PrimitiveOptions(node: options))
            } catch let error as CatalogueError {
                throw CatalogueError(file: metadata.file, problem: error.problem)
            } catch {
                throw CatalogueError(file: metadata.file, problem: "options for '\(name)': \(MetadataReader.explain(error))")
            }
        }
    }

    private static func yamlFiles(in directory: URL) throws -> [(URL, String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CatalogueError(file: directory.path, problem: "no such folder of checks")
        }
        let base = directory.standardizedFileURL.path
        let prefix = directory.lastPathComponent
        var files: [(URL, String)] = []
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard ["yml", "yaml"].contains(url.pathExtension) else { continue }
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : "/" + url.lastPathComponent
            files.append((url, prefix + relative))
        }
        return files.sorted { $0.1 < $1.1 }
    }
}
