import ShilaoCore

/// The report contract's JSON for a page record (DESIGN.md, "Report contract").
public enum RecordJSON {
    public static func record(_ page: ScoredPage, language: Language) -> JSON {
        record(page.record, score: page.score, language: language)
    }

    /// `scores` and `passed` hold the run's profile when it is scored (a page where no scored
    /// check applied has no score, and passes unless a veto item failed). `outcomes` adds every
    /// check's outcome, so `shilao report` can score saved records again.
    public static func record(_ record: PageRecord, score: PageScore?, language: Language) -> JSON {
        var members: [(String, JSON)] = [("url", .string(record.url))]
        if let finalURL = record.finalURL { members.append(("finalUrl", .string(finalURL))) }
        members.append(("status", .string(record.status.rawValue)))
        if let error = record.error { members.append(("error", .string(error))) }
        let scores: [(String, JSON)] = score.flatMap { score in score.score.map { [(score.profile, .double($0))] } } ?? []
        members.append(("scores", .object(scores)))
        members.append(("passed", .object(score.map { [($0.profile, .bool($0.passed))] } ?? [])))
        members.append(("findings", .array(record.audit.findings.map { finding($0, language: language) })))
        if !record.audit.styleProblems.isEmpty {
            members.append(("styleProblems", .array(record.audit.styleProblems.map(JSON.string))))
        }
        let counts = record.audit.counts
        members.append(("counts", .object(Outcome.allCases.map { ($0.rawValue, .int(counts[$0] ?? 0)) })))
        members.append(("outcomes", .object(record.audit.outcomes.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.rawValue)) })))
        return .object(members)
    }

    public static func finding(_ finding: Finding, language: Language) -> JSON {
        var members: [(String, JSON)] = [
            ("check", .string(finding.check)),
            ("outcome", .string(finding.outcome.rawValue)),
            ("impact", .string(finding.impact.rawValue)),
        ]
        if let location = finding.location {
            members += [("line", .int(location.line)), ("path", .string(location.path)), ("snippet", .string(location.snippet))]
        }
        members += [
            ("message", .string(finding.message[language])),
            ("fix", .string(finding.fix[language])),
            ("clauses", .array(finding.clauses.map(clause))),
        ]
        return .object(members)
    }

    public static func clause(_ clause: Clause) -> JSON {
        .object([("std", .string(clause.std.rawValue)), ("clause", .string(clause.clause))])
    }
}
