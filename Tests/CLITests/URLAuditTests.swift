import Foundation
import Testing
import TestSupport

/// Pages for URL audits: each names itself, some fail, one is slow so a run can be killed midway.
let siteRoutes: @Sendable (String, Int) -> TestServer.Reply = { path, _ in
    if path.hasPrefix("/p/") {
        let page = TestServer.Reply.html("<html lang=\"zh-CN\"><head><title>第 \(path.dropFirst(3)) 页</title></head><body><img src=\"a.png\"></body></html>")
        return path.hasSuffix("/slow") ? .delayed(seconds: 0.5, page) : page
    }
    switch path {
    case "/gone": return .status(404)
    case "/file.pdf": return .respond(status: 200, headers: [("Content-Type", "application/pdf")], body: [0x25])
    case "/moved": return .redirect("/p/target")
    default: return .status(404)
    }
}

func temporaryFile(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("shilao-\(UUID().uuidString)-\(name)").path
}

@Suite(.serialized) struct URLAuditTests {
    @Test func urlListsMixedWithFilesGiveOneRecordEach() async throws {
        try await TestServer.with(routes: siteRoutes) { server in
            let list = temporaryFile("urls.txt")
            defer { try? FileManager.default.removeItem(atPath: list) }
            try """
                # 青山县 pages
                \(server.base)/p/1

                \(server.base)/gone
                \(server.base)/file.pdf
                \(server.base)/moved
                \(server.base)/p/1
                not a url
                """.write(toFile: list, atomically: true, encoding: .utf8)
            let result = try CLI.run(["audit", "--format", "jsonl", "--urls", list, "samples/index.html"])
            #expect(result.status == 3, "an HTTP error and a bad line are inputs not audited")
            let records = try CLI.jsonLines(result.stdout)
            let byURL = Dictionary(uniqueKeysWithValues: records.compactMap { r in (r["url"] as? String).map { ($0, r) } })
            #expect(records.count == 6)
            #expect(byURL["samples/index.html"]?["status"] as? String == "ok")
            #expect(byURL["\(server.base)/p/1"]?["status"] as? String == "ok")
            #expect(byURL["\(server.base)/gone"]?["error"] as? String == "HTTP 404")
            #expect(byURL["\(server.base)/file.pdf"]?["status"] as? String == "skipped")
            #expect(byURL["\(server.base)/moved"]?["finalUrl"] as? String == "\(server.base)/p/target")
            #expect((byURL["not a url"]?["error"] as? String)?.contains("line 8: not an http(s) URL") == true)
        }
    }

    @Test func aKilledRunResumedEndsWithOneRecordPerURL() async throws {
        try await TestServer.with(routes: siteRoutes) { server in
            let list = temporaryFile("urls.txt")
            let results = temporaryFile("results.jsonl")
            defer {
                try? FileManager.default.removeItem(atPath: list)
                try? FileManager.default.removeItem(atPath: results)
            }
            let urls = (1...30).map { "\(server.base)/p/\($0)/slow" }
            try urls.joined(separator: "\n").write(toFile: list, atomically: true, encoding: .utf8)
            let arguments = ["audit", "--format", "jsonl", "--concurrency", "2", "--per-host", "2", "--urls", list, "--resume", results]
            let process = try CLI.start(arguments)
            // Kill it once some records are on disk, then leave a torn line as a crash would. The
            // watch runs on a thread of its own: this task can wait seconds for a cooperative
            // thread while other suites compute, and the run would be over before it looked.
            let pid = process.processIdentifier
            Thread.detachNewThread {
                let deadline = Date().addingTimeInterval(20)
                while Date() < deadline, ((try? String(contentsOfFile: results, encoding: .utf8)) ?? "").split(separator: "\n").count < 5 {
                    usleep(50_000)
                }
                kill(pid, SIGKILL)
            }
            process.waitUntilExit()
            let handle = try #require(FileHandle(forWritingAtPath: results))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("{\"url\":\"\(urls[29])\",\"sta".utf8))
            try handle.close()
            let before = try String(contentsOfFile: results, encoding: .utf8).split(separator: "\n").count - 1
            #expect(before >= 5 && before < 30, "the run was killed midway (\(before) records)")

            let resumed = try CLI.run(arguments)
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let records = try CLI.jsonLines(try String(contentsOfFile: results, encoding: .utf8))
            let recorded = records.compactMap { $0["url"] as? String }
            #expect(recorded.count == 30)
            #expect(Set(recorded) == Set(urls))
        }
    }

    @Test func shardsCoverTheRunOnceEach() async throws {
        try await TestServer.with(routes: siteRoutes) { server in
            let list = temporaryFile("urls.txt")
            defer { try? FileManager.default.removeItem(atPath: list) }
            let urls = (1...40).map { "\(server.base)/p/\($0)" }
            try urls.joined(separator: "\n").write(toFile: list, atomically: true, encoding: .utf8)
            var union: [String] = []
            for k in 1...3 {
                let result = try CLI.run(["audit", "--format", "jsonl", "--urls", list, "--shard", "\(k)/3"])
                #expect(result.status == 0)
                union += try CLI.jsonLines(result.stdout).compactMap { $0["url"] as? String }
            }
            #expect(union.count == 40)
            #expect(Set(union) == Set(urls))
            let bad = try CLI.run(["audit", "--urls", list, "--shard", "4/3"])
            #expect(bad.status == 2)
        }
    }

    @Test func sitemapAndWARCFromTheCommandLine() async throws {
        try await TestServer.with(routes: { path, hit in
            if path == "/sitemap.xml" {
                return .respond(status: 200, headers: [("Content-Type", "application/xml")], body: Array(
                    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>/p/a</loc></url><url><loc>/p/b</loc></url></urlset>".utf8))
            }
            return siteRoutes(path, hit)
        }) { server in
            let warc = temporaryFile("crawl.warc.gz")
            defer { try? FileManager.default.removeItem(atPath: warc) }
            // The archived page's sheets come from the archive, not the web, though this run fetches.
            func record(_ uri: String, _ type: String, _ body: String) -> [UInt8] {
                let block = Array("HTTP/1.1 200 OK\r\nContent-Type: \(type)\r\n\r\n\(body)".utf8)
                return Array("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: \(uri)\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: \(block.count)\r\n\r\n".utf8) + block + Array("\r\n\r\n".utf8)
            }
            let page = "<html><head><title>存档</title><link rel=stylesheet href=s.css><link rel=stylesheet href=none.css></head><body><img src=x></body></html>"
            try Data(GzipWriter.compress(record("http://archive.gov.cn/a", "text/html; charset=utf-8", page)
                + record("http://archive.gov.cn/s.css", "text/css", "body { color: #222 }"))).write(to: URL(fileURLWithPath: warc))
            let result = try CLI.run(["audit", "--format", "jsonl", "--sitemap", "\(server.base)/sitemap.xml", "--warc", warc])
            #expect(result.status == 0, "\(result.stderr)")
            let records = try CLI.jsonLines(result.stdout)
            #expect(Set(records.compactMap { $0["url"] as? String }) == ["\(server.base)/p/a", "\(server.base)/p/b", "http://archive.gov.cn/a"])
            let archived = records.first { $0["url"] as? String == "http://archive.gov.cn/a" }
            #expect(archived?["styleProblems"] as? [String] == ["line 1, stylesheet http://archive.gov.cn/none.css: not in the archive"])
        }
    }

    @Test func manyPagesOfOneHostGetASiteSummary() async throws {
        try await TestServer.with(routes: siteRoutes) { server in
            // 127.0.0.1 and localhost reach the same server under two host names.
            let other = "http://localhost:\(server.port)"
            let urls = (1...4).map { "\(server.base)/p/\($0)" } + ["\(server.base)/gone", "\(other)/p/x", "\(other)/p/y"]
            let result = try CLI.run(["audit", "--format", "json"] + urls)
            let run = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let hosts = try #require(run["hosts"] as? [[String: Any]])
            #expect(hosts.compactMap { $0["host"] as? String } == ["127.0.0.1", "localhost"])
            #expect(hosts[0]["pages"] as? Int == 5)
            #expect(hosts[0]["errors"] as? Int == 1)
            #expect(hosts[1]["pages"] as? Int == 2)
            let worst = try #require(hosts[0]["worstPages"] as? [[String: Any]])
            #expect(worst.count == 4, "each audited page fails img-alt")
            #expect((hosts[0]["site"] as? [String: Any])?["profile"] as? String == "miit")

            let text = try CLI.run(["audit"] + urls)
            #expect(text.stdout.contains("各站点："))
            #expect(text.stdout.contains("127.0.0.1：5 个页面，1 个无法审查"))
        }
    }
}
