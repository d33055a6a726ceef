import Foundation
import ShilaoCore

/// `--format md`: the scores and the remediation list in Markdown, for an issue or a merge
/// request: per check what to fix, how (the catalogue's examples), the clauses, and every
/// page, line, element path and snippet. Prose is HTML-escaped: fixes quote markup, which a
/// Markdown viewer would otherwise render.
enum MarkdownReport {
    static func render(_ run: RunReport) -> String {
        let language = run.language
        func say(_ words: Localized, _ data: [String: String] = [:]) -> String { words.filled(data)[language] }
        var out = "# " + say(HTMLWords.title) + "\n\n"
        if !run.sites.isEmpty {
            out += "| " + say(HTMLWords.profile) + " | " + say(HTMLWords.score) + " | " + say(HTMLWords.passMark) + " | "
                + say(HTMLWords.verdict) + " |\n|---|---:|---:|---|\n"
            for site in run.sites {
                var verdict = say(site.passed ? Words.pass : Words.fail)
                if !site.vetoFailed.isEmpty { verdict += say(Words.vetoFailed, ["checks": site.vetoFailed.map(\.check).joined(separator: ", ")]) }
                out += "| \(site.profile) | \(site.score.map(ScoreText.format) ?? "–") | \(ScoreText.format(site.passMark)) | \(verdict) |\n"
            }
            out += "\n"
        } else {
            out += say(Words.unscored, ["profile": run.profile.id]) + "\n\n"
        }
        for note in run.notes { out += "> " + note[language] + "\n\n" }
        out += say(Words.summary, [
            "pages": String(run.totals.pages), "errors": String(run.totals.errors),
            "failed": String(run.totals.failed), "review": String(run.totals.needsReview),
        ]) + "\n\n"
        if let diff = run.baseline {
            out += say(Words.baseline, ["new": String(diff.new), "fixed": String(diff.fixed.count), "unchanged": String(diff.unchanged)]) + "\n\n"
        }
        let unstyled = run.pages.filter { !$0.record.audit.styleProblems.isEmpty }
        if !unstyled.isEmpty {
            out += "## " + say(HTMLWords.styleProblemPages) + "\n\n" + say(Words.styleProblemsIntro) + "\n\n"
            for page in unstyled {
                out += "- " + Markup.escape(page.record.url) + "：" + Markup.escape(page.record.audit.styleProblems.joined(separator: "; ")) + "\n"
            }
            out += "\n"
        }
        out += "## " + say(HTMLWords.remediation) + "\n\n"
        let items = RemediationItem.list(run)
        if items.isEmpty { out += say(Words.clean) + "\n" }
        for (index, item) in items.enumerated() {
            out += "### \(index + 1). `\(item.check)` \(Markup.escape(item.title(language)))\n\n"
            out += say(HTMLWords.itemCounts, ["impact": say(Words.impact(item.impact)), "pages": String(item.pages),
                                              "count": String(item.occurrences.count)]) + "\n\n"
            out += "**" + say(HTMLWords.whatToFix) + "**" + Markup.escape(item.fix(language)) + "\n\n"
            if let example = item.example {
                out += "**" + say(HTMLWords.before) + "**\n\n" + fence(example.fail) + "**" + say(HTMLWords.after) + "**\n\n" + fence(example.pass)
            }
            if !item.clauses.isEmpty {
                out += "**" + say(Words.clauses) + "**" + item.clauses.map { $0.citation[language] }.joined(separator: say(Words.clauseSeparator)) + "\n\n"
            }
            out += "| " + [HTMLWords.page, HTMLWords.line, HTMLWords.path, HTMLWords.snippet, HTMLWords.problem].map { say($0) }
                .joined(separator: " | ") + " |\n|---|---:|---|---|---|\n"
            for occurrence in item.occurrences {
                let location = occurrence.finding.location
                let cells = [occurrence.url + (occurrence.isNew && run.baseline != nil ? " " + say(HTMLWords.new) : ""),
                             location.map { String($0.line) } ?? "", location.map { "`\($0.path)`" } ?? "",
                             location.map { code($0.snippet) } ?? "", Markup.escape(occurrence.finding.message[language])]
                out += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
            }
            out += "\n"
        }
        return out
    }

    /// A fenced block long enough that backticks inside the code cannot close it.
    static func fence(_ code: String) -> String {
        var longest = 0
        var run = 0
        for character in code {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let marks = String(repeating: "`", count: max(3, longest + 1))
        return "\(marks)html\n\(code)\n\(marks)\n\n"
    }

    /// Inline code that survives backticks in the snippet.
    static func code(_ text: String) -> String {
        text.contains("`") ? "<code>\(Markup.escape(text))</code>" : "`\(text)`"
    }

    /// A table cell: pipes escaped, line breaks flattened.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
