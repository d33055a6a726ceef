import Foundation
import ShilaoCore

/// `--format junit`: a test suite per page and a test case per check, for CI test views
/// (GitLab's JUnit report, Jenkins). A failed check is a failure whose text lists each
/// line, path and snippet; needs-review and inapplicable checks are skipped; a page that
/// could not be audited is an error.
enum JUnitReport {
    static func render(_ run: RunReport) -> String {
        let language = run.language
        var suites = ""
        var tests = 0
        var failures = 0
        var errors = 0
        var skipped = 0
        for page in run.pages {
            let record = page.record
            let name = Markup.escape(record.url)
            if record.status != .ok {
                tests += 1
                errors += 1
                suites += "  <testsuite name=\"\(name)\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
                suites += "    <testcase classname=\"\(name)\" name=\"load\">\n"
                suites += "      <error message=\"\(Markup.escape(record.error ?? ""))\"/>\n    </testcase>\n  </testsuite>\n"
                continue
            }
            var cases = ""
            var pageFailures = 0
            var pageSkipped = 0
            for (check, outcome) in record.audit.outcomes.sorted(by: { $0.key < $1.key }) {
                let findings = record.audit.findings.filter { $0.check == check && $0.outcome == outcome }
                cases += "    <testcase classname=\"\(name)\" name=\"\(Markup.escape(check))\" file=\"\(name)\""
                if let line = findings.first?.location?.line { cases += " line=\"\(line)\"" }
                switch outcome {
                case .passed:
                    cases += "/>\n"
                    continue
                case .failed:
                    pageFailures += 1
                    let first = findings.first
                    let message = (first?.message[language] ?? check) + (findings.count > 1 ? " (+\(findings.count - 1))" : "")
                    let impact = first?.impact.rawValue ?? ""
                    let body = findings.map { finding in
                        let location = finding.location.map { "line \($0.line)  \($0.path)\n  \($0.snippet)\n" } ?? ""
                        return location + "  " + finding.message[language] + "\n  " + finding.fix[language]
                    }.joined(separator: "\n")
                    cases += ">\n      <failure message=\"\(Markup.escape(message))\" type=\"\(impact)\">\(Markup.escape(body))</failure>\n"
                case .needsReview:
                    pageSkipped += 1
                    let message = findings.first?.message[language] ?? Words.outcome(.needsReview)[language]
                    cases += ">\n      <skipped message=\"\(Markup.escape(Words.outcome(.needsReview)[language] + ": " + message))\"/>\n"
                case .inapplicable:
                    pageSkipped += 1
                    cases += ">\n      <skipped message=\"\(Markup.escape(Words.outcome(.inapplicable)[language]))\"/>\n"
                }
                cases += "    </testcase>\n"
            }
            let count = record.audit.outcomes.count
            tests += count
            failures += pageFailures
            skipped += pageSkipped
            suites += "  <testsuite name=\"\(name)\" tests=\"\(count)\" failures=\"\(pageFailures)\" errors=\"0\" skipped=\"\(pageSkipped)\">\n"
            if let score = page.score {
                suites += "    <properties>\n"
                suites += "      <property name=\"score.\(score.profile)\" value=\"\(score.score.map(ScoreText.format) ?? "")\"/>\n"
                suites += "      <property name=\"passed.\(score.profile)\" value=\"\(score.passed)\"/>\n"
                suites += "    </properties>\n"
            }
            suites += cases
            if !record.audit.styleProblems.isEmpty {
                suites += "    <system-err>\(Markup.escape(Words.styleProblems(record.audit.styleProblems)[language]))</system-err>\n"
            }
            suites += "  </testsuite>\n"
        }
        var head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        for note in run.notes { head += "<!-- \(Markup.escape(note[language]).replacingOccurrences(of: "--", with: "- -")) -->\n" }
        head += "<testsuites name=\"shilao \(Markup.escape(run.profile.id))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\">\n"
        return head + suites + "</testsuites>\n"
    }
}
