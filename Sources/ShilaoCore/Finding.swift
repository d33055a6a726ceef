/// One failed or needs-review result, ready for every reporter: where, what, how to fix, which
/// clauses. Texts are kept in both languages; a reporter picks one.
public struct Finding: Sendable, Hashable {
    public let check: String
    public let outcome: Outcome
    public let impact: Impact
    public let category: Category
    public let location: Location?
    public let message: Localized
    public let fix: Localized
    public let clauses: [Clause]

    public init(check: String, outcome: Outcome, impact: Impact, category: Category, location: Location?,
                message: Localized, fix: Localized, clauses: [Clause]) {
        self.check = check
        self.outcome = outcome
        self.impact = impact
        self.category = category
        self.location = location
        self.message = message
        self.fix = fix
        self.clauses = clauses
    }
}

/// The result of auditing one page: per-check outcomes and the findings to act on.
public struct PageAudit: Sendable {
    /// Outcome of every check that ran, by check id.
    public let outcomes: [String: Outcome]
    /// Failed and needs-review findings, in page order.
    public let findings: [Finding]
    /// Style sheets the page links that could not be used (`line N, stylesheet URL: reason`; at
    /// most twenty and a count of the rest): results that depend on styles were computed
    /// without them and may be wrong.
    public let styleProblems: [String]

    public init(outcomes: [String: Outcome], findings: [Finding], styleProblems: [String] = []) {
        self.outcomes = outcomes
        self.findings = findings
        self.styleProblems = styleProblems
    }

    /// How many checks ended in each outcome.
    public var counts: [Outcome: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Outcome.allCases.map { ($0, 0) })
        for outcome in outcomes.values { counts[outcome, default: 0] += 1 }
        return counts
    }
}
