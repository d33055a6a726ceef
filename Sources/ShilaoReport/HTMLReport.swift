import Foundation
import ShilaoCore

/// `--format html`: one self-contained page (inline CSS and SVG, no script) for site staff:
/// score gauges per profile, charts by principle and by check, and the remediation list. It is
/// built to pass Shilao's own audit: landmarks, headings in order, named charts, table
/// headers, and a large-text mode with a large pointer that works without script (a `:target`
/// style), paragraphs spaced as the MIIT app spec asks (1.3 × the line height).
enum HTMLReport {
    static let style = """
        body{margin:0;font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;font-size:18px;line-height:1.6;color:#1f2937;background:#fff}
        .page:target{font-size:1.3em}
        .page:target,.page:target *{cursor:url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='48' height='48'%3E%3Cpath d='M3 3v38l10-10 8 16 7-3-8-15h15z' fill='black' stroke='white' stroke-width='2'/%3E%3C/svg%3E") 3 3,auto}
        p{margin:0 0 2.1em}
        header,main,footer{max-width:70rem;margin:0 auto;padding:0 1rem}
        header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;border-bottom:2px solid #1d4ed8}
        header ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}
        a{color:#1e40af}
        a:focus{outline:3px solid #b45309;outline-offset:2px}
        .gauges{display:flex;flex-wrap:wrap;gap:1.5rem;list-style:none;padding:0}
        .gauges li{border:1px solid #d1d5db;border-radius:8px;padding:1rem;min-width:14rem}
        .pass{color:#166534;font-weight:bold}
        .fail{color:#991b1b;font-weight:bold}
        .note{border-left:4px solid #1d4ed8;padding-left:1rem}
        pre{background:#f3f4f6;padding:.75rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
        table{border-collapse:collapse;width:100%}
        th,td{border:1px solid #d1d5db;padding:.4rem;text-align:left;vertical-align:top}
        td code{word-break:break-all}
        .remediation>li{margin-bottom:2rem}
        """

    static func render(_ run: RunReport) -> String {
        let language = run.language
        func say(_ words: Localized, _ data: [String: String] = [:]) -> String { Markup.escape(words.filled(data)[language]) }
        var out = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(say(HTMLWords.title)) — Shilao</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <div id="large" class="page">
            <header>
            <p><strong>Shilao 适老</strong></p>
            <nav aria-label="\(say(HTMLWords.contents))">
            <ul>
            <li><a href="#scores">\(say(HTMLWords.scores))</a></li>
            <li><a href="#charts">\(say(HTMLWords.charts))</a></li>
            <li><a href="#remediation">\(say(HTMLWords.remediation))</a></li>
            </ul>
            </nav>
            <p>\(say(HTMLWords.largeTextLabel))<a href="#large" lang="zh-CN">大字模式</a> · <a href="#top">\(say(HTMLWords.normalText))</a></p>
            </header>
            <main>
            <h1 id="top">\(say(HTMLWords.title))</h1>
            <p>\(say(HTMLWords.generated, ["version": ShilaoInfo.version, "profile": run.profile.id,
                                           "profileVersion": run.profile.version, "pages": String(run.totals.pages)]))</p>

            """
        out += scores(run, say)
        out += charts(run, say)
        out += remediation(run, say)
        out += "</main>\n<footer>\n<p>Shilao \(ShilaoInfo.version)</p>\n</footer>\n</div>\n</body>\n</html>\n"
        return out
    }

    /// Escaped prose with each “quotation” marked up as `q`: the words quoted from a page or
    /// the catalogue are reproduced as written, odd spacing included (`q` draws the marks).
    static func prose(_ text: String) -> String {
        Markup.escape(text).replacing(#/“([^”]*)”/#) { "<q>\($0.output.1)</q>" }
    }

    typealias Say = (Localized, [String: String]) -> String

    static func scores(_ run: RunReport, _ say: Say) -> String {
        var out = "<section aria-labelledby=\"scores\">\n<h2 id=\"scores\">\(say(HTMLWords.scores, [:]))</h2>\n"
        if run.sites.isEmpty {
            out += "<p>\(say(Words.unscored, ["profile": run.profile.id]))</p>\n"
        } else {
            out += "<ul class=\"gauges\">\n"
            for site in run.sites {
                let score = site.score.map(ScoreText.format) ?? "–"
                let verdict = say(site.passed ? Words.pass : Words.fail, [:])
                let label = say(HTMLWords.gauge, ["profile": site.profile, "score": score, "mark": ScoreText.format(site.passMark),
                                                  "verdict": verdict])
                out += "<li>\n" + gauge(site.score ?? 0, passed: site.passed, label: label, text: score)
                out += "<p>\(Markup.escape(site.profile))：<span class=\"\(site.passed ? "pass" : "fail")\">\(verdict)</span>"
                out += "（\(say(HTMLWords.passMark, [:])) \(ScoreText.format(site.passMark))）"
                if !site.vetoFailed.isEmpty {
                    out += say(Words.vetoFailed, ["checks": site.vetoFailed.map(\.check).joined(separator: ", ")])
                }
                out += "</p>\n</li>\n"
            }
            out += "</ul>\n"
        }
        for note in run.notes { out += "<p class=\"note\">\(say(note, [:]))</p>\n" }
        out += "<p>\(say(Words.summary, ["pages": String(run.totals.pages), "errors": String(run.totals.errors), "failed": String(run.totals.failed), "review": String(run.totals.needsReview)]))</p>\n"
        if let diff = run.baseline {
            out += "<p>\(say(Words.baseline, ["new": String(diff.new), "fixed": String(diff.fixed.count), "unchanged": String(diff.unchanged)]))</p>\n"
        }
        if run.gate.passed {
            out += "<p class=\"pass\">\(say(HTMLWords.gatePassed, [:]))</p>\n"
        } else {
            out += "<p class=\"fail\">\(say(Words.gateFailed, [:]))</p>\n<ul>\n"
            out += run.gate.reasons.map { "<li>\(say($0, [:]))</li>\n" }.joined() + "</ul>\n"
        }
        let errors = run.pages.filter { $0.record.status == .error }
        if !errors.isEmpty {
            out += "<h3>\(say(HTMLWords.notAudited, [:]))</h3>\n<ul>\n"
            out += errors.map { "<li>\(Markup.escape($0.record.url))：\(Markup.escape($0.record.error ?? ""))</li>\n" }.joined() + "</ul>\n"
        }
        let unstyled = run.pages.filter { !$0.record.audit.styleProblems.isEmpty }
        if !unstyled.isEmpty {
            out += "<h3>\(say(HTMLWords.styleProblemPages, [:]))</h3>\n<p>\(say(Words.styleProblemsIntro, [:]))</p>\n<ul>\n"
            out += unstyled.map { page in
                "<li>\(Markup.escape(page.record.url))：\(Markup.escape(page.record.audit.styleProblems.joined(separator: "; ")))</li>\n"
            }.joined() + "</ul>\n"
        }
        return out + "</section>\n"
    }

    /// A half-ring gauge: grey track, then the score's share of it in green (passed) or red.
    static func gauge(_ score: Double, passed: Bool, label: String, text: String) -> String {
        let share = min(max(score / 100, 0), 1)
        let x = 60 - 50 * cos(Double.pi * share)
        let y = 60 - 50 * sin(Double.pi * share)
        var svg = "<svg role=\"img\" aria-label=\"\(label)\" viewBox=\"0 0 120 72\" width=\"180\" height=\"108\">\n"
        svg += "<path d=\"M10 60 A50 50 0 0 1 110 60\" fill=\"none\" stroke=\"#e5e7eb\" stroke-width=\"12\"/>\n"
        if share > 0 {
            svg += "<path d=\"M10 60 A50 50 0 0 1 \(coordinate(x)) \(coordinate(y))\" fill=\"none\" stroke=\"\(passed ? "#166534" : "#b91c1c")\" stroke-width=\"12\"/>\n"
        }
        svg += "<text x=\"60\" y=\"58\" text-anchor=\"middle\" font-size=\"22\" fill=\"#1f2937\">\(Markup.escape(text))</text>\n</svg>\n"
        return svg
    }

    static func coordinate(_ value: Double) -> String { String(format: "%.2f", value) }

    /// Horizontal bars, each with its own words in the chart's name: the numbers are read out too.
    static func bars(_ rows: [(label: String, share: Double, value: String)], name: String, colour: String) -> String {
        let height = rows.count * 30 + 10
        var svg = "<svg role=\"img\" aria-label=\"\(name)\" viewBox=\"0 0 640 \(height)\" width=\"100%\">\n"
        for (index, row) in rows.enumerated() {
            let y = 10 + index * 30
            svg += "<text x=\"0\" y=\"\(y + 16)\" font-size=\"14\" fill=\"#1f2937\">\(Markup.escape(row.label))</text>\n"
            svg += "<rect x=\"240\" y=\"\(y)\" width=\"320\" height=\"20\" fill=\"#e5e7eb\"/>\n"
            svg += "<rect x=\"240\" y=\"\(y)\" width=\"\(coordinate(320 * min(max(row.share, 0), 1)))\" height=\"20\" fill=\"\(colour)\"/>\n"
            svg += "<text x=\"570\" y=\"\(y + 16)\" font-size=\"14\" fill=\"#1f2937\">\(Markup.escape(row.value))</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func charts(_ run: RunReport, _ say: Say) -> String {
        var out = "<section aria-labelledby=\"charts\">\n<h2 id=\"charts\">\(say(HTMLWords.charts, [:]))</h2>\n"
        if let site = run.site ?? run.sites.first {
            let rows = site.principles.map { principle in
                let share = principle.applicable > 0 ? principle.earned / principle.applicable : 0
                return (label: principle.principle.title[run.language], share: share, value: ScoreText.format(share * 100) + "%")
            }
            if !rows.isEmpty {
                out += "<h3>\(say(HTMLWords.byPrinciple, ["profile": site.profile]))</h3>\n"
                let name = rows.map { say(HTMLWords.principleBar, ["principle": $0.label, "percent": String($0.value.dropLast())]) }
                    .joined(separator: "；")
                out += bars(rows, name: name, colour: "#1d4ed8")
            }
        }
        let top = Array(run.totals.topProblems.prefix(15))
        if let most = top.map(\.pages).max(), most > 0 {
            out += "<h3>\(say(HTMLWords.byCheck, [:]))</h3>\n"
            let rows = top.map { (label: $0.check, share: Double($0.pages) / Double(most), value: String($0.pages)) }
            let name = top.map { say(HTMLWords.checkBar, ["check": $0.check, "pages": String($0.pages)]) }.joined(separator: "；")
            out += bars(rows, name: name, colour: "#b91c1c")
        }
        return out + "</section>\n"
    }

    static func remediation(_ run: RunReport, _ say: Say) -> String {
        let language = run.language
        var out = "<section aria-labelledby=\"remediation\">\n<h2 id=\"remediation\">\(say(HTMLWords.remediation, [:]))</h2>\n"
        let items = RemediationItem.list(run)
        guard !items.isEmpty else { return out + "<p>\(say(Words.clean, [:]))</p>\n</section>\n" }
        out += "<p>\(say(HTMLWords.remediationIntro, [:]))</p>\n<ol class=\"remediation\">\n"
        for (index, item) in items.enumerated() {
            out += "<li id=\"item-\(index + 1)\">\n<h3><code>\(Markup.escape(item.check))</code> \(prose(item.title(language)))</h3>\n"
            out += "<p>\(say(HTMLWords.itemCounts, ["impact": Words.impact(item.impact)[language], "pages": String(item.pages), "count": String(item.occurrences.count)]))</p>\n"
            out += "<p><strong>\(say(HTMLWords.whatToFix, [:]))</strong>\(prose(item.fix(language)))</p>\n"
            if let example = item.example {
                out += "<p>\(say(HTMLWords.before, [:]))</p>\n<pre><code>\(Markup.escape(example.fail))</code></pre>\n"
                out += "<p>\(say(HTMLWords.after, [:]))</p>\n<pre><code>\(Markup.escape(example.pass))</code></pre>\n"
            }
            if !item.clauses.isEmpty {
                out += "<p><strong>\(say(Words.clauses, [:]))</strong>"
                out += Markup.escape(item.clauses.map { $0.citation[language] }.joined(separator: Words.clauseSeparator[language])) + "</p>\n"
            }
            out += "<table>\n<caption>\(say(HTMLWords.occurrences, ["check": item.check]))</caption>\n<thead>\n<tr>"
            for header in [HTMLWords.page, HTMLWords.line, HTMLWords.path, HTMLWords.snippet, HTMLWords.problem] {
                out += "<th scope=\"col\">\(say(header, [:]))</th>"
            }
            out += "</tr>\n</thead>\n<tbody>\n"
            for occurrence in item.occurrences {
                let location = occurrence.finding.location
                let new = occurrence.isNew && run.baseline != nil ? " " + say(HTMLWords.new, [:]) : ""
                out += "<tr><td>\(Markup.escape(occurrence.url))\(new)</td><td>\(location.map { String($0.line) } ?? "")</td>"
                out += "<td><code>\(Markup.escape(location?.path ?? ""))</code></td><td><code>\(Markup.escape(location?.snippet ?? ""))</code></td>"
                out += "<td>\(prose(occurrence.finding.message[language]))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n</li>\n"
        }
        return out + "</ol>\n</section>\n"
    }
}
