import ArgumentParser
import Foundation
import ShilaoCore
import ShilaoFetch
import ShilaoReport
import ShilaoStyle

extension Viewport: ExpressibleByArgument {}

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit HTML files and folders (recursive *.html, *.htm), URLs, URL lists, sitemaps and WARC archives.")

    @Argument(help: ArgumentHelp("Files, folders or http(s) URLs to audit.", valueName: "INPUT"))
    var inputs: [String] = []

    @Option(help: ArgumentHelp("A file of URLs, one per line ('-' reads standard input).", valueName: "FILE"))
    var urls: [String] = []

    @Option(help: ArgumentHelp("A sitemap (URL or file; urlset or sitemapindex, .xml or .xml.gz).", valueName: "URL|FILE"))
    var sitemap: [String] = []

    @Option(help: ArgumentHelp("A WARC 1.0/1.1 archive, gzipped or not: its HTML responses are audited.", valueName: "FILE"))
    var warc: [String] = []

    @OptionGroup var reportOptions: ReportOptions

    @Option(help: "Pages audited in parallel (default: the number of cores).")
    var jobs: Int?

    @Option(help: "The screen styles are computed for: desktop (1280×800) or mobile (375×667).")
    var viewport: Viewport = .desktop

    @OptionGroup var network: NetworkOptions

    @Option(help: ArgumentHelp("Append JSON Lines records to FILE, skipping URLs it already holds.", valueName: "FILE"))
    var resume: String?

    @Option(help: ArgumentHelp("Audit only the K-th of N shares of the inputs (stable hash of each URL).", valueName: "K/N"))
    var shard: String?

    @OptionGroup var catalogueOptions: CatalogueOptions

    @Flag(help: "Print the time each check took, slowest first, to standard error after the run.")
    var timing = false

    func validate() throws {
        guard (jobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard !(inputs.isEmpty && urls.isEmpty && sitemap.isEmpty && warc.isEmpty) else {
            throw ValidationError("name at least one file, folder, URL, --urls, --sitemap or --warc to audit")
        }
        if let shard, Shard(shard) == nil {
            throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, for example 2/5")
        }
        if resume != nil, reportOptions.output != nil || reportOptions.format != "jsonl" {
            throw ValidationError("--resume writes JSON Lines to its own file: use it with --format jsonl and without --output")
        }
        try network.validate()
    }

    func run() async throws {
        let configuration = try reportOptions.configuration()
        let catalogue = try catalogueOptions.catalogue(configuration)
        let reportPlan = try reportOptions.plan(configuration, profiles: try catalogueOptions.profiles(catalogue))
        let checks = reportPlan.profile.entries(in: catalogue)
        let jobs = self.jobs ?? configuration?.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let language = catalogueOptions.language(configuration)
        let done: Set<String>
        let resumeSink: OutputSink?
        do {
            done = try resume.map(ResumeLog.recordedURLs) ?? []
            resumeSink = try resume.map(OutputSink.appending)
        } catch {
            throw UsageError(message: "\(error)")
        }
        let session = try reportPlan.session(
            settings: RunSettings(profile: reportPlan.profile.id, language: language, jobs: jobs, inputs: inputs),
            catalogue: catalogue, ran: Set(checks.map(\.metadata.id)), mainSink: resumeSink)

        var known = Inputs.resolve(inputs)
        for list in urls { known += Inputs.urlList(list) }
        // Sitemap files list URLs too, so any sitemap means fetching.
        let needsNetwork = known.contains(where: \.isWeb) || !sitemap.isEmpty
        let fetcher = needsNetwork ? Fetcher(settings: network.settings) : nil
        for source in sitemap { known += await Sitemap.pages(from: source, fetcher: fetcher) }
        let plan = InputSequence(known: known, warcFiles: warc, pageLimit: network.settings.maxBodyBytes,
                                 shard: shard.flatMap(Shard.init), done: done)

        let times = timing ? CheckTimes() : nil
        // Archived pages are styled with the sheets archived with them.
        let loader: StylesheetLoader = warc.isEmpty ? FileStylesheetLoader() : ArchiveStylesheetLoader(ArchivedSheets(reading: warc))
        let auditor = Auditor(engine: Engine(checks: checks, times: times), viewport: viewport, loader: loader)
        let runner = Runner(auditor: auditor, jobs: jobs, concurrency: network.concurrency, fetcher: fetcher,
                            maxPageBytes: network.settings.maxBodyBytes)
        let progress = ProgressLine(total: plan.expectedCount, language: language)
        do {
            try await runner.run(plan, ordered: !plan.fetchesWeb) { record in
                try session.add(record)
                progress.update(session.totals)
            }
        } catch {
            await fetcher?.shutdown()
            throw error
        }
        await fetcher?.shutdown()
        progress.finish()
        if let times { Audit.printTimes(times) }
        try ExitStatus.after(try reportPlan.finish(session)).raise()
    }

    /// One line per check: milliseconds, share of all check time, id.
    static func printTimes(_ times: CheckTimes) {
        let rows = times.slowestFirst
        let total = rows.reduce(Duration.zero) { $0 + $1.time }
        func milliseconds(_ time: Duration) -> Double {
            Double(time.components.seconds) * 1000 + Double(time.components.attoseconds) / 1e15
        }
        var text = "check time (ms)  share  check\n"
        for row in rows {
            let share = total == .zero ? 0 : milliseconds(row.time) / milliseconds(total) * 100
            text += String(format: "%15.1f  %4.1f%%  ", milliseconds(row.time), share) + row.check + "\n"
        }
        text += String(format: "%15.1f  total\n", milliseconds(total))
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// How pages are fetched over HTTP.
struct NetworkOptions: ParsableArguments {
    @Option(help: "Fetches in flight at once.")
    var concurrency = 8

    @Option(name: .customLong("per-host"), help: "Requests in flight at once against one host, style sheets included.")
    var perHost = 2

    @Option(help: ArgumentHelp("Seconds between two requests to the same host (pages and style sheets).", valueName: "SECONDS"))
    var delay = 0.0

    @Option(help: ArgumentHelp("Seconds one URL may take from its turn at its host, redirects and retries included; no style sheet of a page starts after as long.", valueName: "SECONDS"))
    var timeout = 60.0

    @Option(name: .customLong("max-page-size"), help: ArgumentHelp("Largest page in megabytes, fetched, read from a file or archived; a larger one is an error record.", valueName: "MB"))
    var maxPageSize = 10.0

    func validate() throws {
        guard concurrency >= 1, perHost >= 1 else { throw ValidationError("--concurrency and --per-host must be at least 1") }
        guard delay >= 0, timeout > 0, maxPageSize > 0 else {
            throw ValidationError("--delay must not be negative; --timeout and --max-page-size must be positive")
        }
        // Larger values overflow the integer milliseconds and bytes they become (`--max-page-size 1e20`
        // stopped the program); nobody means more than a day or a terabyte.
        guard delay <= Self.longestWait, timeout <= Self.longestWait else {
            throw ValidationError("--delay and --timeout take at most \(Int(Self.longestWait)) seconds (a day)")
        }
        guard maxPageSize <= Self.largestPage else {
            throw ValidationError("--max-page-size takes at most \(Int(Self.largestPage)) MB (a terabyte)")
        }
    }

    static let longestWait = 86_400.0
    static let largestPage = 1_048_576.0

    var settings: FetchSettings {
        var settings = FetchSettings()
        settings.concurrency = concurrency
        settings.perHost = perHost
        settings.delay = delay
        settings.totalTimeout = timeout
        settings.readTimeout = min(settings.readTimeout, timeout)
        settings.connectTimeout = min(settings.connectTimeout, timeout)
        settings.maxBodyBytes = Int(maxPageSize * 1_048_576)
        return settings
    }
}
