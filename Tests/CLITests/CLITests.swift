import Foundation
import Testing

/// Runs the built `shilao` binary as a user would, from the package root.
struct CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let binary: URL = {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("shilao")
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func process(_ arguments: [String], in directory: URL) -> Process {
        let process = Process()
        let binaryPath = FileManager.default.fileExists(atPath: binary.path)
            ? binary : packageRoot.appendingPathComponent(".build/debug/shilao")
        process.executableURL = binaryPath
        process.arguments = arguments
        process.currentDirectoryURL = directory
        return process
    }

    /// Starts the binary without waiting, its output discarded (for runs a test interrupts).
    static func start(_ arguments: [String], in directory: URL = packageRoot) throws -> Process {
        let process = process(arguments, in: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func run(_ arguments: [String], in directory: URL = packageRoot) throws -> Result {
        let process = process(arguments, in: directory)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting, so a large report cannot fill the pipe and block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }
}

@Suite struct CLITests {
    @Test func auditSamplesAsJSONLinesFollowsTheContract() throws {
        let result = try CLI.run(["audit", "--format", "jsonl", "samples"])
        // The default profile is miit; the elder page of the sample site carries an ad: a veto.
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let records = try CLI.jsonLines(result.stdout)
        let pages = try FileManager.default.subpathsOfDirectory(atPath: CLI.packageRoot.appendingPathComponent("samples").path)
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }
        #expect(records.count == pages.count)
        #expect(records.count >= 5)
        // One sample links a sheet that is not there, as real sites do; its record says so.
        let unstyled = records.filter { $0["styleProblems"] != nil }
        #expect(unstyled.map { $0["url"] as? String } == ["samples/lang-mismatch.html"])
        let problems = unstyled.first?["styleProblems"] as? [String] ?? []
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("line 13, stylesheet file://") == true)
        #expect(problems.first?.hasSuffix("/samples/css/iconfont.css: cannot be read") == true)
        for record in records {
            #expect(Array(record.keys.filter { $0 != "styleProblems" }).sorted()
                    == ["counts", "findings", "outcomes", "passed", "scores", "status", "url"])
            #expect(record["status"] as? String == "ok")
            let score = try #require((record["scores"] as? [String: Double])?["miit"])
            #expect((0...100).contains(score))
            #expect((record["passed"] as? [String: Bool])?["miit"] != nil)
            let outcomes = try #require(record["outcomes"] as? [String: String])
            #expect(outcomes.count == (record["counts"] as? [String: Int])?.values.reduce(0, +))
            #expect((record["url"] as? String)?.hasPrefix("samples/") == true)
            let counts = try #require(record["counts"] as? [String: Int])
            #expect(Set(counts.keys) == ["passed", "failed", "needsReview", "inapplicable"])
            for finding in try #require(record["findings"] as? [[String: Any]]) {
                #expect(Set(finding.keys) == ["check", "outcome", "impact", "line", "path", "snippet", "message", "fix", "clauses"])
                #expect(["failed", "needsReview"].contains(finding["outcome"] as? String))
                #expect((finding["line"] as? Int ?? 0) > 0)
                #expect((finding["path"] as? String)?.hasPrefix("/html") == true)
                #expect(!((finding["clauses"] as? [Any]) ?? []).isEmpty)
            }
        }
        let urls = records.compactMap { $0["url"] as? String }
        #expect(urls == urls.sorted(), "records come out in input order")
    }

    @Test func outputIsTheSameWhateverTheJobs() throws {
        let one = try CLI.run(["audit", "--format", "jsonl", "--jobs", "1", "samples"])
        let many = try CLI.run(["audit", "--format", "jsonl", "--jobs", "4", "samples"])
        #expect(one.stdout == many.stdout)
        #expect(!one.stdout.isEmpty)
    }

    @Test func timingListsEveryCheckThatRanSlowestFirst() throws {
        let result = try CLI.run(["audit", "--profile", "wcag21aa", "--format", "jsonl", "--timing", "samples/index.html"])
        let checks = try CLI.run(["checks", "--profile", "wcag21aa", "--format", "json"])
        let ids = (try JSONSerialization.jsonObject(with: Data(checks.stdout.utf8)) as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "check time (ms)  share  check")
        let rows = lines.dropFirst().dropLast()
        #expect(Set(rows.compactMap { $0.split(separator: " ").last.map(String.init) }) == Set(ids))
        let times = rows.compactMap { Double($0.split(separator: " ").first ?? "") }
        #expect(times == times.sorted(by: >), "slowest first")
        #expect(lines.last?.hasSuffix("total") == true)
        #expect(!result.stdout.contains("check time"), "timings go to standard error, the report stays clean")
    }

    @Test func missingInputIsAnErrorRecordAndExitThree() throws {
        let result = try CLI.run(["audit", "--format", "jsonl", "samples/index.html", "no/such/page.html"])
        #expect(result.status == 3)
        let records = try CLI.jsonLines(result.stdout)
        #expect(records.map { $0["status"] as? String } == ["ok", "error"])
        #expect(records[1]["url"] as? String == "no/such/page.html")
        #expect((records[1]["error"] as? String)?.contains("no such file") == true)
    }

    /// samples/article.html is 7.5 KB: with a 0.005 MB (5,242-byte) limit it is not read, and the
    /// 4.6 KB page before it is audited as usual.
    @Test func fileOverMaxPageSizeIsAnErrorRecord() throws {
        let result = try CLI.run(["audit", "--format", "jsonl", "--max-page-size", "0.005",
                                  "samples/lang-mismatch.html", "samples/article.html"])
        #expect(result.status == 3)
        let records = try CLI.jsonLines(result.stdout)
        #expect(records.map { $0["status"] as? String } == ["ok", "error"])
        #expect((records[1]["error"] as? String)?.contains("--max-page-size") == true)
    }

    /// Numbers too big for the milliseconds and bytes they become once stopped the program
    /// (an integer overflow trap); now they are usage errors that name the option.
    @Test func hugeNumbersAreUsageErrors() throws {
        for (option, value) in [("--max-page-size", "1e20"), ("--timeout", "1e300"), ("--delay", "100000")] {
            let result = try CLI.run(["audit", option, value, "samples/caiwu.html"])
            #expect(result.status == 2, "\(option) \(value)")
            #expect(result.stderr.hasPrefix("shilao: ") && result.stderr.contains(option), "\(result.stderr)")
        }
    }

    @Test func usageErrorsExitTwoWithOneLine() throws {
        for arguments in [["audit", "--no-such-flag", "samples"], ["audit", "--profile", "nope", "samples"],
                          ["explain", "no-such-check"], ["audit", "--jobs", "0", "samples"], ["audit"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("shilao: "))
        }
    }

    @Test func outputFileAndLanguage() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.run(["audit", "--format", "json", "--lang", "en", "--output", path, "samples"])
        #expect(result.status == 1, "the elder page's ad fails the miit veto")
        #expect(result.stdout.isEmpty)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let run = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let settings = try #require(run["settings"] as? [String: Any])
        #expect(settings["lang"] as? String == "en")
        let pages = try #require(run["pages"] as? [[String: Any]])
        #expect(!pages.isEmpty)
        let messages = pages.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }.compactMap { $0["message"] as? String }
        #expect(!messages.isEmpty)
        // Messages quote the page's own words ("详情", “姓　　名”); everything else is English.
        let ownWords = messages.map { $0.replacing(#/"[^"]*"|“[^”]*”/#, with: "") }
        #expect(ownWords.allSatisfy { $0.unicodeScalars.allSatisfy { $0.value < 0x2E80 } }, "English messages only")
    }

    @Test func unwritableOutputIsAUsageError() throws {
        let result = try CLI.run(["audit", "--output", "/no/such/folder/report.json", "samples"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/no/such/folder/report.json"))
    }

    @Test func checksListsTheCatalogueWithACTIds() throws {
        let result = try CLI.run(["checks", "--format", "json"])
        #expect(result.status == 0)
        let list = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let byId = Dictionary(uniqueKeysWithValues: list.compactMap { item in (item["id"] as? String).map { ($0, item) } })
        for (id, act) in [("html-has-lang", "b5c3f8"), ("meta-refresh", "bc659a"), ("document-title", "2779a5")] {
            let item = try #require(byId[id], "\(id) is not listed")
            #expect((item["act"] as? [String])?.contains(act) == true)
            #expect(Set(item.keys).isSuperset(of: ["id", "title", "impact", "category", "standards", "act", "profiles"]))
        }
    }

    @Test func explainSpeaksChineseByDefault() throws {
        let result = try CLI.run(["explain", "meta-refresh"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("【为什么重要】"))
        #expect(result.stdout.contains("WCAG 2.1 成功准则 2.2.1"))
        #expect(result.stdout.contains("<meta http-equiv=\"refresh\" content=\"30\">"))
    }

    @Test func brokenExtraCheckIsAStartupErrorNamingTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id: [broken".write(to: folder.appendingPathComponent("mine.yml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["checks", "--checks", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("mine.yml"))
    }
}

@Suite struct ProgressLineTests {
    /// `script` gives the child a terminal, as a person running Shilao has.
    @Test func progressGoesToATerminalOnly() throws {
        let script = try #require(["/usr/bin/script", "/bin/script"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                  "util-linux `script` is needed to give the binary a terminal")
        let binary = FileManager.default.fileExists(atPath: CLI.binary.path)
            ? CLI.binary.path : CLI.packageRoot.appendingPathComponent(".build/debug/shilao").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: report) }
        process.arguments = ["-qec", "\(binary) audit --format jsonl --output \(report) samples", "/dev/null"]
        process.currentDirectoryURL = CLI.packageRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let terminal = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(terminal.contains("已完成"), "the progress line shows on a terminal: \(terminal.prefix(200))")
        #expect(terminal.contains("页/秒"))

        let piped = try CLI.run(["audit", "--format", "jsonl", "--output", report, "samples"])
        #expect(piped.stderr.isEmpty, "nothing extra when standard error is not a terminal")
    }
}

@Suite struct OutputFileTests {
    /// The report is written into the file the path names, in place: a symbolic link stays a link
    /// (and a device such as /dev/null stays a device), where writing a new file and renaming it
    /// over the path would replace it.
    @Test func outputIsWrittenInPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.jsonl").path
        let link = folder.appendingPathComponent("link.jsonl").path
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let result = try CLI.run(["audit", "--profile", "all", "--format", "jsonl", "--output", link, "samples/index.html"])
        #expect(result.status == 0)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == target, "the link must stay a link")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.hasPrefix("{\"url\":\"samples/index.html\""))
    }
}
