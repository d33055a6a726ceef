import ShilaoCore

/// The report contract's JSON for a page record (DESIGN.md, "Report contract").
public enum RecordJSON {
    public static func record(_ record: PageRecord, language: Language) -> JSON {
        var members: [(String, JSON)] = [("url", .string(record.url))]
        if let finalURL = record.finalURL { members.append(("finalUrl", .string(finalURL))) }
        members.append(("status", .string(record.status.rawValue)))
        if let error = record.error { members.append(("error", .string(error))) }
        // Scores and pass marks per profile arrive with the scored profiles; the keys are part of
        // the contract already, so consumers can rely on them.
        members.append(("scores", .object([])))
        members.append(("passed", .object([])))
        members.append(("findings", .array(record.audit.findings.map { finding($0, language: language) })))
        let counts = record.audit.counts
        members.append(("counts", .object(Outcome.allCases.map { ($0.rawValue, .int(counts[$0] ?? 0)) })))
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
            ("clauses", .array(finding.clauses.map { .object([("std", .string($0.std.rawValue)), ("clause", .string($0.clause))]) })),
        ]
        return .object(members)
    }
}
