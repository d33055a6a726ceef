import Foundation
import Yams

/// A problem in `.shilao.yml`: the file, the line when YAML tells it, and what is wrong.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int?
    public let problem: String

    public init(file: String, line: Int?, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(problem)" }
}

/// `.shilao.yml`: the settings of `shilao audit`, under the flags' own names (`fail-under:`
/// for `--fail-under`). Flags given on the command line win. Paths are relative to the file.
public struct Configuration: Sendable, Equatable {
    public static let fileName = ".shilao.yml"

    public var profile: String?
    public var format: String?
    public var output: String?
    public var reports: [String] = []
    public var lang: Language?
    public var jobs: Int?
    public var failUnder: Double?
    public var failOn: Impact?
    public var baseline: String?
    public var writeBaseline: String?
    public var checks: [String] = []
    /// The file it came from and the line of each key, to point at a value found wrong later
    /// (an unknown format or profile).
    public var file: String = ""
    public var lines: [String: Int] = [:]

    public init() {}

    /// The first `.shilao.yml` in `directory` or a folder above it.
    public static func find(from directory: URL) -> URL? {
        var folder = directory.standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// An error at the line of `key` in this file.
    public func error(at key: String, _ problem: String) -> ConfigurationError {
        ConfigurationError(file: file, line: lines[key], problem: problem)
    }

    public static func load(_ url: URL) throws -> Configuration {
        let file = url.path
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ConfigurationError(file: file, line: nil, problem: "cannot read the file as UTF-8")
        }
        let node: Node?
        do {
            node = try YAMLReading.compose(text)
        } catch let error as YamlError {
            let (line, problem) = explain(error)
            throw ConfigurationError(file: file, line: line, problem: "invalid YAML: \(problem)")
        } catch {
            throw ConfigurationError(file: file, line: nil, problem: "invalid YAML: \(error)")
        }
        var configuration = Configuration()
        configuration.file = file
        guard let node else { return configuration }
        guard let mapping = node.mapping else {
            throw ConfigurationError(file: file, line: node.mark?.line, problem: "the file must be a mapping of settings (profile: miit, …)")
        }
        let base = url.deletingLastPathComponent()
        func path(_ value: String) -> String {
            value.hasPrefix("/") ? value : base.appendingPathComponent(value).standardizedFileURL.path
        }
        for (key, value) in mapping {
            let name = key.string ?? "\(key)"
            let line = key.mark?.line
            configuration.lines[name] = line
            func fail(_ problem: String) -> ConfigurationError {
                ConfigurationError(file: file, line: value.mark?.line ?? line, problem: "'\(name)': \(problem)")
            }
            func string() throws -> String {
                guard let text = value.scalar?.string, !text.isEmpty else { throw fail("expected a text value") }
                return text
            }
            func strings() throws -> [String] {
                if let text = value.scalar?.string { return [text] }
                guard let items = value.sequence?.map({ $0.scalar?.string }), !items.contains(nil) else {
                    throw fail("expected a text or a list of texts")
                }
                return items.compactMap { $0 }
            }
            switch name {
            case "profile": configuration.profile = try string()
            case "format": configuration.format = try string()
            case "output": configuration.output = path(try string())
            case "report":
                configuration.reports = try strings().map { target in
                    guard let colon = target.firstIndex(of: ":") else { throw fail("'\(target)' is not FORMAT:PATH") }
                    return String(target[..<colon]) + ":" + path(String(target[target.index(after: colon)...]))
                }
            case "lang":
                guard let lang = Language(rawValue: try string()) else { throw fail("expected zh-CN or en") }
                configuration.lang = lang
            case "jobs":
                guard let jobs = value.int, jobs >= 1 else { throw fail("expected a whole number of at least 1") }
                configuration.jobs = jobs
            case "fail-under":
                guard let score = value.float, (0...100).contains(score) else { throw fail("expected a score from 0 to 100") }
                configuration.failUnder = score
            case "fail-on":
                guard let impact = Impact(rawValue: try string()) else {
                    throw fail("expected one of \(Impact.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                configuration.failOn = impact
            case "baseline": configuration.baseline = path(try string())
            case "write-baseline": configuration.writeBaseline = path(try string())
            case "checks": configuration.checks = try strings().map(path)
            default:
                throw ConfigurationError(file: file, line: line, problem: "unknown setting '\(name)' (known: profile, format, output, "
                                         + "report, lang, jobs, fail-under, fail-on, baseline, write-baseline, checks)")
            }
        }
        return configuration
    }

    /// The line and the bare problem: Yams's own description repeats the whole document.
    private static func explain(_ error: YamlError) -> (Int?, String) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return (mark.line, problem)
        default:
            return (nil, "\(error)")
        }
    }
}
