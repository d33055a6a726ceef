import ShilaoCore

/// One page's record with its score under the run's profile.
public struct ScoredPage: Sendable {
    public let record: PageRecord
    /// Nil for an unscored profile and for pages that could not be audited.
    public let score: PageScore?

    public init(record: PageRecord, score: PageScore?) {
        self.record = record
        self.score = score
    }

    /// The page's failed findings with their baseline fingerprints.
    public var failedFindings: [(finding: Finding, fingerprint: String)] {
        record.audit.findings.filter { $0.outcome == .failed }.map { ($0, Fingerprint.of($0, url: record.url)) }
    }
}

/// The run model every reporter renders: settings, pages, totals, the site score, the
/// baseline comparison and the gate's decision.
public struct RunReport: Sendable {
    public let settings: RunSettings
    public let profile: Profile
    /// Catalogue metadata by check id: titles, fixes and examples for remediation lists.
    public let metadata: [String: CheckMetadata]
    /// Every page, in the order they were reported (empty when only streaming formats were asked for).
    public let pages: [ScoredPage]
    public let totals: RunTotals
    /// Site scores: the run's profile first when it is scored, then the other scored profiles
    /// whose checks all ran.
    public let sites: [SiteScore]
    /// Per-host summaries of a URL run, for hosts with two or more pages.
    public let hosts: [HostSummary]
    /// What the scores leave out, from the profiles' files (the MIIT evaluation's other parts).
    public let notes: [Localized]
    public let baseline: BaselineDiff?
    public let gate: GateDecision

    public var language: Language { settings.language }

    /// The site score under the run's profile; nil when it is unscored.
    public var site: SiteScore? { sites.first { $0.profile == profile.id } }

    /// Whether a failed finding counts as new: always without a baseline.
    public func isNew(_ fingerprint: String) -> Bool {
        baseline.map { $0.isNew(fingerprint) } ?? true
    }
}
