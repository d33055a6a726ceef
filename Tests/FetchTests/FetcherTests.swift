import Foundation
import Testing
import ShilaoCore
import TestSupport
@testable import ShilaoFetch

/// Routes shared by the fetch tests: every way a server can answer or fail.
let routes: @Sendable (String, Int) -> TestServer.Reply = { path, hit in
    switch path {
    case let page where page.hasPrefix("/page/"):
        return .html("<html lang=\"zh-CN\"><head><title>页面 \(page.dropFirst(6))</title></head><body><p>\(page)</p></body></html>")
    case "/redirect": return .redirect("/page/redirected")
    case "/loop/a": return .redirect("/loop/b")
    case "/loop/b": return .redirect("/loop/a")
    case let chain where chain.hasPrefix("/chain/"):
        let left = Int(chain.dropFirst(7)) ?? 0
        return left == 0 ? .html("<p>end</p>") : .redirect("/chain/\(left - 1)")
    case "/missing": return .status(404)
    case "/broken": return .status(500)
    // Far past the 1.5 s deadline, so the test can tell "gave up" from "waited" on a loaded machine.
    case "/slow": return .delayed(seconds: 30, .html("<p>late</p>"))
    case "/reset": return .reset
    case "/big": return .respond(status: 200, headers: [("Content-Type", "text/html")], body: [UInt8](repeating: 0x41, count: 20 << 20))
    case "/gbk":
        // "政府" in GBK, declared only in the Content-Type header.
        let body = Array("<html><head><title>".utf8) + [0xD5, 0xFE, 0xB8, 0xAE] + Array("</title></head></html>".utf8)
        return .respond(status: 200, headers: [("Content-Type", "text/html; charset=GBK")], body: body)
    case "/gzip":
        return .respond(status: 200, headers: [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
                        body: GzipWriter.compress(Array("<html><head><title>压缩页面</title></head></html>".utf8)))
    case "/pdf": return .respond(status: 200, headers: [("Content-Type", "application/pdf")], body: Array("%PDF-1.4".utf8))
    case "/busy": return hit == 1 ? .status(503, headers: [("Retry-After", "0")]) : .html("<title>终于好了</title>")
    default: return .status(404)
    }
}

/// The shipping deadlines with one retry. Tests that expect an answer keep the 60 s default:
/// CPU-bound suites (hostile pages) can hold both cooperative threads of this 2-core machine for
/// seconds, and every redirect hop resumes on one of them, so 6 s once turned a five-hop chain
/// into a timeout in CI.
func answerSettings() -> FetchSettings {
    var settings = FetchSettings()
    settings.retries = 1
    return settings
}

/// A deadline short enough that a page 30 s late fails fast, for the one test about timeouts.
func deadlineSettings() -> FetchSettings {
    var settings = answerSettings()
    settings.totalTimeout = 6
    settings.readTimeout = 6
    return settings
}

/// A fetcher that is always shut down, as AsyncHTTPClient requires.
func withFetcher(_ settings: FetchSettings = answerSettings(), _ body: (Fetcher) async throws -> Void) async throws {
    let fetcher = Fetcher(settings: settings)
    do {
        try await body(fetcher)
    } catch {
        await fetcher.shutdown()
        throw error
    }
    await fetcher.shutdown()
}

@Suite(.serialized) struct FetcherTests {
    @Test func everyAnswerBecomesAnOutcome() async throws {
        try await TestServer.with(routes: routes) { server in
            try await withFetcher { fetcher in
                let base = server.base
                guard case .page(let final, 200, let body, let charset) = await fetcher.fetch("\(base)/page/1") else {
                    Issue.record("a 200 page must be a page")
                    return
                }
                #expect(final == "\(base)/page/1")
                #expect(charset == "utf-8")
                #expect(String(decoding: body, as: UTF8.self).contains("页面 1"))

                if case .page(let final, _, _, _) = await fetcher.fetch("\(base)/redirect") {
                    #expect(final == "\(base)/page/redirected")
                } else { Issue.record("a redirect must be followed") }

                if case .page(let final, _, _, _) = await fetcher.fetch("\(base)/chain/5") {
                    #expect(final == "\(base)/chain/0")
                } else { Issue.record("five redirects are allowed") }

                #expect(await fetcher.fetch("\(base)/chain/6") == .failed(finalURL: "\(base)/chain/0", reason: "more than 5 redirects", status: nil))
                #expect(await fetcher.fetch("\(base)/loop/a") == .failed(finalURL: "\(base)/loop/a", reason: "redirect loop at \(base)/loop/a", status: nil))
                #expect(await fetcher.fetch("\(base)/missing") == .failed(finalURL: "\(base)/missing", reason: "HTTP 404", status: 404))
                #expect(await fetcher.fetch("\(base)/broken") == .failed(finalURL: "\(base)/broken", reason: "HTTP 500", status: 500))
                #expect(await fetcher.fetch("\(base)/pdf") == .skipped(finalURL: "\(base)/pdf", contentType: "application/pdf"))
            }
        }
    }

    @Test func timeoutsResetsAndSizeLimitsAreErrorsNotHangs() async throws {
        try await TestServer.with(routes: routes) { server in
            try await withFetcher(deadlineSettings()) { fetcher in
                let started = Date()
                guard case .failed(_, let slow, _) = await fetcher.fetch("\(server.base)/slow") else {
                    Issue.record("a page past the deadline must fail")
                    return
                }
                #expect(slow.contains("timed out"))
                // Under the page's 30 s rather than near the 6 s deadline: a loaded machine can hold both
                // cooperative threads for seconds before the failure resumes this test.
                #expect(Date().timeIntervalSince(started) < 25, "the fetch gave up at its deadline, not when the page came")

                guard case .failed(_, let reset, nil) = await fetcher.fetch("\(server.base)/reset") else {
                    Issue.record("a reset connection must fail")
                    return
                }
                #expect(!reset.isEmpty)
                #expect(server.hits("/reset") == 2, "one retry after a connection error")

                guard case .failed(_, let big, 200) = await fetcher.fetch("\(server.base)/big") else {
                    Issue.record("a body past the limit must fail")
                    return
                }
                #expect(big == "the response is larger than 10485760 bytes (--max-page-size)")
            }
        }
    }

    /// `--timeout` counts from a URL's turn at its host: with `--per-host 1`, four pages answered
    /// 1 s late take 4 s, and the last ones waited 3 s before being asked for — they used to time
    /// out at 2.5 s without ever being requested.
    @Test func aURLWaitingForItsHostHasItsWholeTimeout() async throws {
        var settings = answerSettings()
        settings.perHost = 1
        settings.totalTimeout = 2.5
        try await TestServer.with(routes: { path, _ in .delayed(seconds: 1, .html("<title>\(path)</title>")) }) { server in
            try await withFetcher(settings) { fetcher in
                let outcomes = await withTaskGroup(of: FetchOutcome.self) { group in
                    for page in 0..<4 { group.addTask { await fetcher.fetch("\(server.base)/p\(page)") } }
                    return await group.reduce(into: []) { $0.append($1) }
                }
                #expect(outcomes.count == 4)
                for outcome in outcomes {
                    guard case .page = outcome else {
                        Issue.record("\(outcome)")
                        continue
                    }
                }
                #expect(server.mostAtOnce == 1)
            }
        }
    }

    @Test func charsetCompressionAndRetryAfter() async throws {
        try await TestServer.with(routes: routes) { server in
            try await withFetcher { fetcher in
                let auditor = Auditor(engine: Engine(checks: [titleEcho]))
                var titles: [String: String] = [:]
                try await Runner(auditor: auditor, jobs: 2, concurrency: 4, fetcher: fetcher)
                    .run(["/gbk", "/gzip", "/busy"].map { .web(server.base + $0) }, ordered: true) { record in
                        titles[record.url] = record.audit.findings.first?.message.en
                    }
                #expect(titles["\(server.base)/gbk"] == "政府")
                #expect(titles["\(server.base)/gzip"] == "压缩页面")
                #expect(titles["\(server.base)/busy"] == "终于好了")
                #expect(server.hits("/busy") == 2)
            }
        }
    }

    @Test func everyURLEndsWithExactlyOneRecord() async throws {
        try await TestServer.with(routes: routes) { server in
            try await withFetcher { fetcher in
                let paths = (0..<40).map { "/page/\($0)" } + ["/missing", "/broken", "/reset", "/pdf", "/loop/a", "/redirect"]
                let inputs = InputSequence(known: paths.map { .web(server.base + $0) } + [.web(server.base + "/page/3")])
                var records: [PageRecord] = []
                try await Runner(auditor: Auditor(engine: Engine(checks: [titleEcho])), jobs: 2, concurrency: 16, fetcher: fetcher)
                    .run(inputs, ordered: false) { records.append($0) }
                #expect(records.count == paths.count)
                #expect(Set(records.map(\.url)) == Set(paths.map { server.base + $0 }))
                let byURL = Dictionary(uniqueKeysWithValues: records.map { ($0.url, $0) })
                #expect(byURL["\(server.base)/missing"]?.status == .error)
                #expect(byURL["\(server.base)/pdf"]?.status == .skipped)
                #expect(byURL["\(server.base)/redirect"]?.finalURL == "\(server.base)/page/redirected")
                #expect(byURL["\(server.base)/page/7"]?.status == .ok)
            }
        }
    }
}

/// Reports each page's title as a finding, so tests can see what text the page decoded to.
struct TitleEcho: Check {
    func run(on page: Page, into results: inout Results) {
        if let title = page.document.elements(named: "title").first {
            results.fail(title, "fail", ["text": title.textContent])
        }
    }
}

let titleEcho = CatalogueEntry(
    metadata: CheckMetadata(
        id: "title-echo", title: Localized(zhCN: "t", en: "t"), rationale: Localized(zhCN: "r", en: "r"),
        fix: Localized(zhCN: "f", en: "f"), messages: ["fail": Localized(zhCN: "{text}", en: "{text}")],
        impact: .minor, category: .accessibility, standards: [], act: [], examples: Examples(),
        implementation: .swift, file: "title-echo.yml"),
    check: TitleEcho())
