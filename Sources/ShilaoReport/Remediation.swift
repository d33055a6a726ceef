import Foundation
import ShilaoCore

/// The remediation list the HTML and Markdown reports share: failed findings grouped by
/// check, worst first by impact weight × pages × occurrences.
struct RemediationItem {
    struct Occurrence {
        let url: String
        let finding: Finding
        let isNew: Bool
    }

    let check: String
    let impact: Impact
    let metadata: CheckMetadata?
    let occurrences: [Occurrence]

    var pages: Int { Set(occurrences.map(\.url)).count }
    var priority: Double { impact.weight * Double(pages) * Double(occurrences.count) }

    /// The title, or the first message when the catalogue does not know the check (a saved
    /// record of a site's own check rendered without it).
    func title(_ language: Language) -> String {
        metadata?.title[language] ?? occurrences.first?.finding.message[language] ?? check
    }

    /// What to do: the check's fix as written in the catalogue.
    func fix(_ language: Language) -> String {
        metadata?.fix[language] ?? occurrences.first?.finding.fix[language] ?? ""
    }

    var clauses: [Clause] { metadata?.standards ?? occurrences.first?.finding.clauses ?? [] }

    /// A failing example and a passing one from the catalogue, markers removed.
    var example: (fail: String, pass: String)? {
        guard let fail = metadata?.examples.fail.first, let pass = metadata?.examples.pass.first else { return nil }
        func clean(_ example: Example) -> String {
            example.code.filter { $0 != Example.marker }.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return (clean(fail), clean(pass))
    }

    static func list(_ run: RunReport) -> [RemediationItem] {
        var byCheck: [String: [Occurrence]] = [:]
        var impacts: [String: Impact] = [:]
        for page in run.pages {
            for (finding, fingerprint) in page.failedFindings {
                byCheck[finding.check, default: []].append(Occurrence(url: page.record.url, finding: finding, isNew: run.isNew(fingerprint)))
                impacts[finding.check] = finding.impact
            }
        }
        return byCheck.map { check, occurrences in
            RemediationItem(check: check, impact: impacts[check] ?? .minor, metadata: run.metadata[check], occurrences: occurrences)
        }.sorted { ($0.priority, $1.check) > ($1.priority, $0.check) }
    }
}

