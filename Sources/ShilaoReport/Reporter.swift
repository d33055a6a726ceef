import Foundation
import ShilaoCore

/// What a run was asked to do, for reports that describe their run.
public struct RunSettings: Sendable {
    public let profile: String
    public let language: Language
    public let jobs: Int
    public let inputs: [String]

    public init(profile: String, language: Language, jobs: Int, inputs: [String]) {
        self.profile = profile
        self.language = language
        self.jobs = jobs
        self.inputs = inputs
    }
}

/// Totals over the pages of a run, gathered as records stream past.
public struct RunTotals: Sendable {
    public private(set) var pages = 0
    public private(set) var errors = 0
    public private(set) var failed = 0
    public private(set) var needsReview = 0
    /// Per check: pages where it failed, and failed findings.
    public private(set) var failingChecks: [String: (pages: Int, findings: Int, impact: Impact)] = [:]

    public init() {}

    public mutating func add(_ record: PageRecord) {
        pages += 1
        if record.status == .error { errors += 1 }
        var checksOnPage = Set<String>()
        for finding in record.audit.findings {
            switch finding.outcome {
            case .failed:
                failed += 1
                var entry = failingChecks[finding.check] ?? (0, 0, finding.impact)
                entry.findings += 1
                if checksOnPage.insert(finding.check).inserted { entry.pages += 1 }
                failingChecks[finding.check] = entry
            case .needsReview: needsReview += 1
            default: break
            }
        }
    }

    /// Failing checks, worst first: impact, then pages, then findings.
    public var topProblems: [(check: String, pages: Int, findings: Int, impact: Impact)] {
        failingChecks.map { ($0.key, $0.value.pages, $0.value.findings, $0.value.impact) }.sorted {
            ($0.impact, $0.pages, $0.findings, $1.check) > ($1.impact, $1.pages, $1.findings, $0.check)
        }
    }
}

/// Renders a run: pages arrive one by one as they are audited (streaming formats write them
/// then), then `finish` gets the whole run model and closes the report.
public protocol Reporter: AnyObject {
    func page(_ page: ScoredPage) throws
    func finish(_ run: RunReport) throws
}

extension Reporter {
    public func page(_ page: ScoredPage) throws {}
}

/// A report rendered from the whole run at once (json, sarif, junit, html, csv, md).
final class DocumentReporter: Reporter {
    let sink: OutputSink
    let render: (RunReport) -> String

    init(sink: OutputSink, render: @escaping (RunReport) -> String) {
        self.sink = sink
        self.render = render
    }

    func finish(_ run: RunReport) throws {
        try sink.write(render(run))
    }
}

/// Where a report goes: standard output or a file, written as it is produced.
public final class OutputSink {
    private let handle: FileHandle
    private let closes: Bool
    /// Whether the sink is a terminal (colour and progress are for people only).
    public let isTerminal: Bool

    public static func standardOutput() -> OutputSink {
        OutputSink(handle: .standardOutput, closes: false, isTerminal: isatty(STDOUT_FILENO) == 1)
    }

    /// Creates or truncates the file at `path`; throws a readable error when it cannot.
    public static func file(_ path: String) throws -> OutputSink {
        try open(path, O_TRUNC)
    }

    /// Opens the file at `path` for appending, creating it when missing (resumed runs).
    public static func appending(_ path: String) throws -> OutputSink {
        try open(path, O_APPEND)
    }

    /// Opens in place with open(2): FileManager.createFile writes a new file and renames it over
    /// the path, which would replace a device such as /dev/null or /dev/stdout with a plain file.
    private static func open(_ path: String, _ mode: Int32) throws -> OutputSink {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_CLOEXEC | mode, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path) }
        return OutputSink(handle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: false), closes: true,
                          isTerminal: isatty(descriptor) == 1)
    }

    private init(handle: FileHandle, closes: Bool, isTerminal: Bool) {
        self.handle = handle
        self.closes = closes
        self.isTerminal = isTerminal
    }

    deinit {
        if closes { try? handle.close() }
    }

    public func write(_ text: String) throws {
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// Writes bytes as they are, without a copy (JSON Lines records, in pieces of up to a megabyte).
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try handle.write(contentsOf: $0) }
    }
}

public struct OutputError: Error, CustomStringConvertible {
    public let path: String
    public var description: String { "cannot write the report to '\(path)'" }
}
