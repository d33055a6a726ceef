import ShilaoCore

/// `--format text`: findings per page for a person to read, each page's score, then a summary
/// with the site score, the gate and the top problems. Colour only when writing to a terminal.
public final class TextReporter: Reporter {
    let sink: OutputSink
    let language: Language
    let colour: Bool

    public init(sink: OutputSink, language: Language, colour: Bool) {
        self.sink = sink
        self.language = language
        self.colour = colour
    }

    func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func say(_ words: Localized, _ data: [String: String] = [:]) -> String {
        words.filled(data)[language]
    }

    public func page(_ page: ScoredPage) throws {
        let record = page.record
        var out = paint(record.url, "1") + "\n"
        if record.status == .error {
            out += "  " + paint(say(Words.cannotAudit, ["reason": record.error ?? ""]), "31") + "\n\n"
            try sink.write(out)
            return
        }
        if !record.audit.styleProblems.isEmpty {
            out += "  " + paint(Words.styleProblems(record.audit.styleProblems)[language], "33") + "\n"
        }
        var failed = 0
        var review = 0
        for finding in record.audit.findings {
            if finding.outcome == .failed { failed += 1 } else { review += 1 }
            let line = finding.location.map { say(Words.line, ["line": String($0.line)]) } ?? ""
            let label = finding.outcome == .failed
                ? paint(say(Words.impact(finding.impact)), finding.impact >= .serious ? "31" : "33")
                : paint(say(Words.outcome(.needsReview)), "36")
            out += "  \(line)  \(label)  \(paint(finding.check, "2"))  \(finding.message[language])\n"
            if let location = finding.location {
                out += "      \(location.snippet)\n      \(paint(location.path, "2"))\n"
            }
            out += "      \(say(Words.fix))\(finding.fix[language])\n"
            let clauses = finding.clauses.map { $0.citation[language] }.joined(separator: say(Words.clauseSeparator))
            out += "      \(say(Words.clauses))\(clauses)\n"
        }
        if failed + review == 0 {
            out += "  " + paint(say(Words.clean), "32") + "\n"
        } else {
            out += "  " + say(Words.pageCounts, ["failed": String(failed), "review": String(review)]) + "\n"
        }
        if let score = page.score {
            out += "  " + scoreLine(profile: score.profile, score: score.score, passed: score.passed, veto: score.vetoFailed)
            if !score.review.isEmpty { out += say(Words.reviewNotScored, ["count": String(score.review.count)]) }
            out += "\n"
        }
        try sink.write(out + "\n")
    }

    func scoreLine(profile: String, score: Double?, passed: Bool, veto: [String], passMark: Double? = nil) -> String {
        let verdict = paint(say(passed ? Words.pass : Words.fail), passed ? "32" : "31")
        var line = say(Words.scoreLine, ["profile": profile, "score": score.map(ScoreText.format) ?? "–", "verdict": verdict])
        if let passMark { line += say(Words.passMark, ["mark": ScoreText.format(passMark)]) }
        if !veto.isEmpty { line += say(Words.vetoFailed, ["checks": veto.joined(separator: ", ")]) }
        return line
    }

    /// Per host of a URL run: pages, errors, its score under the run's profile, worst pages.
    func hostLines(_ hosts: [HostSummary]) -> String {
        var out = say(Words.hosts) + "\n"
        for host in hosts {
            let counts = say(Words.hostLine, ["host": host.host, "pages": String(host.pages), "errors": String(host.errors)])
            let score = host.site.map {
                "  " + scoreLine(profile: $0.profile, score: $0.score, passed: $0.passed, veto: $0.vetoFailed.map(\.check))
            } ?? ""
            out += "  " + counts + score + "\n"
            for page in host.worstPages {
                out += "    " + say(Words.worstPage, ["url": page.url, "failed": String(page.failed)]) + "\n"
            }
        }
        return out
    }

    public func finish(_ run: RunReport) throws {
        let totals = run.totals
        var out = say(Words.summary, [
            "pages": String(totals.pages), "errors": String(totals.errors),
            "failed": String(totals.failed), "review": String(totals.needsReview),
        ]) + "\n"
        if run.site == nil { out += say(Words.unscored, ["profile": run.profile.id]) + "\n" }
        for site in run.sites {
            out += say(Words.siteScore) + scoreLine(profile: site.profile, score: site.score, passed: site.passed,
                                                     veto: site.vetoFailed.map(\.check), passMark: site.passMark) + "\n"
        }
        for note in run.notes { out += note[language] + "\n" }
        if !run.hosts.isEmpty { out += hostLines(run.hosts) }
        if let diff = run.baseline {
            out += say(Words.baseline, ["new": String(diff.new), "fixed": String(diff.fixed.count), "unchanged": String(diff.unchanged)]) + "\n"
        }
        let top = totals.topProblems.prefix(10)
        if !top.isEmpty {
            out += say(Words.topProblems) + "\n"
            for problem in top {
                let counts = say(Words.problemLine, ["pages": String(problem.pages), "findings": String(problem.findings)])
                out += "  \(problem.check)  \(say(Words.impact(problem.impact)))  \(counts)\n"
            }
        }
        if !run.gate.passed {
            out += paint(say(Words.gateFailed), "31") + "\n"
            for reason in run.gate.reasons { out += "  - " + reason[language] + "\n" }
        }
        try sink.write(out)
    }
}
