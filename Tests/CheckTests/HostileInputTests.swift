import Foundation
import Testing
import ShilaoChecks
import ShilaoCore
import ShilaoDOM

/// Pages built to break an auditor: every check must give a result on each within a budget
/// (debug builds; the release benchmark runs the biggest ones, `Benchmarks/run.sh --hostile`).
/// A check that is quadratic in depth or in the number of siblings overruns by minutes.
@Suite(.serialized) struct HostileInputTests {
    /// Address and thread sanitizer builds run 5–20 times slower; the budgets are there to
    /// catch quadratic work, which overruns by far more than that.
    static let slowdown: Int64 = dlsym(nil, "__asan_init") != nil || dlsym(nil, "__tsan_init") != nil ? 20 : 1

    /// Runs every check of the catalogue on the page and returns the ids of checks that took
    /// longer than `budget`, with their time, and the page's outcomes.
    static func audit(_ bytes: [UInt8], budget: Duration) throws -> (slow: [String], outcomes: [String: Outcome]) {
        let document = try Loader.load(bytes)
        return withExtendedLifetime(document) {
            let page = Page(document: document, url: "hostile.html")
            var slow: [String] = []
            var outcomes: [String: Outcome] = [:]
            let clock = ContinuousClock()
            for entry in Fixture.entries {
                var results = Results()
                let elapsed = clock.measure { entry.check.run(on: page, into: &results) }
                if elapsed > budget * slowdown { slow.append("\(entry.metadata.id) \(elapsed)") }
                outcomes[entry.metadata.id] = results.outcome
            }
            return (slow, outcomes)
        }
    }

    static func page(_ body: String, head: String = "") -> [UInt8] {
        Array("<!DOCTYPE html><html lang=\"zh-CN\"><head><title>t</title>\(head)</head><body>\(body)</body></html>".utf8)
    }

    /// Nested elements of the kinds the quadratic patterns met: links, navigation, headings,
    /// landmarks, scroll boxes, focusable aria-hidden content, tables, positioned layers,
    /// spaced-out words. Nested controls (`role="button"` in `role="button"`) are left out: the
    /// elder checks that read every control's words still take depth × text on them.
    static func deepPage(depth: Int) -> [UInt8] {
        let levels = [
            "<div class=\"c\" style=\"overflow:auto;position:absolute\">", "<section role=\"navigation\">",
            "<span lang=\"zh\">", "<div tabindex=\"0\" aria-hidden=\"true\">", "<table><tr><td>", "<main>",
        ]
        let closers = ["</div>", "</section>", "</span>", "</div>", "</td></tr></table>", "</main>"]
        var open = ""
        var close = ""
        for level in 0..<depth {
            open += levels[level % levels.count] + (level % 50 == 0 ? "<h2>项　目</h2>姓　名\n" : "")
            close = closers[level % closers.count] + close
        }
        return page("<a href=\"#x\">跳过</a><a href=\"/a\">首页</a>" + open + "<p>内容内容内容内容</p>" + close,
                    head: "<style>.c .c .c .c p { color: #777 } div > section span { font-size: 12px }</style>")
    }

    @Test func deepNestingFinishesInLinearTime() throws {
        // Depth 100,000 runs in the benchmark (release); debug builds keep the suite quick.
        let audit = try Self.audit(Self.deepPage(depth: 5_000), budget: .seconds(3))
        #expect(audit.slow.isEmpty, "slow checks: \(audit.slow)")
        #expect(audit.outcomes["fullwidth-space-layout"] == .failed)
    }

    @Test func manySiblingsWithIDsAndFindings() throws {
        // 100,000 runs in the benchmark (release); 20,000 is enough for quadratic work to overrun.
        var body = ""
        for n in 0..<20_000 {
            // Half the ids repeat and every image lacks alt: 20,000 findings, each with a path.
            body += "<div id=\"i\(n / 2)\" aria-labelledby=\"i\(n + 1)\"><img src=\"\(n).png\"></div>"
        }
        let audit = try Self.audit(Self.page(body), budget: .seconds(3))
        #expect(audit.slow.isEmpty, "slow checks: \(audit.slow)")
        #expect(audit.outcomes["duplicate-id"] == .failed)
    }

    @Test func megabyteAttributeValue() throws {
        let value = String(repeating: "长辈版 ", count: 350_000)
        let audit = try Self.audit(Self.page("<a href=\"/\(value)\" title=\"\(value)\">\(value)</a><img alt=\"\(value)\">"),
                                   budget: .seconds(3))
        #expect(audit.slow.isEmpty, "slow checks: \(audit.slow)")
    }

    @Test func invalidUTF8MixedEncodingsAndNULBytes() throws {
        var bytes = Self.page("<p>村务\u{3000}公开</p><p id=\"x\">BAD</p><p>姓　　名</p>")
        let bad: [UInt8] = [0xFF, 0xC0, 0x80, 0x00, 0xE6, 0x9D, 0xD6, 0xD0, 0xCE, 0xC4, 0x00, 0xED, 0xA0, 0x80]
        let marker = bytes.firstIndex(of: UInt8(ascii: "B"))!
        bytes.replaceSubrange(marker..<(marker + 3), with: bad)
        let audit = try Self.audit(bytes, budget: .seconds(2))
        #expect(audit.slow.isEmpty, "slow checks: \(audit.slow)")
        // The repaired bytes leave the rest of the page in UTF-8: the spaced word after them is found.
        #expect(audit.outcomes["fullwidth-space-layout"] == .failed)
        // A GBK page declared as such, with NULs, audits too.
        let gbk: [UInt8] = Array("<html><head><meta charset=\"gbk\"></head><body><p>".utf8) + [0xB4, 0xE5, 0x00, 0xCE, 0xF1]
            + Array("</p></body></html>".utf8)
        #expect(try Self.audit(gbk, budget: .seconds(2)).slow.isEmpty)
    }

    @Test func stylesheetOfHundredThousandRulesAndPathologicalSelectors() throws {
        var sheet = ""
        for n in 0..<100_000 { sheet += ".c\(n) div > p a[href^=x]{color:#\(n % 10)\(n % 10)\(n % 10)}" }
        // Selectors that explode a naive matcher or parser: long descendant chains on a deep
        // tree, deep :is/:not nesting, :has over everything, huge attribute selectors.
        sheet += String(repeating: "div ", count: 200) + "p{color:red}"
        sheet += String(repeating: ":is(", count: 5_000) + "p" + String(repeating: ")", count: 5_000) + "{color:red}"
        sheet += String(repeating: ":not(", count: 5_000) + "p" + String(repeating: ")", count: 5_000) + "{color:red}"
        sheet += "div:has(div div div p) :nth-child(2n+1 of div, p){color:blue}"
        sheet += "[title=\"" + String(repeating: "x", count: 100_000) + "\"]{color:red}"
        sheet += String(repeating: "{", count: 50_000) + String(repeating: "(", count: 50_000)
        let body = String(repeating: "<div>", count: 300) + "<p><a href=\"x\">链接</a></p>" + String(repeating: "</div>", count: 300)
        let audit = try Self.audit(Self.page(body, head: "<style>\(sheet)</style>"), budget: .seconds(15))
        #expect(audit.slow.isEmpty, "slow checks: \(audit.slow)")
    }

    @Test func largePageGivesAResult() throws {
        // 50 MB runs in the benchmark (release); 2 MB of paragraphs and one huge text node here.
        var body = String(repeating: "<p class=\"a\">村务公开 text <a href=\"#x\">link</a></p>\n", count: 20_000)
        body += "<div>" + String(repeating: "长文本 ", count: 100_000) + "</div>"
        let bytes = Self.page(body)
        #expect(bytes.count > 2_000_000)
        let audit = try Self.audit(bytes, budget: .seconds(3))
        #expect(audit.slow.isEmpty, "slow checks: \(audit.slow)")
    }
}
