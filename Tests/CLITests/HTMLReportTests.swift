import Foundation
import Testing

/// The HTML report is a web page too: Shilao's own audit must find no failure in it, and a
/// browser must open it without console errors.
@Suite struct HTMLReportTests {
    /// gov-meta-tags asks for a government site's identification meta tags (SiteIDCode and the
    /// rest); a generated report is no page of a government site and has none to give.
    static let notForReports: Set<String> = ["gov-meta-tags"]

    static func report(_ language: String, in folder: URL) throws -> URL {
        let path = folder.appendingPathComponent("report-\(language).html")
        _ = try CLI.run(["audit", "--profile", "all", "--lang", language, "--format", "html", "--output", path.path, "samples"])
        return path
    }

    @Test(arguments: ["zh-CN", "en"])
    func theReportPassesShilaosOwnAudit(_ language: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Self.report(language, in: folder)
        let html = try String(contentsOf: report, encoding: .utf8)
        #expect(html.contains("<ol class=\"remediation\">"), "the samples give a remediation list to audit")
        let audit = try CLI.run(["audit", "--profile", "all", "--format", "jsonl", report.path])
        let record = try #require(try CLI.jsonLines(audit.stdout).first)
        let failed = ((record["findings"] as? [[String: Any]]) ?? []).filter {
            $0["outcome"] as? String == "failed" && !Self.notForReports.contains($0["check"] as? String ?? "")
        }
        #expect(failed.isEmpty, "the report fails its own audit: \(failed.map { "\($0["check"] ?? "") line \($0["line"] ?? "")" })")
        let outcomes = try #require(record["outcomes"] as? [String: String])
        #expect(outcomes["elder-enlarge-service"] == "passed" && outcomes["elder-mode-entry"] == "passed")
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Skipped when Debian's `chromium` is not installed (`apt-get install -y chromium`).
    @Test(.enabled(if: chromium != nil, "skipped: headless Chromium (Debian package chromium) is not installed"))
    func chromiumOpensTheReportWithoutConsoleErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Self.report("zh-CN", in: folder)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.chromium))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                             "--user-data-dir=" + folder.appendingPathComponent("profile").path, "--dump-dom", report.absoluteString]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(log)")
        #expect(dom.contains("<ol class=\"remediation\">"))
        let consoleErrors = log.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        #expect(consoleErrors.isEmpty, "\(consoleErrors)")
    }
}
