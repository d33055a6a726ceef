import Foundation
import ShilaoCore

/// `--format sarif`: SARIF 2.1.0 for code-scanning tools. One rule per check run, with titles
/// and fixes in zh-CN and en; one result per failed or needs-review finding, located by the
/// page (artifactLocation), line (region.startLine) and element path (logicalLocations), with
/// the baseline fingerprint as a partial fingerprint.
enum SARIFReport {
    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    static func render(_ run: RunReport) -> String {
        let checks = Set(run.metadata.keys).union(run.pages.flatMap { $0.record.audit.findings.map(\.check) }).sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: checks.enumerated().map { ($1, $0) })
        var results: [JSON] = []
        for page in run.pages {
            for finding in page.record.audit.findings {
                results.append(result(finding, page: page, ruleIndex: ruleIndex[finding.check] ?? 0, run: run))
            }
        }
        var properties: [(String, JSON)] = [("profile", .string(run.profile.id)), ("profileVersion", .string(run.profile.version))]
        if let site = run.site { properties.append(("site", JSONReport.siteJSON(site))) }
        properties.append(("notes", .array(run.notes.map { .string($0[run.language]) })))
        let notAudited = run.pages.filter { $0.record.status == .error }.map { page in
            JSON.object([
                ("level", .string("error")),
                ("message", .object([("text", .string("\(page.record.url): \(page.record.error ?? "")"))])),
            ])
        }
        let unstyled = run.pages.filter { !$0.record.audit.styleProblems.isEmpty }.map { page in
            JSON.object([
                ("level", .string("warning")),
                ("message", .object([("text", .string(Words.styleProblems(page.record.audit.styleProblems)[run.language]))])),
                ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", .object([("uri", .string(uri(page.record.url)))]))]))])])),
            ])
        }
        let sarifRun = JSON.object([
            ("tool", .object([("driver", .object([
                ("name", .string("shilao")),
                ("version", .string(ShilaoInfo.version)),
                ("semanticVersion", .string(ShilaoInfo.version)),
                ("rules", .array(checks.map { rule($0, run.metadata[$0], language: run.language) })),
            ]))])),
            ("invocations", .array([.object([
                ("executionSuccessful", .bool(true)),
                ("toolExecutionNotifications", .array(notAudited + unstyled)),
            ])])),
            ("language", .string(run.language.rawValue)),
            ("results", .array(results)),
            ("properties", .object(properties)),
        ])
        return JSON.object([("$schema", .string(schema)), ("version", .string("2.1.0")), ("runs", .array([sarifRun]))])
            .serialized(indent: 2) + "\n"
    }

    static func rule(_ id: String, _ metadata: CheckMetadata?, language: Language) -> JSON {
        guard let metadata else {
            return .object([("id", .string(id)), ("helpUri", .string("docs/checks/\(id).md"))])
        }
        let other: Language = language == .zhCN ? .en : .zhCN
        // Fixes quote markup, which a Markdown viewer would render: escape it.
        let markdown = "\(Markup.escape(metadata.fix[language]))\n\n\(Markup.escape(metadata.fix[other]))\n\n"
            + metadata.standards.map { "- " + $0.citation[language] }.joined(separator: "\n")
        let tags = [metadata.category.rawValue] + metadata.standards.map { "\($0.std.rawValue):\($0.clause)" }
        return .object([
            ("id", .string(id)),
            ("name", .string(id)),
            ("shortDescription", .object([("text", .string(metadata.title[language]))])),
            ("fullDescription", .object([("text", .string(metadata.rationale[language]))])),
            ("help", .object([("text", .string(metadata.fix[language])), ("markdown", .string(markdown))])),
            ("helpUri", .string("docs/checks/\(id).md")),
            ("defaultConfiguration", .object([("level", .string(level(metadata.impact)))])),
            ("properties", .object([
                ("tags", .array(tags.map(JSON.string))),
                ("impact", .string(metadata.impact.rawValue)),
                ("zh-CN", .object([("title", .string(metadata.title.zhCN)), ("fix", .string(metadata.fix.zhCN))])),
                ("en", .object([("title", .string(metadata.title.en)), ("fix", .string(metadata.fix.en))])),
            ])),
        ])
    }

    /// Critical and serious failures are errors, moderate ones warnings, minor ones notes.
    static func level(_ impact: Impact) -> String {
        switch impact {
        case .critical, .serious: return "error"
        case .moderate: return "warning"
        case .minor: return "note"
        }
    }

    static func result(_ finding: Finding, page: ScoredPage, ruleIndex: Int, run: RunReport) -> JSON {
        let fingerprint = Fingerprint.of(finding, url: page.record.url)
        var physical: [(String, JSON)] = [("artifactLocation", .object([("uri", .string(uri(page.record.url)))]))]
        if let location = finding.location {
            physical.append(("region", .object([
                ("startLine", .int(max(location.line, 1))),
                ("snippet", .object([("text", .string(location.snippet))])),
            ])))
        }
        var location: [(String, JSON)] = [("physicalLocation", .object(physical))]
        if let path = finding.location?.path, !path.isEmpty {
            location.append(("logicalLocations", .array([.object([("fullyQualifiedName", .string(path)), ("kind", .string("element"))])])))
        }
        let failed = finding.outcome == .failed
        var members: [(String, JSON)] = [
            ("ruleId", .string(finding.check)),
            ("ruleIndex", .int(ruleIndex)),
            ("kind", .string(failed ? "fail" : "review")),
            ("level", .string(failed ? level(finding.impact) : "none")),
            ("message", .object([("text", .string(finding.message[run.language]))])),
            ("locations", .array([.object(location)])),
            ("partialFingerprints", .object([("shilao/v1", .string(Fingerprint.hex(Fingerprint.fnv1a(fingerprint))))])),
        ]
        if failed, run.baseline != nil {
            members.append(("baselineState", .string(run.isNew(fingerprint) ? "new" : "unchanged")))
        }
        members.append(("properties", .object([("fingerprint", .string(fingerprint)), ("fix", .string(finding.fix[run.language]))])))
        return .object(members)
    }

    /// File paths as relative URI references; URLs as they are.
    static func uri(_ url: String) -> String {
        if url.hasPrefix("http://") || url.hasPrefix("https://") { return url }
        return url.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? url
    }
}
