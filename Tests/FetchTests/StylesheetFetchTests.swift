import Foundation
import Testing
import ShilaoCore
import ShilaoDOM
import ShilaoStyle
import TestSupport
@testable import ShilaoFetch

/// Reports each paragraph's computed font size and colour, to see which sheets reached the cascade.
struct ParagraphStyle: Check {
    func run(on page: Page, into results: inout Results) {
        for p in page.document.elements(named: "p") {
            let style = page.style.style(of: p)
            results.fail(p, "fail", ["text": "\(Int(style.fontSize))px \(page.style.isRendered(p) ? "shown" : "hidden")"])
        }
    }
}

/// A page with one paragraph linking the sheets `s0.css` to `s<count - 1>.css`.
func pageLinking(_ count: Int) -> TestServer.Reply {
    .html("<html><head>" + (0..<count).map { "<link rel=stylesheet href=s\($0).css>" }.joined() + "</head><body><p>x</p></body></html>")
}

/// What `ParagraphStyle` reports on each page of `inputs`, their sheets fetched over HTTP.
func paragraphStyles(_ inputs: [Input], fetcher: Fetcher, jobs: Int, concurrency: Int) async throws -> [String] {
    let entry = CatalogueEntry(metadata: titleEcho.metadata, check: ParagraphStyle())
    let auditor = Auditor(engine: Engine(checks: [entry]))
    var seen: [String] = []
    try await Runner(auditor: auditor, jobs: jobs, concurrency: concurrency, fetcher: fetcher)
        .run(inputs, ordered: true) { record in
            seen.append(record.audit.findings.map(\.message.en).joined(separator: ", "))
        }
    return seen
}

/// Reports the first paragraph's font size as the page is, turned to portrait and with motion
/// reduced, and the sheets that could not be loaded.
struct ScreenStyles: Check {
    func run(on page: Page, into results: inout Results) {
        guard let p = page.document.elements(named: "p").first else { return }
        let sizes = [page.style, page.style.turned(to: .portrait), page.style.assuming(prefersReducedMotion: true)]
            .map { "\(Int($0.style(of: p).fontSize))px" }
        let problems = [page.style, page.style.turned(to: .portrait), page.style.assuming(prefersReducedMotion: true)]
            .flatMap(\.problems)
        results.fail(p, "fail", ["text": sizes.joined(separator: " ") + "; problems: " + (problems.isEmpty ? "none" : problems.joined(separator: ", "))])
    }
}

@Suite(.serialized) struct StylesheetFetchTests {
    @Test func linkedAndImportedSheetsAreFetchedOncePerRun() async throws {
        let routes: @Sendable (String, Int) -> TestServer.Reply = { path, _ in
            switch path {
            case "/a.html", "/b.html":
                return .html("<html><head><link rel=stylesheet href=\"css/site.css\"></head><body><p>x</p><p class=gone>y</p></body></html>")
            case "/css/site.css":
                return .css("@import url(more.css); p { font-size: 20px }")
            case "/css/more.css": return .redirect("/css/moved.css")
            case "/css/moved.css":
                return .css(".gone { display: none }")
            default: return .status(404)
            }
        }
        try await TestServer.with(routes: routes) { server in
            try await withFetcher { fetcher in
                let seen = try await paragraphStyles([.web(server.base + "/a.html"), .web(server.base + "/b.html")], fetcher: fetcher, jobs: 2, concurrency: 2)
                #expect(seen == ["20px shown, 20px hidden", "20px shown, 20px hidden"])
                #expect(server.hits("/css/site.css") == 1)
                #expect(server.hits("/css/moved.css") == 1)
            }
        }
    }

    /// With one core, each page's sheets (and the sheets they import) are answered only once the
    /// other page's have been asked for too: a page that held the core while its sheets arrived
    /// would wait for the other page's sheets, which no one asks for until the core is free.
    @Test func sheetsAreFetchedWithoutHoldingACore() async throws {
        let routes: @Sendable (String, Int) -> TestServer.Reply = { path, _ in
            switch path {
            case "/a.html", "/b.html":
                let name = path.dropFirst().prefix(1)
                return .html("<html><head><link rel=stylesheet href=\"\(name).css\"></head><body><p>x</p><p class=gone>y</p></body></html>")
            case "/a.css": return .awaiting(path: "/b.css", .css("@import url(a2.css); p { font-size: 20px }"))
            case "/b.css": return .awaiting(path: "/a.css", .css("@import url(b2.css); p { font-size: 20px }"))
            case "/a2.css": return .awaiting(path: "/b2.css", .css(".gone { display: none }"))
            case "/b2.css": return .awaiting(path: "/a2.css", .css(".gone { display: none }"))
            default: return .status(404)
            }
        }
        try await TestServer.with(routes: routes) { server in
            try await withFetcher { fetcher in
                let seen = try await paragraphStyles([.web(server.base + "/a.html"), .web(server.base + "/b.html")], fetcher: fetcher, jobs: 1, concurrency: 2)
                #expect(seen == ["20px shown, 20px hidden", "20px shown, 20px hidden"])
                for sheet in ["/a.css", "/b.css", "/a2.css", "/b2.css"] { #expect(server.hits(sheet) == 1) }
            }
        }
    }

    /// A page's prefetched sheets stay with it until it is audited, though the run's cache drops
    /// them to make room for the next page's.
    @Test func aPageKeepsItsPrefetchedSheets() async throws {
        let routes: @Sendable (String, Int) -> TestServer.Reply = { path, _ in
            switch path {
            case "/a.css", "/b.css":
                return .css("/* \(path) */ p { font-size: 20px }")
            default: return .status(404)
            }
        }
        try await TestServer.with(routes: routes) { server in
            try await withFetcher { fetcher in
                let loader = WebStylesheets(fetcher: fetcher, files: FileStylesheetLoader(), cache: StylesheetCache(linkedLimit: 1))
                func prefetch(_ name: String) async throws -> StylesheetLoader {
                    let page = try Loader.load(Array("<link rel=stylesheet href=\(name).css><p>x</p>".utf8), url: server.base + "/\(name).html")
                    return await loader.prefetch(for: page, pageURL: server.base + "/\(name).html", viewport: .desktop)
                }
                let a = try await prefetch("a")
                _ = try await prefetch("b")
                let sheet = a.stylesheet(at: URL(string: server.base + "/a.css")!)
                #expect((try? sheet.get()) != nil)
                #expect(server.hits("/a.css") == 1)
                #expect(server.hits("/b.css") == 1)
            }
        }
    }

    /// A page linking many sheets fetches a few at a time, not every one at once.
    @Test func aPageFetchesAFewSheetsAtOnce() async throws {
        let count = WebStylesheets.sheetsAtOnce * 3
        let routes: @Sendable (String, Int) -> TestServer.Reply = { path, _ in
            if path == "/page.html" { return pageLinking(count) }
            let size = path.dropFirst(2).prefix { $0.isNumber }
            // Long enough that the first eight are all waiting before any is answered.
            return .delayed(seconds: 0.2, .css("p { font-size: \(size)px }"))
        }
        var settings = answerSettings()
        settings.perHost = count
        try await TestServer.with(routes: routes) { server in
            try await withFetcher(settings) { fetcher in
                let seen = try await paragraphStyles([.web(server.base + "/page.html")], fetcher: fetcher, jobs: 1, concurrency: 1)
                #expect(seen == ["\(count - 1)px shown"])
                #expect(server.mostAtOnce == WebStylesheets.sheetsAtOnce)
            }
        }
    }
    /// Sheets are requests to the site like its pages: `--per-host` and `--delay` hold for them,
    /// so a fragile township server never sees more at once or sooner than the run promised.
    @Test func sheetsKeepThePerHostLimitAndTheDelay() async throws {
        let routes: @Sendable (String, Int) -> TestServer.Reply = { path, _ in
            switch path {
            case "/a.html", "/b.html":
                return .html("<html><head><link rel=stylesheet href=\"one.css\"><link rel=stylesheet href=\"two.css\"></head><body><p>x</p></body></html>")
            case "/one.css": return .delayed(seconds: 0.1, .css("p { font-size: 20px }"))
            case "/two.css": return .delayed(seconds: 0.1, .css("p { color: #333 }"))
            default: return .status(404)
            }
        }
        var settings = answerSettings()
        settings.perHost = 1
        settings.delay = 0.3
        try await TestServer.with(routes: routes) { server in
            try await withFetcher(settings) { fetcher in
                let seen = try await paragraphStyles([.web(server.base + "/a.html"), .web(server.base + "/b.html")], fetcher: fetcher, jobs: 2, concurrency: 4)
                #expect(seen == ["20px shown", "20px shown"])
                #expect(server.mostAtOnce == 1)
                let arrivals = server.arrivals
                #expect(arrivals.count == 4)
                #expect(Set(arrivals.map(\.path)) == ["/a.html", "/b.html", "/one.css", "/two.css"])
                // The gate spaces starts by 300 ms (without it these four arrive within about 0.1 s). Less
                // reaches the server when a request leaves a loaded client late and the next on time.
                for (earlier, later) in zip(arrivals, arrivals.dropFirst()) {
                    #expect(later.at - earlier.at >= 0.15, "\(later.path) came \(later.at - earlier.at) s after \(earlier.path)")
                }
                if let first = arrivals.first, let last = arrivals.last {
                    #expect(last.at - first.at >= 0.6, "four requests within \(last.at - first.at) s")
                }
            }
        }
    }

    /// A sheet the server refuses once (503) is asked for again like a page: a page styled without
    /// it would be audited with the wrong colours and sizes.
    @Test func aSheetIsRetriedLikeAPage() async throws {
        let routes: @Sendable (String, Int) -> TestServer.Reply = { path, hit in
            switch path {
            case "/page.html": return .html("<html><head><link rel=stylesheet href=\"site.css\"></head><body><p>x</p></body></html>")
            case "/site.css": return hit == 1 ? .status(503, headers: [("Retry-After", "0")]) : .css("p { font-size: 20px }")
            default: return .status(404)
            }
        }
        try await TestServer.with(routes: routes) { server in
            try await withFetcher { fetcher in
                let seen = try await paragraphStyles([.web(server.base + "/page.html")], fetcher: fetcher, jobs: 1, concurrency: 1)
                #expect(seen == ["20px shown"])
                #expect(server.hits("/site.css") == 2)
            }
        }
    }

    /// The engine also styles a page turned to the other orientation and with motion reduced; the
    /// sheets only those screens read are fetched before the audit as well.
    @Test func sheetsOfTheOtherScreensAreFetchedToo() async throws {
        let routes: @Sendable (String, Int) -> TestServer.Reply = { path, _ in
            switch path {
            case "/page.html":
                return .html("""
                    <html><head><link rel=stylesheet href="base.css">
                    <link rel=stylesheet media="(orientation: portrait)" href="portrait.css">
                    <link rel=stylesheet media="(prefers-reduced-motion: reduce)" href="still.css"></head>
                    <body><p>x</p></body></html>
                    """)
            case "/base.css": return .css("@import url(narrow.css) (orientation: portrait); p { font-size: 16px }")
            case "/portrait.css": return .css("p { font-size: 20px }")
            case "/narrow.css": return .css("p { color: #333 }")
            case "/still.css": return .css("p { font-size: 30px }")
            default: return .status(404)
            }
        }
        try await TestServer.with(routes: routes) { server in
            try await withFetcher { fetcher in
                let entry = CatalogueEntry(metadata: titleEcho.metadata, check: ScreenStyles())
                var seen: [String] = []
                try await Runner(auditor: Auditor(engine: Engine(checks: [entry])), jobs: 1, concurrency: 1, fetcher: fetcher)
                    .run([.web(server.base + "/page.html")]) { record in
                        seen = record.audit.findings.map(\.message.en)
                    }
                #expect(seen == ["16px 20px 30px; problems: none"])
                for sheet in ["/base.css", "/portrait.css", "/narrow.css", "/still.css"] { #expect(server.hits(sheet) == 1) }
            }
        }
    }

    /// A local page audited in a run that fetches gets the sheets it links on the web.
    @Test func aLocalPageInARunThatFetchesGetsItsWebSheets() async throws {
        let routes: @Sendable (String, Int) -> TestServer.Reply = { path, _ in
            path == "/site.css" ? .css("p { font-size: 20px }") : .status(404)
        }
        try await TestServer.with(routes: routes) { server in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-local-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let page = folder.appendingPathComponent("page.html").path
            try "<link rel=stylesheet href=\"\(server.base)/site.css\"><p>x</p>".write(toFile: page, atomically: true, encoding: .utf8)
            try await withFetcher { fetcher in
                let seen = try await paragraphStyles([.file(name: page, path: page), .web(server.base + "/nothing.html")],
                                                     fetcher: fetcher, jobs: 1, concurrency: 2)
                #expect(seen.first == "20px shown")
                #expect(server.hits("/site.css") == 1)
            }
        }
    }

    /// No sheet is started once a page's sheets have taken `--timeout`. Forty sheets answered
    /// 1.5 s late, eight at a time: without the limit they take 7.5 s; with `--timeout 2.5` two
    /// rounds start (the second before 2.5 s) and the other 24 are not fetched for this page.
    @Test func aPageStartsNoSheetAfterItsTimeout() async throws {
        let count = 40
        let routes: @Sendable (String, Int) -> TestServer.Reply = { path, _ in
            if path == "/page.html" { return pageLinking(count) }
            return .delayed(seconds: 1.5, .css("p { color: #333 }"))
        }
        var settings = answerSettings()
        settings.perHost = count
        settings.totalTimeout = 2.5
        try await TestServer.with(routes: routes) { server in
            try await withFetcher(settings) { fetcher in
                let started = ContinuousClock.now
                var problems: [String] = []
                try await Runner(auditor: Auditor(engine: Engine(checks: [])), jobs: 1, concurrency: 1, fetcher: fetcher)
                    .run([.web(server.base + "/page.html")]) { problems = $0.audit.styleProblems }
                let elapsed = ContinuousClock.now - started
                let sheetsAsked = (0..<count).map { server.hits("/s\($0).css") }.reduce(0, +)
                #expect(sheetsAsked <= 2 * WebStylesheets.sheetsAtOnce)
                #expect(elapsed < .seconds(6), "the sheets took \(elapsed)")
                #expect(problems.count == 21, "twenty named and a count of the rest")
                #expect(problems.first?.hasSuffix(": not fetched: the page's sheets took more than --timeout (2.5 s)") == true, "\(problems)")
            }
        }
    }

    /// A sheet a page did not start in its time is not remembered as failed: the next page
    /// linking it fetches it (a site template's eleventh sheet would otherwise be missing from
    /// every page). One at a time, 0.4 s each, `--timeout 1`: the first page starts ten.
    @Test func aSheetNotStartedInItsPagesTimeIsTriedAgain() async throws {
        let routes: @Sendable (String, Int) -> TestServer.Reply = { path, _ in
            switch path {
            case "/many.html": return pageLinking(11)
            case "/one.html": return .html("<html><head><link rel=stylesheet href=s10.css></head><body><p>x</p></body></html>")
            case "/s10.css": return .delayed(seconds: 0.4, .css("p { font-size: 20px }"))
            default: return .delayed(seconds: 0.4, .css("p { color: #333 }"))
            }
        }
        var settings = answerSettings()
        settings.perHost = 1
        settings.totalTimeout = 1
        try await TestServer.with(routes: routes) { server in
            try await withFetcher(settings) { fetcher in
                let seen = try await paragraphStyles([.web(server.base + "/many.html"), .web(server.base + "/one.html")],
                                                     fetcher: fetcher, jobs: 1, concurrency: 1)
                #expect(seen == ["16px shown", "20px shown"])
                #expect(server.hits("/s10.css") == 1)
            }
        }
    }

    /// A sheet that never answers, timed out on its own time, is remembered for the run: the
    /// next page linking it does not wait for it again (a site's pages each waited `--timeout`).
    @Test func aSheetThatTimesOutOnItsOwnIsNotAskedForAgain() async throws {
        let routes: @Sendable (String, Int) -> TestServer.Reply = { path, _ in
            switch path {
            case "/a.html", "/b.html": return pageLinking(1)
            default: return .delayed(seconds: 30, .css("p { font-size: 20px }"))
            }
        }
        var settings = answerSettings()
        settings.totalTimeout = 2
        try await TestServer.with(routes: routes) { server in
            try await withFetcher(settings) { fetcher in
                var problems: [[String]] = []
                try await Runner(auditor: Auditor(engine: Engine(checks: [])), jobs: 1, concurrency: 1, fetcher: fetcher)
                    .run([.web(server.base + "/a.html"), .web(server.base + "/b.html")]) { problems.append($0.audit.styleProblems) }
                #expect(problems == Array(repeating: ["line 1, stylesheet \(server.base)/s0.css: timed out"], count: 2))
                #expect(server.hits("/s0.css") == 1)
            }
        }
    }
}
