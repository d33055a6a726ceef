/// Runs a set of checks on one page and turns their records into findings.
public struct Engine: Sendable {
    public let checks: [CatalogueEntry]
    /// Where each check's time is added up, when the run asks for timings.
    public let times: CheckTimes?

    public init(checks: [CatalogueEntry], times: CheckTimes? = nil) {
        self.checks = checks
        self.times = times
    }

    public func audit(_ page: Page) -> PageAudit {
        var outcomes: [String: Outcome] = [:]
        outcomes.reserveCapacity(checks.count)
        var findings: [Finding] = []
        withExtendedLifetime(page.document) {
            for entry in checks {
                var results = Results()
                if let times {
                    let start = ContinuousClock.now
                    entry.check.run(on: page, into: &results)
                    times.add(entry.metadata.id, ContinuousClock.now - start)
                } else {
                    entry.check.run(on: page, into: &results)
                }
                outcomes[entry.metadata.id] = results.outcome
                for record in results.records where record.outcome == .failed || record.outcome == .needsReview {
                    findings.append(Engine.finding(entry.metadata, record))
                }
            }
        }
        findings.sort { lhs, rhs in
            let left = lhs.location?.line ?? 0
            let right = rhs.location?.line ?? 0
            return left != right ? left < right : lhs.check < rhs.check
        }
        return PageAudit(outcomes: outcomes, findings: findings, styleProblems: page.style.problems)
    }

    static func finding(_ metadata: CheckMetadata, _ record: Record) -> Finding {
        Finding(
            check: metadata.id,
            outcome: record.outcome,
            impact: metadata.impact,
            category: metadata.category,
            location: record.location,
            message: metadata.message(record.key).filled(record.data),
            fix: metadata.fix.filled(record.data),
            clauses: metadata.standards
        )
    }
}
