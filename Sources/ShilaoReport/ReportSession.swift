import ShilaoCore

/// The report formats, by the name `--format` and `--report FORMAT:PATH` use.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, jsonl, sarif, junit, html, csv, md

    /// Text and JSON Lines write each page as it finishes; the rest need the whole run.
    public var streams: Bool { self == .text || self == .jsonl }

    public func reporter(sink: OutputSink, language: Language, colour: Bool) -> Reporter {
        switch self {
        case .text: return TextReporter(sink: sink, language: language, colour: colour)
        case .jsonl: return JSONLinesReporter(sink: sink, language: language)
        case .json: return DocumentReporter(sink: sink, render: JSONReport.render)
        case .sarif: return DocumentReporter(sink: sink, render: SARIFReport.render)
        case .junit: return DocumentReporter(sink: sink, render: JUnitReport.render)
        case .html: return DocumentReporter(sink: sink, render: HTMLReport.render)
        case .csv: return DocumentReporter(sink: sink, render: CSVReport.render)
        case .md: return DocumentReporter(sink: sink, render: MarkdownReport.render)
        }
    }

    /// `FORMAT:PATH`, as `--report` takes it; nil when the format is unknown or the path empty.
    public static func target(_ text: String) -> (format: ReportFormat, path: String)? {
        guard let colon = text.firstIndex(of: ":"), let format = ReportFormat(rawValue: String(text[..<colon])) else { return nil }
        let path = String(text[text.index(after: colon)...])
        return path.isEmpty ? nil : (format, path)
    }
}

/// One run from records to reports: scores each page under the profile, streams it to the
/// reporters, keeps the tallies, and at the end decides the gate and hands every reporter the
/// run model. `shilao audit` and `shilao report` both go through it.
public final class ReportSession {
    let settings: RunSettings
    let profile: Profile
    let metadata: [String: CheckMetadata]
    let reporters: [Reporter]
    let keepPages: Bool
    let rules: GateRules
    let baseline: Baseline?
    let known: Set<String>
    /// The run's profile first, then other scored profiles whose checks all ran.
    var tallies: [SiteTally]
    var hosts: HostTallies
    public private(set) var totals = RunTotals()
    var pages: [ScoredPage] = []
    /// The run's failed findings, kept only when a baseline is compared or written: a run over
    /// 100,000 pages would otherwise hold every finding until the end.
    var current: [BaselineEntry] = []
    let keepsFindings: Bool
    /// Where to write the run's failed findings as a baseline, if anywhere.
    let writeBaseline: String?
    var newFailedImpacts: [Impact] = []

    /// `keepPages`: whether a format that needs the whole run was asked for; otherwise memory
    /// holds tallies only. `alsoScored`: other profiles to report site scores for, whose checks
    /// must all be among the run's.
    public init(settings: RunSettings, profile: Profile, alsoScored: [Profile] = [], metadata: [String: CheckMetadata],
                reporters: [Reporter], keepPages: Bool, rules: GateRules, baseline: Baseline?, writeBaseline: String? = nil) {
        self.settings = settings
        self.profile = profile
        self.metadata = metadata
        self.reporters = reporters
        self.keepPages = keepPages
        self.rules = rules
        self.baseline = baseline
        self.writeBaseline = writeBaseline
        keepsFindings = baseline != nil || writeBaseline != nil
        known = Set(baseline?.entries.map(\.fingerprint) ?? [])
        tallies = ([profile] + alsoScored.filter { $0.id != profile.id }).filter(\.isScored).map(SiteTally.init)
        hosts = HostTallies(profile: profile)
    }

    public func add(_ record: PageRecord) throws {
        let audited = record.status == .ok
        if audited {
            for index in tallies.indices { tallies[index].add(record.audit.outcomes) }
        }
        let page = ScoredPage(record: record, score: audited ? profile.score(record.audit.outcomes) : nil)
        totals.add(record)
        hosts.add(page)
        if keepsFindings {
            for (finding, fingerprint) in page.failedFindings {
                current.append(BaselineEntry(finding, url: record.url))
                if !known.contains(fingerprint) { newFailedImpacts.append(finding.impact) }
            }
        } else {
            newFailedImpacts += record.audit.findings.filter { $0.outcome == .failed }.map(\.impact)
        }
        if keepPages { pages.append(page) }
        for reporter in reporters { try reporter.page(page) }
    }

    /// Finishes every report; writes the run's failed findings as a baseline to `writeBaseline`.
    @discardableResult
    public func finish() throws -> RunReport {
        let sites = tallies.compactMap(\.score)
        let site = sites.first { $0.profile == profile.id }
        let run = RunReport(
            settings: settings, profile: profile, metadata: metadata, pages: pages, totals: totals, sites: sites,
            hosts: hosts.summaries,
            notes: ([profile] + tallies.map(\.profile)).compactMap(\.note).reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
            baseline: baseline.map { BaselineDiff(baseline: $0, current: current) },
            gate: GateDecision.decide(rules, site: site, newFailedImpacts: newFailedImpacts))
        for reporter in reporters { try reporter.finish(run) }
        if let writeBaseline { try Baseline(entries: current).write(to: writeBaseline, profile: profile.id) }
        return run
    }
}
