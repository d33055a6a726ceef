import Foundation
import Testing
import TestSupport
import ShilaoCore
import ShilaoStyle
@testable import ShilaoFetch

@Suite struct SitemapTests {
    static func urlset(_ urls: [String]) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + urls.map { "<url><loc> \($0) </loc><lastmod>2026-01-01</lastmod></url>" }.joined() + "</urlset>"
    }

    @Test func urlsetAndIndex() throws {
        #expect(try Sitemap.entries(Array(Self.urlset(["https://a.gov.cn/1", "https://a.gov.cn/2"]).utf8))
            == [.page("https://a.gov.cn/1"), .page("https://a.gov.cn/2")])
        let index = "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>https://a.gov.cn/s1.xml.gz</loc></sitemap></sitemapindex>"
        #expect(try Sitemap.entries(Array(index.utf8)) == [.sitemap("https://a.gov.cn/s1.xml.gz")])
        #expect(try Sitemap.entries(GzipWriter.compress(Array(Self.urlset(["https://a.gov.cn/z"]).utf8))) == [.page("https://a.gov.cn/z")])
        #expect(throws: Sitemap.Failure.self) { try Sitemap.entries(Array("<html><body>not a sitemap</body></html>".utf8)) }
        #expect(throws: Sitemap.Failure.self) { try Sitemap.entries(Array("<urlset><url><loc>x</loc>".utf8)) }
    }

    @Test func billionLaughsIsNotExpanded() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE urlset [\n<!ENTITY lol \"lol\">\n"
        xml += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        for level in 2...9 {
            xml += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        xml += "]>\n<urlset><url><loc>https://a.gov.cn/&lol9;</loc></url><url><loc>https://a.gov.cn/ok</loc></url></urlset>"
        let started = Date()
        let entries = (try? Sitemap.entries(Array(xml.utf8))) ?? []
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(entries.allSatisfy { if case .page(let url) = $0 { return url.count < 100 } else { return false } })
    }

    @Test func externalEntitiesAreNeverResolved() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE urlset [<!ENTITY secret SYSTEM "file:///etc/hostname"><!ENTITY remote SYSTEM "http://127.0.0.1:9/x">]>
            <urlset><url><loc>https://a.gov.cn/&secret;&remote;</loc></url></urlset>
            """
        let entries = (try? Sitemap.entries(Array(xml.utf8))) ?? []
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "\u{0}"
        for case .page(let url) in entries {
            #expect(!url.contains(hostname))
        }
    }

    /// A sitemap file that cannot be one is one error input, read no further than the limit:
    /// `/dev/zero` was read until memory ran out.
    @Test func sitemapFilesAreReadWithinTheLimit() async {
        #expect(await Sitemap.pages(from: "/dev/zero", fetcher: nil, limit: 1_000)
            == [.unusable(name: "/dev/zero", reason: "sitemap: the file is larger than 1000 bytes (the sitemap limit)")])
        #expect(await Sitemap.pages(from: "/no/such/sitemap.xml", fetcher: nil)
            == [.unusable(name: "/no/such/sitemap.xml", reason: "sitemap: cannot read the file: No such file or directory")])
        let bomb = GzipWriter.compress([UInt8](repeating: 0x20, count: 5_000))
        #expect(throws: Gzip.Failure.self) { try Sitemap.entries(bomb, limit: 1_000) }
    }

    @Test func sitemapIndexWithTwoGzippedSitemapsOverHTTP() async throws {
        let pages = (1...6).map { "/page/\($0)" }
        try await TestServer.with(routes: { path, _ in
            switch path {
            case "/sitemap-index.xml":
                return .respond(status: 200, headers: [("Content-Type", "application/xml")], body: Array(
                    "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>/s1.xml.gz</loc></sitemap><sitemap><loc>/s2.xml.gz</loc></sitemap><sitemap><loc>/s1.xml.gz</loc></sitemap></sitemapindex>".utf8))
            case "/s1.xml.gz", "/s2.xml.gz":
                let half = path == "/s1.xml.gz" ? pages.prefix(3) : pages.suffix(3)
                return .respond(status: 200, headers: [("Content-Type", "application/gzip")],
                                body: GzipWriter.compress(Array(Self.urlset(half.map { "http://example.gov.cn" + $0 }).utf8)))
            default: return .status(404)
            }
        }) { server in
            // Relative <loc>s resolve against the index's URL.
            try await withFetcher { fetcher in
                let inputs = await Sitemap.pages(from: server.base + "/sitemap-index.xml", fetcher: fetcher)
                #expect(inputs.map(\.name) == pages.map { "http://example.gov.cn" + $0 })
                // Listed twice, fetched once.
                #expect(server.hits("/s1.xml.gz") == 1)
                let missing = await Sitemap.pages(from: server.base + "/none.xml", fetcher: fetcher)
                #expect(missing == [.unusable(name: server.base + "/none.xml", reason: "sitemap: HTTP 404")])
            }
        }
    }
}

@Suite struct WARCTests {
    static func record(type: String, uri: String, http: String, body: [UInt8] = []) -> [UInt8] {
        let block = Array(http.replacingOccurrences(of: "\n", with: "\r\n").utf8) + body
        let header = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Target-URI: \(uri)\r\nWARC-Date: 2026-11-29T00:00:00Z\r\n"
            + "Content-Type: application/http; msgtype=\(type)\r\nContent-Length: \(block.count)\r\n\r\n"
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }

    static let records: [[UInt8]] = [
        Array("WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 9\r\n\r\nsoftware\n\r\n\r\n".utf8),
        record(type: "request", uri: "http://x.gov.cn/a", http: "GET /a HTTP/1.1\nHost: x.gov.cn\n\n"),
        record(type: "response", uri: "http://x.gov.cn/a", http: "HTTP/1.1 200 OK\nContent-Type: text/html; charset=gbk\n\n",
               body: Array("<title>".utf8) + [0xD5, 0xFE, 0xB8, 0xAE] + Array("</title>".utf8)),
        record(type: "response", uri: "http://x.gov.cn/logo.png", http: "HTTP/1.1 200 OK\nContent-Type: image/png\n\n", body: [0x89, 0x50]),
        record(type: "response", uri: "http://x.gov.cn/gone", http: "HTTP/1.1 404 Not Found\nContent-Type: text/html\n\n", body: Array("no".utf8)),
        record(type: "response", uri: "http://x.gov.cn/chunked",
               http: "HTTP/1.1 200 OK\nContent-Type: text/html\nTransfer-Encoding: chunked\n\n", body: Array("5\r\n<p>ab\r\n5\r\nc</p>\r\n0\r\n\r\n".utf8)),
    ]

    /// `bytes` in a temporary file, removed after `body`.
    func withFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-\(UUID().uuidString).warc").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try body(path)
    }

    func read(_ bytes: [UInt8], pageLimit: Int = 10 << 20) throws -> [Input] {
        try withFile(bytes) { Array(WARCReader(path: $0, pageLimit: pageLimit)) }
    }

    @Test(arguments: ["plain", "gzip per record", "gzip whole file"])
    func htmlResponsesBecomePages(_ layout: String) throws {
        let bytes: [UInt8]
        switch layout {
        case "plain": bytes = Self.records.flatMap { $0 }
        case "gzip per record": bytes = Self.records.flatMap { GzipWriter.compress($0) }
        default: bytes = GzipWriter.compress(Self.records.flatMap { $0 })
        }
        let inputs = try read(bytes)
        #expect(inputs.map(\.name) == ["http://x.gov.cn/a", "http://x.gov.cn/gone", "http://x.gov.cn/chunked"])
        #expect(inputs[0] == .document(name: "http://x.gov.cn/a", body: Array("<title>".utf8) + [0xD5, 0xFE, 0xB8, 0xAE] + Array("</title>".utf8), charset: "gbk"))
        #expect(inputs[1] == .unusable(name: "http://x.gov.cn/gone", reason: "HTTP 404 (archived)"))
        #expect(inputs[2] == .document(name: "http://x.gov.cn/chunked", body: Array("<p>abc</p>".utf8), charset: nil))
    }

    @Test func brokenArchivesAreOneErrorNotACrash() throws {
        let cut = Array(Self.records.flatMap { $0 }.dropLast(30))
        let inputs = try read(cut)
        #expect(inputs.last?.name.hasSuffix(".warc") == true)
        if case .unusable(_, let reason) = inputs.last { #expect(reason.contains("cut short")) } else { Issue.record("a cut archive must end with an error") }
        let notWARC = try read(Array("<html>not an archive</html>".utf8))
        #expect(notWARC.count == 1)
        #expect(Array(WARCReader(path: "/no/such/file.warc", pageLimit: 1 << 20)).count == 1)
    }

    /// Hostile records give error records, and the records after them still come: a chunk size
    /// of 2^63-1 once overflowed and stopped the whole run; a page bigger than the page limit is
    /// read through, not held; a gzip body is inflated no further than the limit; a response
    /// with no HTTP head was passed over without a word.
    @Test func hostileRecordsAreErrorRecords() throws {
        let html = "HTTP/1.1 200 OK\nContent-Type: text/html\n"
        let records = [
            Self.record(type: "response", uri: "http://x.gov.cn/chunk", http: html + "Transfer-Encoding: chunked\n\n",
                        body: Array("7FFFFFFFFFFFFFFF\r\n<p>a</p>".utf8)),
            Self.record(type: "response", uri: "http://x.gov.cn/big", http: html + "\n",
                        body: [UInt8](repeating: 0x61, count: WARCReader.headLimit + 2_000)),
            Self.record(type: "response", uri: "http://x.gov.cn/bomb", http: html + "Content-Encoding: gzip\n\n",
                        body: GzipWriter.compress([UInt8](repeating: 0x20, count: 5_000))),
            Self.record(type: "response", uri: "http://x.gov.cn/corrupt", http: html + "Content-Encoding: gzip\n\n",
                        body: [0x1F, 0x8B, 0x08, 0x00, 0xFF, 0xFF]),
            Self.record(type: "response", uri: "http://x.gov.cn/headless", http: "<p>no status line</p>"),
            Self.records[2],
        ]
        for bytes in [records.flatMap { $0 }, records.flatMap { GzipWriter.compress($0) }] {
            let inputs = try read(bytes, pageLimit: 1_000)
            #expect(inputs.map(\.name) == ["http://x.gov.cn/chunk", "http://x.gov.cn/big", "http://x.gov.cn/bomb", "http://x.gov.cn/corrupt",
                                            "http://x.gov.cn/headless", "http://x.gov.cn/a"])
            guard inputs.count == 6 else { continue }
            #expect(inputs[0] == .document(name: "http://x.gov.cn/chunk", body: Array("<p>a</p>".utf8), charset: nil))
            #expect(inputs[1] == .unusable(name: "http://x.gov.cn/big", reason: "the archived page is larger than 1000 bytes (--max-page-size)"))
            #expect(inputs[2] == .unusable(name: "http://x.gov.cn/bomb", reason: "the archived page is larger than 1000 bytes (--max-page-size)"))
            #expect(inputs[3] == .unusable(name: "http://x.gov.cn/corrupt", reason: "the archived page: its gzip body cannot be read: the gzip data is truncated"))
            #expect(inputs[4] == .unusable(name: "http://x.gov.cn/headless", reason: "the archived response has no readable HTTP status line and headers"))
        }
    }

    /// A record past the page limit is read through and only its head kept (the page's error
    /// record alone cannot tell that from reading it whole); the record after it is read whole.
    @Test func bigRecordsAreNotHeld() throws {
        let big = Self.record(type: "response", uri: "http://x.gov.cn/big", http: "HTTP/1.1 200 OK\n\n",
                              body: [UInt8](repeating: 0x61, count: WARCReader.headLimit + 2_000))
        let blocks = try withFile(big + Self.records[2]) { path in
            var reader = WARCReader(path: path, pageLimit: 1_000)
            return try [reader.readRecord(), reader.readRecord()].map { ($0?.block.count, $0?.complete) }
        }
        #expect(blocks.first?.0 == WARCReader.headLimit)
        #expect(blocks.map(\.1) == [false, true])
    }

    /// A line that never ends (not an archive, or a gzip bomb of one byte) is an error once it
    /// passes the longest header line, not a buffer that grows until memory runs out.
    @Test func endlessLinesStopTheArchive() throws {
        let line = [UInt8](repeating: 0x41, count: 4 << 20)
        for bytes in [line, GzipWriter.compress(line)] {
            let inputs = try read(bytes)
            #expect(inputs.count == 1)
            if case .unusable(_, let reason) = inputs.first {
                #expect(reason == "invalid WARC file: a line runs past 65536 bytes without ending")
            } else {
                Issue.record("an endless line must be one error record")
            }
        }
    }

    /// Archived sheets too big to keep, or with a broken gzip body, are style problems that say so.
    @Test func archivedSheetsTooBigOrBrokenSaySo() throws {
        let css = "HTTP/1.1 200 OK\nContent-Type: text/css\n"
        let bytes = [
            Self.record(type: "response", uri: "http://x.gov.cn/big.css", http: css + "\n",
                        body: [UInt8](repeating: 0x20, count: WARCReader.headLimit + 100)),
            Self.record(type: "response", uri: "http://x.gov.cn/broken.css", http: css + "Content-Encoding: gzip\n\n",
                        body: [0x1F, 0x8B, 0x08, 0x00, 0xFF, 0xFF]),
            Self.record(type: "response", uri: "http://x.gov.cn/ok.css", http: css + "\n", body: Array("p{}".utf8)),
        ].flatMap { $0 }
        let sheets = try withFile(bytes) { ArchivedSheets(reading: [$0], limit: 50) }
        #expect(sheets.text(for: "http://x.gov.cn/big.css") == .failure(StylesheetLoadError("archived, but past the archive's sheet limit")))
        #expect(sheets.text(for: "http://x.gov.cn/broken.css")
            == .failure(StylesheetLoadError("archived, but its gzip body cannot be read: the gzip data is truncated")))
        #expect((try? sheets.text(for: "http://x.gov.cn/ok.css").get()) == "p{}")
    }

    /// A crawl with `--page-requisites` archives the pages' sheets after the pages; archived pages
    /// are styled with them (redirects between archived sheets followed), and a sheet the crawl
    /// did not keep is a style problem of the page.
    @Test func archivedPagesAreStyledWithTheArchivedSheets() async throws {
        let page = #"<link rel=stylesheet href="/css/site.css"><link rel=stylesheet href="/old.css"><link rel=stylesheet href="/missing.css"><p class=gone>a</p><p>b</p>"#
        let bytes = [
            Self.record(type: "response", uri: "http://x.gov.cn/a", http: "HTTP/1.1 200 OK\nContent-Type: text/html\n\n", body: Array(page.utf8)),
            Self.record(type: "response", uri: "http://x.gov.cn/css/site.css", http: "HTTP/1.1 200 OK\nContent-Type: text/css\n\n",
                        body: Array("p { font-size: 20px }".utf8)),
            Self.record(type: "response", uri: "http://x.gov.cn/old.css", http: "HTTP/1.1 301 Moved\nLocation: /css/moved.css\n\n"),
            Self.record(type: "response", uri: "http://x.gov.cn/css/moved.css", http: "HTTP/1.1 200 OK\nContent-Type: text/css; charset=utf-8\n\n",
                        body: Array(".gone { display: none }".utf8)),
        ].flatMap { GzipWriter.compress($0) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-\(UUID().uuidString).warc.gz").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let entry = CatalogueEntry(metadata: titleEcho.metadata, check: ParagraphStyle())
        let auditor = Auditor(engine: Engine(checks: [entry]), loader: ArchiveStylesheetLoader(ArchivedSheets(reading: [path])))
        var records: [PageRecord] = []
        try await Runner(auditor: auditor, jobs: 1).run(InputSequence(known: [], warcFiles: [path])) { records.append($0) }
        #expect(records.map(\.url) == ["http://x.gov.cn/a"])
        #expect(records.first?.audit.findings.map(\.message.en) == ["20px hidden", "20px shown"])
        #expect(records.first?.audit.styleProblems == ["line 1, stylesheet http://x.gov.cn/missing.css: not in the archive"])

        let small = ArchivedSheets(reading: [path], limit: 30)
        #expect((try? small.text(for: "http://x.gov.cn/css/site.css").get()) == "p { font-size: 20px }")
        #expect(small.text(for: "http://x.gov.cn/old.css") == .failure(StylesheetLoadError("archived, but past the archive's sheet limit")))
    }
}

@Suite struct ShardTests {
    @Test func shardsSplitTheInputsExactly() {
        let inputs: [Input] = (0..<500).map { .web("https://x.gov.cn/page/\($0)") }
        var union: [String] = []
        for k in 1...4 {
            union += InputSequence(known: inputs, shard: Shard("\(k)/4")).map(\.name)
        }
        #expect(union.count == 500)
        #expect(Set(union) == Set(inputs.map(\.name)))
        let sizes = (1...4).map { k in Array(InputSequence(known: inputs, shard: Shard("\(k)/4"))).count }
        #expect(sizes.allSatisfy { $0 > 80 }, "a stable hash spreads the pages: \(sizes)")
        #expect(Shard("0/4") == nil && Shard("5/4") == nil && Shard("x") == nil && Shard("1/0") == nil)
    }
}
