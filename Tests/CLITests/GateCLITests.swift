import Foundation
import Testing

/// The CI gate end to end: each rule's exit status, baselines, `.shilao.yml`, `shilao report`
/// and `shilao profiles`.
@Suite struct GateCLITests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func json(_ path: URL) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: path)) as? [String: Any])
    }

    @Test func aVetoFailsWhateverTheFlags() throws {
        let veto = try CLI.run(["audit", "samples/elder/index.html"])
        #expect(veto.status == 1)
        #expect(veto.stdout.contains("一票否决项 elder-ads 在 1 个页面不通过"))
        #expect(veto.stdout.contains("用户满意度评价和自我评价"), "every report says what the score leaves out")
        #expect(try CLI.run(["audit", "--profile", "all", "samples/elder/index.html"]).status == 0, "all has no veto items")
    }

    @Test func failUnderComparesTheSiteScore() throws {
        // caiwu.html fails one minor check: 99.6 under miit.
        #expect(try CLI.run(["audit", "--fail-under", "99.6", "samples/caiwu.html"]).status == 0)
        let below = try CLI.run(["audit", "--fail-under", "99.7", "samples/caiwu.html"])
        #expect(below.status == 1)
        #expect(below.stdout.contains("网站得分 99.6 低于 --fail-under 99.7"))
        let unscored = try CLI.run(["audit", "--profile", "all", "--fail-under", "50", "samples/caiwu.html"])
        #expect(unscored.status == 2)
        #expect(unscored.stderr.contains("unscored"))
    }

    @Test func failOnTakesTheImpactOrWorse() throws {
        #expect(try CLI.run(["audit", "--fail-on", "minor", "samples/caiwu.html"]).status == 1)
        #expect(try CLI.run(["audit", "--fail-on", "moderate", "samples/caiwu.html"]).status == 0)
        #expect(try CLI.run(["audit", "--fail-on", "huge", "samples/caiwu.html"]).status == 2)
    }

    @Test func aFailedGateWinsOverInputsNotAudited() throws {
        #expect(try CLI.run(["audit", "samples/index.html", "no/such.html"]).status == 3)
        #expect(try CLI.run(["audit", "--fail-on", "minor", "samples/caiwu.html", "no/such.html"]).status == 1)
    }

    @Test func baselineLetsOnlyNewFindingsFail() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("page.html")
        let original = try String(contentsOf: CLI.packageRoot.appendingPathComponent("samples/caiwu.html"), encoding: .utf8)
        try original.write(to: page, atomically: true, encoding: .utf8)
        let baseline = folder.appendingPathComponent("baseline.json").path
        let written = try CLI.run(["audit", "--write-baseline", baseline, "--fail-on", "minor", page.path])
        #expect(written.status == 1)
        let entries = try #require(try Self.json(URL(fileURLWithPath: baseline))["findings"] as? [[String: Any]])
        #expect(!entries.isEmpty)

        let same = try CLI.run(["audit", "--baseline", baseline, "--fail-on", "minor", page.path])
        #expect(same.status == 0, "\(same.stdout)")
        #expect(same.stdout.contains("与基线相比：新增 0 处，已修复 0 处，仍存在 \(entries.count) 处"))

        // A new image without alt text above the old problems: new, though every line moved.
        try original.replacingOccurrences(of: "<body>", with: "<body>\n<img src=\"new.png\">").write(to: page, atomically: true, encoding: .utf8)
        let added = try CLI.run(["audit", "--baseline", baseline, "--fail-on", "minor", page.path])
        #expect(added.status == 1)
        #expect(added.stdout.contains("新增 1 处"))
        #expect(added.stdout.contains("仍存在 \(entries.count) 处"))
        #expect(try CLI.run(["audit", "--baseline", folder.appendingPathComponent("missing.json").path, page.path]).status == 2)
    }

    @Test func configurationIsFoundUpwardAndFlagsWin() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inner = folder.appendingPathComponent("site/pages")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        let page = CLI.packageRoot.appendingPathComponent("samples/caiwu.html").path
        try "profile: wcag21aa\nfail-on: minor\nreport: [json:out/report.json]\n".write(
            to: folder.appendingPathComponent(".shilao.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        let configured = try CLI.run(["audit", "--format", "jsonl", page], in: inner)
        #expect(configured.status == 1, "\(configured.stderr)")
        #expect(configured.stdout.contains(#""scores":{"wcag21aa":"#))
        let report = try Self.json(folder.appendingPathComponent("out/report.json"))
        #expect((report["settings"] as? [String: Any])?["profile"] as? String == "wcag21aa", "paths are relative to the file")
        let overridden = try CLI.run(["audit", "--format", "jsonl", "--profile", "miit", "--fail-on", "critical", page], in: inner)
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(overridden.stdout.contains(#""scores":{"miit":"#))
    }

    @Test(arguments: [
        ("profile: miit\nfail-on: huge\n", ":2: 'fail-on': expected one of minor, moderate, serious, critical"),
        ("profile: nope\n", ":1: unknown profile 'nope'"),
        ("format: pdf\n", ":1: unknown format 'pdf'"),
        ("colour: yes\n", ":1: unknown setting 'colour'"),
        ("profile: [miit\n", ":2: invalid YAML"),
    ])
    func anInvalidConfigurationIsExitTwoWithFileLineAndProblem(_ text: String, _ problem: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("ci.yml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["audit", "--config", file.path, "samples/index.html"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(file.path + problem), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func reportMergesShardsWithSiteScores() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = folder.appendingPathComponent("whole.json")
        _ = try CLI.run(["audit", "--profile", "all", "--format", "json", "--output", whole.path, "samples"])
        var shards: [String] = []
        for k in 1...2 {
            let path = folder.appendingPathComponent("shard\(k).jsonl").path
            _ = try CLI.run(["audit", "--profile", "all", "--format", "jsonl", "--output", path, "--shard", "\(k)/2", "samples"])
            shards.append(path)
        }
        let merged = folder.appendingPathComponent("merged.json")
        let result = try CLI.run(["report"] + shards + ["--profile", "miit", "--format", "json", "--output", merged.path,
                                                        "--report", "html:" + folder.appendingPathComponent("r.html").path])
        #expect(result.status == 1, "the elder page's veto: \(result.stderr)")
        func scores(_ run: [String: Any]) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: ((run["profiles"] as? [[String: Any]]) ?? []).compactMap { site in
                (site["profile"] as? String).flatMap { id in (site["score"] as? Double).map { (id, $0) } }
            })
        }
        let expected = scores(try Self.json(whole))
        #expect(Set(expected.keys) == ["gbt37668", "miit", "wcag21aa", "wcag22aa"])
        #expect(scores(try Self.json(merged)) == expected)
        #expect(((try Self.json(merged))["pages"] as? [Any])?.count == ((try Self.json(whole))["pages"] as? [Any])?.count)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.html").path))

        // A record without outcomes (cut by hand, or saved by an older Shilao) is refused, naming the line.
        let bare = folder.appendingPathComponent("bare.jsonl")
        try "{\"url\":\"a.html\",\"status\":\"ok\",\"scores\":{},\"passed\":{},\"findings\":[],\"counts\":{}}\n".write(to: bare, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["report", bare.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("bare.jsonl:1"))
    }

    @Test func profilesPrintTheirPointsTables() throws {
        let list = try CLI.run(["profiles"])
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) } == ["all", "gbt37668", "miit", "wcag21aa", "wcag22aa"])
        let miit = try CLI.run(["profiles", "miit", "--lang", "en"])
        #expect(miit.status == 0)
        #expect(miit.stdout.contains("Veto (judged first"))
        #expect(miit.stdout.contains("  elder-ads "))
        #expect(miit.stdout.contains("Perceivable  29.96/30"))
        #expect(miit.stdout.contains("about 40% of the official total"))
        #expect(try CLI.run(["profiles", "nope"]).status == 2)
    }
}

extension GateCLITests {
    @Test func checksListsAProfilesChecksAndTheProfilesOfEachCheck() throws {
        let miit = try CLI.run(["checks", "--profile", "miit"])
        #expect(miit.status == 0)
        let ids = miit.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(ids.count == 60 && ids.contains("elder-ads") && !ids.contains("gov-meta-tags"))
        let json = try CLI.run(["checks", "--format", "json"])
        let list = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let imgAlt = try #require(list.first { $0["id"] as? String == "img-alt" })
        #expect(imgAlt["profiles"] as? [String] == ["all", "gbt37668", "miit", "wcag21aa", "wcag22aa"])
        #expect(try CLI.run(["checks", "--profile", "nope"]).status == 2)
    }
}
