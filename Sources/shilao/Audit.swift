import ArgumentParser
import Foundation
import ShilaoCore
import ShilaoFetch
import ShilaoReport

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit HTML files and folders (recursive *.html, *.htm).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonl
    }

    @Argument(help: ArgumentHelp("Files or folders to audit.", valueName: "INPUT"))
    var inputs: [String] = []

    @Option(help: "Which checks to run: all.")
    var profile = "all"

    @Option(help: "Report format: text, json or jsonl.")
    var format: Format = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Pages audited in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var catalogueOptions: CatalogueOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard !inputs.isEmpty else { throw ValidationError("name at least one file or folder to audit") }
    }

    func run() async throws {
        let catalogue = try catalogueOptions.catalogue()
        let checks = try catalogueOptions.checks(profile: profile, in: catalogue)
        let sink: OutputSink
        do {
            sink = try output.map(OutputSink.file) ?? .standardOutput()
        } catch {
            throw UsageError(message: "\(error)")
        }
        let language = catalogueOptions.lang
        let reporter: Reporter
        switch format {
        case .text:
            let colour = sink.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            reporter = TextReporter(sink: sink, language: language, colour: colour)
        case .jsonl:
            reporter = JSONLinesReporter(sink: sink, language: language)
        case .json:
            reporter = JSONReporter(sink: sink, settings: RunSettings(profile: profile, language: language, jobs: jobs, inputs: inputs))
        }
        let runner = Runner(auditor: Auditor(engine: Engine(checks: checks)), jobs: jobs)
        var totals = RunTotals()
        try await runner.run(Inputs.resolve(inputs)) { record in
            totals.add(record)
            try reporter.page(record)
        }
        try reporter.finish(totals)
        if totals.errors > 0 { throw ExitStatus.inputsNotAudited }
    }
}
