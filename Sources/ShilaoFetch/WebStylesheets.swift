import Foundation
import NIOCore
import ShilaoDOM
import ShilaoStyle

/// Style sheets of pages in a run that fetches: `http(s)` sheets and their `@import`s come
/// through the run's `Fetcher` — the same `--per-host` limit, `--delay`, retries, redirects and
/// size limit as pages — each URL loaded once per run. The style engine asks for sheets
/// synchronously while it builds a page's cascade, and a core must not sit idle while a server
/// answers, so they are fetched before the page is audited: `prefetch(for:pageURL:viewport:)`
/// fetches what the page will ask for and returns the loader to audit it with. Other sheets
/// (`file:` links of local pages) come from the run's own loader.
public final class WebStylesheets: Sendable {
    let fetcher: Fetcher
    let cache: StylesheetCache
    let files: StylesheetLoader
    private let inFlight = InFlight()
    /// Sheets one page fetches at once: a hostile page linking thousands of hosts must not open
    /// a connection to each at the same moment.
    static let sheetsAtOnce = 8
    static let accepting = "text/css,*/*;q=0.1"

    /// `files`: the loader for sheets that are not fetched, and for `<style>` texts.
    public init(fetcher: Fetcher, files: StylesheetLoader, cache: StylesheetCache = StylesheetCache()) {
        self.fetcher = fetcher
        self.files = files
        self.cache = cache
    }

    /// Fetches the `http(s)` sheets `document` links and imports in `viewport` that the run's
    /// cache does not hold, a level of `@import` at a time (`sheetsAtOnce` of a level together), and
    /// returns a loader for auditing that page which holds them all: the cache may drop them to
    /// make room before the page gets a core. No sheet is started once the page's sheets have
    /// taken `--timeout`: a page linking hundreds of dead hosts, each retried, would otherwise
    /// hold its place for hours. Those are not fetched for this page only; the next page linking
    /// one tries again.
    public func prefetch(for document: HTMLDocument, pageURL: String, viewport: Viewport) async -> StylesheetLoader {
        let until = NIODeadline.now() + .milliseconds(Int64(fetcher.settings.totalTimeout * 1000))
        let late = StylesheetLoadError(String(format: "not fetched: the page's sheets took more than --timeout (%g s)", fetcher.settings.totalTimeout))
        let sheets = PageSheets(self)
        var tried: Set<String> = []
        while true {
            sheets.missing = []
            StyleEngine.readSheets(of: document, pageURL: pageURL, viewport: viewport, loader: sheets)
            let urls = sheets.missing.filter { tried.insert($0.absoluteString).inserted }
            if urls.isEmpty { break }
            await withTaskGroup(of: (String, Result<Stylesheet, StylesheetLoadError>).self) { group in
                var next = 0
                func start() {
                    while next < urls.count {
                        let url = urls[next]
                        next += 1
                        if NIODeadline.now() < until {
                            group.addTask { (url.absoluteString, await self.load(url)) }
                            return
                        }
                        sheets.held[url.absoluteString] = .failure(late)
                    }
                }
                for _ in 0..<Self.sheetsAtOnce { start() }
                for await (key, result) in group {
                    sheets.held[key] = result
                    start()
                }
            }
        }
        sheets.probing = false
        return sheets
    }

    /// The sheet at `url`, from the run's cache or fetched and parsed; pages asking for it while
    /// it is being fetched wait for that one fetch. A sheet that could not be fetched is
    /// remembered as such, or every page of a site would wait for one that never answers.
    private func load(_ url: URL) async -> Result<Stylesheet, StylesheetLoadError> {
        let key = url.absoluteString
        if let loaded = cache.loaded(key) { return loaded }
        let task = inFlight.task(for: key) {
            Task {
                let text = await self.text(of: key)
                let result = self.cache.stylesheet(for: key) { text }
                self.inFlight.finished(key)
                return result
            }
        }
        return await task.value
    }

    private func text(of url: String) async -> Result<String, StylesheetLoadError> {
        switch await fetcher.fetch(url, anyType: true, accept: Self.accepting) {
        case .page(_, _, let body, _):
            // The syntax is ASCII; bytes that are not UTF-8 only touch strings and comments.
            return .success(String(decoding: body, as: UTF8.self))
        case .failed(_, let reason, _):
            return .failure(StylesheetLoadError(reason))
        case .skipped(_, let contentType):
            return .failure(StylesheetLoadError("not a style sheet (\(contentType))"))
        }
    }

    /// Fetches under way, by URL.
    private final class InFlight: @unchecked Sendable {
        private let lock = NSLock()
        private var tasks: [String: Task<Result<Stylesheet, StylesheetLoadError>, Never>] = [:]

        func task(for key: String, start: () -> Task<Result<Stylesheet, StylesheetLoadError>, Never>)
            -> Task<Result<Stylesheet, StylesheetLoadError>, Never> {
            lock.withLock {
                if let running = tasks[key] { return running }
                let started = start()
                tasks[key] = started
                return started
            }
        }

        func finished(_ key: String) {
            lock.withLock { tasks[key] = nil }
        }
    }
}

/// One fetched page's sheets, held while the page waits for a core and is audited. While
/// `probing`, a sheet neither held nor in the run's cache is noted in `missing`; afterwards it
/// is one the prefetch did not foresee, and the page is styled without it, which its record's
/// `styleProblems` say. One page's task uses it.
private final class PageSheets: StylesheetLoader, @unchecked Sendable {
    let sheets: WebStylesheets
    var held: [String: Result<Stylesheet, StylesheetLoadError>] = [:]
    var missing: [URL] = []
    var probing = true

    init(_ sheets: WebStylesheets) {
        self.sheets = sheets
    }

    func stylesheet(at url: URL) -> Result<Stylesheet, StylesheetLoadError> {
        guard url.isHTTP else {
            return sheets.files.stylesheet(at: url)
        }
        let key = url.absoluteString
        if let result = held[key] { return result }
        if let loaded = sheets.cache.loaded(key) {
            held[key] = loaded
            return loaded
        }
        if probing { missing.append(url) }
        return .failure(StylesheetLoadError(probing ? "not fetched yet" : "not fetched before the audit"))
    }

    func stylesheet(inline text: String) -> Stylesheet {
        sheets.files.stylesheet(inline: text)
    }
}
