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

    /// Runs `body` on a thread of its own. Swift Testing runs synchronous tests on the
    /// cooperative pool, one thread per core: seconds of CPU-bound work there kept async tests
    /// in other suites (fetches waiting to resume) from running, and once failed one in CI.
    static func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result(catching: body)) }.start()
        }
    }

    static func page(_ body: String, head: String = "") -> [UInt8] {
        Array("<!DOCTYPE html><html lang=\"zh-CN\"><head><title>t</title>\(head)</head><body>\(body)</body></html>".utf8)
    }

    /// Checks whose time grows faster than the page: each check runs on a page of size `small`
    /// and one twice as big; linear work takes about twice as long, quadratic work four times.
    /// A ratio over 3 (with a quarter second of slack for timer noise) is flagged. Comparing a
    /// check with itself, rather than with a fixed budget, holds on a loaded machine too.
    /// Other suites run alongside and load the machine, which only ever adds time: when some
    /// check looks superlinear, both pages are timed again (twice at most) and each check keeps
    /// its fastest time.
    static func superlinear(_ make: (Int) -> [UInt8], small: Int) throws -> (flagged: [String], outcomes: [String: Outcome]) {
        var little = try timings(make(small))
        var big = try timings(make(small * 2))
        func flagged() -> [String] {
            big.times.compactMap { id, time -> String? in
                let before = little.times[id] ?? .zero
                return time > before * 3 + .milliseconds(250) ? "\(id) \(before) → \(time)" : nil
            }.sorted()
        }
        for _ in 0..<2 where !flagged().isEmpty {
            little.times.merge(try timings(make(small)).times, uniquingKeysWith: min)
            big.times.merge(try timings(make(small * 2)).times, uniquingKeysWith: min)
        }
        return (flagged(), big.outcomes)
    }

    static func timings(_ bytes: [UInt8]) throws -> (times: [String: Duration], outcomes: [String: Outcome]) {
        let document = try Loader.load(bytes)
        return withExtendedLifetime(document) {
            let page = Page(document: document, url: "hostile.html")
            // Styles are computed lazily and shared; compute them first so no check pays for all.
            for element in document.elements { _ = page.style.style(of: element) }
            var times: [String: Duration] = [:]
            var outcomes: [String: Outcome] = [:]
            let clock = ContinuousClock()
            for entry in Fixture.entries {
                var results = Results()
                times[entry.metadata.id] = clock.measure { entry.check.run(on: page, into: &results) }
                outcomes[entry.metadata.id] = results.outcome
            }
            return (times, outcomes)
        }
    }

    @Test func manySiblingsWithIDsAndFindings() async throws {
        // 100,000 runs in the benchmark (release); 20,000 is enough for quadratic work to show.
        let audit = try await Self.offThePool {
            try Self.superlinear({ count in
                var body = ""
                for n in 0..<count {
                    // Half the ids repeat and every image lacks alt: a finding per image, each with a path.
                    body += "<div id=\"i\(n / 2)\" aria-labelledby=\"i\(n + 1)\"><img src=\"\(n).png\"></div>"
                }
                return Self.page(body)
            }, small: 10_000)
        }
        #expect(audit.flagged.isEmpty, "checks slower than linear in siblings: \(audit.flagged)")
        #expect(audit.outcomes["duplicate-id"] == .failed)
    }

    @Test func deepNestingWithTextLinksAndARIA() async throws {
        // 100,000 levels run in the benchmark (release); 2,000 against 4,000 shows quadratic work.
        let audit = try await Self.offThePool {
            try Self.superlinear({ depth in
                let level = "<div class=\"box\" role=\"group\" aria-label=\"层\"><p style=\"line-height:1\">村务公开段落文字，"
                    + "办理地点：县政务服务中心<a href=\"#x\" tabindex=\"0\" style=\"outline:none\">详情</a>"
                    + "<span aria-hidden=\"true\" aria-bogus=\"x\">·</span></p>"
                return Self.page(String(repeating: level, count: depth) + String(repeating: "</div>", count: depth))
            }, small: 2_000)
        }
        #expect(audit.flagged.isEmpty, "checks slower than linear in depth: \(audit.flagged)")
        #expect(audit.outcomes["elder-line-height"] == .failed)
        #expect(audit.outcomes["aria-valid-attr"] == .failed)
    }

    @Test func megabyteAttributeValues() async throws {
        let huge = String(repeating: "x", count: 1_000_000)
        let body = "<main><p>正文段落文字内容。</p><a href=\"#x\" title=\"\(huge)\" class=\"\(huge)\" onclick=\"\(huge)\" "
            + "aria-label=\"\(huge)\">链接</a><div style=\"color:red;\(huge)\">字</div>"
            + "<img alt=\"\(String(repeating: "长", count: 300_000))\" src=\"a.png\"></main>"
        let audit = try await Self.offThePool { try Self.audit(Self.page(body), budget: .seconds(10)) }
        #expect(audit.slow.isEmpty, "slow checks: \(audit.slow)")
        #expect(audit.outcomes["link-name"] == .passed)
    }

    /// FuzzAudit's one find (2026-12-05): a 1e70px font size stopped the program where a
    /// message turned it into an Int. Sizes past Int, infinite and next to zero give findings.
    @Test func fontSizesPastAnyInteger() async throws {
        let crasher = "<p style=\"font:1400000000000000000000000000000000000000000000000000000000000000000000000px/1.2 "
            + "sans-serif !important\">为进一步做好城乡居民医保参保缴费工作，现将有关事项通知如下。<br>一、缴费时间。</p>"
        let huge = try await Self.offThePool { try Self.audit(Array(crasher.utf8), budget: .seconds(2)) }
        #expect(huge.outcomes["elder-font-size"] == .passed)
        let body = "<main><p style=\"font-size:1e400px\">城乡居民医保参保缴费工作通知如下</p>"
            + "<p style=\"font-size:1e-300px; line-height:1e70px\">城乡居民医保参保缴费工作通知如下</p></main>"
        let page = Self.page(body)
        let extreme = try await Self.offThePool { try Self.audit(page, budget: .seconds(2)) }
        #expect(extreme.slow.isEmpty, "slow checks: \(extreme.slow)")
        #expect(extreme.outcomes["elder-font-size"] == .failed)
    }

    @Test func invalidUTF8MixedEncodingsAndNULBytes() async throws {
        var bytes = Self.page("<p>村务\u{3000}公开</p><p id=\"x\">BAD</p><p>姓　　名</p>")
        let bad: [UInt8] = [0xFF, 0xC0, 0x80, 0x00, 0xE6, 0x9D, 0xD6, 0xD0, 0xCE, 0xC4, 0x00, 0xED, 0xA0, 0x80]
        let marker = bytes.firstIndex(of: UInt8(ascii: "B"))!
        bytes.replaceSubrange(marker..<(marker + 3), with: bad)
        let page = bytes
        let audit = try await Self.offThePool { try Self.audit(page, budget: .seconds(2)) }
        #expect(audit.slow.isEmpty, "slow checks: \(audit.slow)")
        // The repaired bytes leave the rest of the page in UTF-8: the spaced word after them is found.
        #expect(audit.outcomes["fullwidth-space-layout"] == .failed)
        // A GBK page declared as such, with NULs, audits too.
        let gbk: [UInt8] = Array("<html><head><meta charset=\"gbk\"></head><body><p>".utf8) + [0xB4, 0xE5, 0x00, 0xCE, 0xF1]
            + Array("</p></body></html>".utf8)
        #expect(try await Self.offThePool { try Self.audit(gbk, budget: .seconds(2)) }.slow.isEmpty)
    }

    @Test func stylesheetOfHundredThousandRulesAndPathologicalSelectors() async throws {
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
        let page = Self.page(body, head: "<style>\(sheet)</style>")
        let audit = try await Self.offThePool { try Self.audit(page, budget: .seconds(15)) }
        #expect(audit.slow.isEmpty, "slow checks: \(audit.slow)")
    }

    /// A page linking 20,000 sheets that are not there: every contrast finding named them all
    /// (583 MB of JSON Lines for a 740 KB page). The record lists twenty and counts the rest;
    /// a finding names two.
    @Test func twentyThousandMissingSheets() async throws {
        let links = (0..<20_000).map { "<link rel=stylesheet href=missing\($0).css>" }.joined()
        let body = (0..<200).map { "<p style=\"color:#777\">文字\($0)</p>" }.joined()
        let bytes = Self.page(body, head: links)
        let audit = try await Self.offThePool { () throws -> PageAudit in
            let document = try Loader.load(bytes)
            return withExtendedLifetime(document) {
                Engine(checks: Fixture.entries).audit(Page(document: document, url: "/nowhere/hostile.html"))
            }
        }
        #expect(audit.styleProblems.count == 21)
        #expect(audit.styleProblems.last == "and 19980 more stylesheet problems")
        let contrast = audit.findings.filter { $0.check == "text-contrast" }
        #expect(contrast.count == 200)
        #expect(contrast.allSatisfy { $0.message.en.count < 400 }, "\(contrast.first?.message.en ?? "")")
    }
}
