import Foundation
import Testing
@testable import ShilaoStyle

/// Counts how often each URL is actually read, behind a shared cache.
final class CountingLoader: StylesheetLoader, @unchecked Sendable {
    let files: [String: String]
    let cache: StylesheetCache
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    var reads: [String: Int] { lock.withLock { counts } }

    init(_ files: [String: String], cache: StylesheetCache = StylesheetCache()) {
        self.files = files
        self.cache = cache
    }

    func stylesheet(at url: URL) -> Result<Stylesheet, StylesheetLoadError> {
        cache.stylesheet(for: url.absoluteString) {
            lock.withLock { counts[url.lastPathComponent, default: 0] += 1 }
            guard let text = files[url.lastPathComponent] else { return .failure(StylesheetLoadError("not found")) }
            return .success(text)
        }
    }

    func stylesheet(inline text: String) -> Stylesheet {
        cache.inline(text)
    }
}

@Suite struct StylesheetLoaderTests {
    @Test func linkedSheetsAndImportsRelativeToTheirFiles() throws {
        let files = [
            "css/site.css": "@import url('parts/type.css') screen; @import 'print.css' print; p { color: red }",
            "css/parts/type.css": "@import '../../base.css'; p { font-size: 20px }",
            "base.css": "p { line-height: 2 }",
            "css/print.css": "p { color: green }",
        ]
        try withFiles(files) { directory in
            let html = "<link rel='stylesheet' href='css/site.css?v=3'><link rel='alternate stylesheet' href='base.css'><p id='p'>x</p>"
            try withEngine(html, directory: directory) { engine, doc in
                let p = style(engine, doc, "p")
                #expect(p.color == RGBA(css: "red"))
                #expect(p.fontSize == 20)
                #expect(p.lineHeight == .factor(2))
                #expect(engine.problems.isEmpty)
                #expect(engine.authorRules.map(\.sheet).allSatisfy { $0.hasPrefix("file://") })
            }
        }
    }

    @Test func importsInAStyleElementResolveAgainstThePageOrItsBase() throws {
        let files = ["css/type.css": "p { font-size: 20px }", "css/colour.css": "p { color: red }"]
        try withFiles(files) { directory in
            try withEngine("<style>@import 'css/type.css';</style><p id='p'>x</p>", directory: directory) { engine, doc in
                #expect(style(engine, doc, "p").fontSize == 20)
                #expect(engine.problems.isEmpty)
            }
            let based = "<base href='css/'><style>@import 'colour.css'; @import 'type.css';</style><p id='p'>x</p>"
            try withEngine(based, directory: directory) { engine, doc in
                #expect(style(engine, doc, "p").color == RGBA(css: "red"))
                #expect(style(engine, doc, "p").fontSize == 20)
                #expect(engine.problems.isEmpty)
            }
        }
    }

    @Test func missingSheetsAndLoopsAreProblemsNotCrashes() throws {
        let files = ["a.css": "@import 'b.css'; p { color: red }", "b.css": "@import 'a.css'; p { font-size: 30px }"]
        try withFiles(files) { directory in
            let html = "<link rel=stylesheet href='a.css'><link rel=stylesheet href='nope.css'><p id='p'>x</p>"
            try withEngine(html, directory: directory) { engine, doc in
                #expect(style(engine, doc, "p").color == RGBA(css: "red"))
                #expect(style(engine, doc, "p").fontSize == 30)
                #expect(engine.problems.count == 2)
                #expect(engine.problems.contains { $0.contains("@import loop") })
                #expect(engine.problems.contains { $0.contains("nope.css") && $0.contains("cannot be read") })
            }
        }
    }

    /// Opening a named pipe (or /dev/stdin) for reading waits for a writer forever.
    @Test(.timeLimit(.minutes(1))) func pipesAndDevicesAreNotRead() throws {
        try withFiles([:]) { directory in
            let pipe = directory.appendingPathComponent("pipe.css").path
            #expect(mkfifo(pipe, 0o600) == 0)
            let html = "<link rel=stylesheet href='pipe.css'><link rel=stylesheet href='/dev/stdin'><p id='p'>x</p>"
            try withEngine(html, directory: directory) { engine, _ in
                #expect(engine.problems.count == 2)
                #expect(engine.problems.allSatisfy { $0.contains("not a regular file") })
            }
        }
    }

    /// A fetched or archived page linking `file:///…` would otherwise have a local file read and
    /// its selectors quoted in the report; a local page may link one.
    @Test func aPageOnTheWebCannotUseALocalFile() throws {
        try withFiles(["secret.css": "p { color: red }"]) { directory in
            let href = directory.appendingPathComponent("secret.css").absoluteString
            try withDocument("<link rel=stylesheet href='\(href)'><style>@import '\(href)';</style><p id='p'>x</p>") { doc in
                let web = StyleEngine(document: doc, pageURL: "HTTPS://gov.example/page.html", viewport: .desktop, loader: FileStylesheetLoader())
                #expect(style(web, doc, "p").color != RGBA(css: "red"))
                #expect(web.problems == Array(repeating: "line 1, stylesheet \(href): a page on the web cannot use a local file", count: 2))
                let local = StyleEngine(document: doc, pageURL: directory.appendingPathComponent("page.html").path,
                                        viewport: .desktop, loader: FileStylesheetLoader())
                #expect(style(local, doc, "p").color == RGBA(css: "red"))
                #expect(local.problems.isEmpty)
            }
        }
    }

    @Test func remoteSheetsNeedAFetchingLoader() throws {
        try withEngine("<link rel=stylesheet href='https://example.com/a.css'><p>x</p>") { engine, _ in
            #expect(engine.problems == ["line 1, stylesheet https://example.com/a.css: only local files can be read here"])
        }
    }

    @Test func baseElementAndCacheSharedAcrossPages() throws {
        let loader = CountingLoader(["site.css": "p { color: blue }", "x.css": "@import 'site.css';"])
        let html = "<base href='https://gov.example/static/'><link rel=stylesheet href='site.css'><link rel=stylesheet href='x.css'><p id='p'>x</p>"
        for viewport in Viewport.allCases {
            try withEngine(html, viewport: viewport, loader: loader) { engine, doc in
                #expect(style(engine, doc, "p").color == RGBA(css: "blue"))
                #expect(engine.authorRules.first?.sheet == "https://gov.example/static/site.css")
            }
        }
        #expect(loader.reads == ["site.css": 1, "x.css": 1])
    }

    @Test func oneTextUnderTwoURLsIsParsedOnce() throws {
        let template = "@import 'type.css'; p { color: blue }"
        let loader = CountingLoader(["a.css": template, "b.css": template, "type.css": "p { font-size: 20px }"])
        for sheet in ["a.css", "b.css"] {
            try withEngine("<link rel=stylesheet href='https://gov.example/\(sheet)'><p id='p'>x</p>", loader: loader) { engine, doc in
                #expect(style(engine, doc, "p").color == RGBA(css: "blue"))
                #expect(style(engine, doc, "p").fontSize == 20)
                #expect(engine.authorRules.last?.sheet == "https://gov.example/\(sheet)")
            }
        }
        #expect(loader.reads == ["a.css": 1, "b.css": 1, "type.css": 1])
        #expect(loader.cache.parses == 2)
    }

    /// A run over many sites keeps a bounded amount of their sheets: past it, the table starts over.
    @Test func linkedSheetsKeptAreBoundedInBytes() {
        let red = "p { color: red }", blue = "p { color: blue }"
        let loader = CountingLoader(["a.css": red, "b.css": blue], cache: StylesheetCache(linkedLimit: 20))
        for sheet in ["a.css", "a.css", "b.css", "b.css", "a.css"] {
            let loaded = loader.stylesheet(at: URL(string: "https://gov.example/\(sheet)")!)
            #expect((try? loaded.get())?.styleRuleCount == 1)
        }
        // a kept; b over the limit: a forgotten, b kept; a read and parsed again.
        #expect(loader.reads == ["a.css": 2, "b.css": 1])
        #expect(loader.cache.parses == 3)
    }

    /// Pages on several threads while the table keeps starting over: every page still gets its sheet.
    @Test func pagesGetTheirSheetsWhileTheTableStartsOver() async throws {
        let loader = CountingLoader(["a.css": "p { color: red }", "b.css": "p { color: blue }"],
                                    cache: StylesheetCache(linkedLimit: 20))
        let wrong = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for round in 0..<50 {
                        let (sheet, color) = (task + round) % 2 == 0 ? ("a.css", "red") : ("b.css", "blue")
                        let html = "<link rel=stylesheet href='https://gov.example/\(sheet)'><p id='p'>x</p>"
                        let seen = try withEngine(html, loader: loader) { engine, doc in style(engine, doc, "p").color }
                        if seen != RGBA(css: color) { wrong += 1 }
                    }
                    return wrong
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(wrong == 0)
        #expect(loader.cache.parses > 2, "the table started over")
    }

    @Test func aStyleElementTheTemplateRepeatsIsParsedOnce() throws {
        let loader = CountingLoader([:])
        for color in ["red", "red", "blue", "red"] {
            try withEngine("<style>p { color: \(color) }</style><p id='p'>x</p>", loader: loader) { engine, doc in
                #expect(style(engine, doc, "p").color == RGBA(css: color))
            }
        }
        #expect(loader.cache.parses == 2)
    }

    /// A run whose pages each carry a new `<style>` keeps at most a bounded number of them.
    @Test func styleElementsKeptAreBounded() {
        let cache = StylesheetCache()
        let limit = StylesheetCache.inlineLimit
        _ = cache.inline("p { color: red }")
        for index in 0..<limit.count { _ = cache.inline("p { width: \(index)px }") }
        #expect(cache.parses == limit.count + 1)
        _ = cache.inline("p { color: red }")
        #expect(cache.parses == limit.count + 2, "the table started over when it was full")
        let large = "p { color: red }" + String(repeating: " ", count: limit.textBytes)
        _ = cache.inline(large)
        _ = cache.inline(large)
        #expect(cache.parses == limit.count + 4, "a text over the size limit is not kept")
    }

    @Test func styleElementsKeptAreBoundedInBytes() {
        let cache = StylesheetCache()
        let limit = StylesheetCache.inlineLimit
        let padding = String(repeating: " ", count: limit.textBytes - 20)
        let fitting = limit.totalBytes / limit.textBytes
        for index in 0..<fitting { _ = cache.inline("p { width: \(index)px }" + padding) }
        _ = cache.inline("p { width: 0px }" + padding)
        #expect(cache.parses == fitting, "all fit in the byte budget")
        _ = cache.inline("p { color: red }" + padding)
        _ = cache.inline("p { width: 1px }" + padding)
        #expect(cache.parses == fitting + 2, "the table started over when its texts filled the budget")
    }

    @Test func concurrentPagesLoadEachSheetOnce() async throws {
        let loader = CountingLoader(["site.css": "p { color: blue }"])
        let html = "<link rel=stylesheet href='https://gov.example/site.css'><p id='p'>x</p>"
        let colors = try await withThrowingTaskGroup(of: RGBA.self) { group in
            for _ in 0..<8 {
                group.addTask { try withEngine(html, loader: loader) { engine, doc in style(engine, doc, "p").color } }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(colors.count == 8 && colors.allSatisfy { $0 == RGBA(css: "blue") })
        #expect(loader.reads == ["site.css": 1])
    }
}
