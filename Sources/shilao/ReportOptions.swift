import ArgumentParser
import Foundation
import ShilaoCore
import ShilaoReport

/// What to score, how to report it and when to fail: shared by `audit` and `report`, and
/// settable in `.shilao.yml` (flags win).
struct ReportOptions: ParsableArguments {
    @Option(help: "Profile: miit (default), gbt37668, wcag21aa, wcag22aa or all (every check, unscored).")
    var profile: String?

    @Option(help: "Report format: text (default), json, jsonl, sarif, junit, html, csv or md.")
    var format: String?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("report"), help: ArgumentHelp("Also write a report in FORMAT to PATH (repeatable).", valueName: "FORMAT:PATH"))
    var reports: [String] = []

    @Option(name: .customLong("fail-under"), help: ArgumentHelp("Fail (exit 1) when the profile's site score is below SCORE.", valueName: "SCORE"))
    var failUnder: Double?

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Fail (exit 1) on a failed finding of IMPACT or worse: minor, moderate, serious or critical.", valueName: "IMPACT"))
    var failOn: Impact?

    @Option(help: ArgumentHelp("Compare with a baseline: only findings it does not hold count for --fail-on.", valueName: "FILE"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Write this run's failed findings as a baseline.", valueName: "FILE"))
    var writeBaseline: String?

    @Option(help: ArgumentHelp("Read settings from FILE instead of the .shilao.yml found upward from the working directory.", valueName: "FILE"))
    var config: String?

    /// `--config FILE`, else the nearest `.shilao.yml`, else none; a broken file is a usage error.
    func configuration() throws -> Configuration? {
        let url = config.map { URL(fileURLWithPath: $0) }
            ?? Configuration.find(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        guard let url else { return nil }
        do {
            return try Configuration.load(url)
        } catch let error as ConfigurationError {
            throw UsageError(message: "invalid configuration: \(error)")
        }
    }

    /// The settings with flags over the configuration over the defaults, checked against the
    /// known profiles and formats.
    func plan(_ configuration: Configuration?, profiles: [Profile]) throws -> ReportPlan {
        func invalid(_ key: String, _ problem: String) -> UsageError {
            let fromFile = configuration.flatMap { $0.lines[key] != nil ? $0 : nil }
            return UsageError(message: fromFile.map { "invalid configuration: \($0.error(at: key, problem))" } ?? problem)
        }
        let profileID = profile ?? configuration?.profile ?? "miit"
        guard let chosen = profiles.first(where: { $0.id == profileID }) else {
            throw invalid("profile", "unknown profile '\(profileID)' (known: \(profiles.map(\.id).joined(separator: ", ")))")
        }
        let formatName = format ?? configuration?.format ?? "text"
        guard let mainFormat = ReportFormat(rawValue: formatName) else {
            throw invalid("format", "unknown format '\(formatName)' (known: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var targets: [(format: ReportFormat, path: String)] = []
        for text in reports.isEmpty ? configuration?.reports ?? [] : reports {
            guard let target = ReportFormat.target(text) else {
                throw invalid("report", "--report takes FORMAT:PATH with a known format, for example sarif:shilao.sarif (got '\(text)')")
            }
            targets.append(target)
        }
        let rules = GateRules(failUnder: failUnder ?? configuration?.failUnder, failOn: failOn ?? configuration?.failOn)
        if let score = rules.failUnder {
            guard chosen.isScored else { throw invalid("fail-under", "--fail-under needs a scored profile; '\(chosen.id)' is unscored") }
            guard (0...100).contains(score) else { throw invalid("fail-under", "--fail-under takes a score from 0 to 100") }
        }
        var loadedBaseline: Baseline?
        if let path = baseline ?? configuration?.baseline {
            do {
                loadedBaseline = try Baseline.load(path)
            } catch {
                throw invalid("baseline", "\(error)")
            }
        }
        return ReportPlan(profile: chosen, profiles: profiles, format: mainFormat, output: output ?? configuration?.output,
                          targets: targets, rules: rules, baseline: loadedBaseline,
                          writeBaseline: writeBaseline ?? configuration?.writeBaseline)
    }
}

/// The resolved report settings of one run.
struct ReportPlan {
    let profile: Profile
    let profiles: [Profile]
    let format: ReportFormat
    let output: String?
    let targets: [(format: ReportFormat, path: String)]
    let rules: GateRules
    let baseline: Baseline?
    let writeBaseline: String?

    /// Opens every report and starts the session. `mainSink` replaces standard output or
    /// `--output` (a resumed run appends to its own file); `ran` names the checks that run, so
    /// other profiles get a site score only when all their checks are among them.
    func session(settings: RunSettings, catalogue: Catalogue, ran: Set<String>, mainSink: OutputSink? = nil) throws -> ReportSession {
        let reporters: [Reporter]
        do {
            let sink = try mainSink ?? output.map(OutputSink.file) ?? .standardOutput()
            let colour = sink.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            reporters = [format.reporter(sink: sink, language: settings.language, colour: colour)]
                + (try targets.map { try $0.format.reporter(sink: OutputSink.file($0.path), language: settings.language, colour: false) })
        } catch {
            throw UsageError(message: "\(error)")
        }
        let others = profiles.filter { $0.isScored && Set($0.items.map(\.check)).isSubset(of: ran) }
        let metadata = Dictionary(uniqueKeysWithValues: catalogue.entries.filter { ran.contains($0.metadata.id) }.map { ($0.metadata.id, $0.metadata) })
        let keepPages = !format.streams || targets.contains { !$0.format.streams }
        return ReportSession(settings: settings, profile: profile, alsoScored: others, metadata: metadata, reporters: reporters,
                             keepPages: keepPages, rules: rules, baseline: baseline, writeBaseline: writeBaseline)
    }

    /// Finishes the reports and writes the baseline; a baseline that cannot be written is a usage error.
    func finish(_ session: ReportSession) throws -> RunReport {
        do {
            return try session.finish()
        } catch let error as OutputError {
            throw UsageError(message: "\(error)")
        }
    }
}

extension Impact: ExpressibleByArgument {}
