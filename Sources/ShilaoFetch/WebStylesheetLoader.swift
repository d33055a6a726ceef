import AsyncHTTPClient
import Foundation
import NIOCore
import ShilaoDOM
import ShilaoStyle

/// Style sheets of fetched pages: `http(s)` sheets and `@import`s through the run's HTTP client,
/// local ones from disk; each URL loaded once per run. The style engine asks synchronously while
/// it builds a page's cascade, so a sheet not loaded yet is waited for there, on SwiftNIO's own
/// threads' I/O. The runner avoids that wait: `prefetch(for:pageURL:viewport:)` fetches what a
/// page will ask for before the page takes a core, so a slow server does not leave one idle.
public final class WebStylesheetLoader: StylesheetLoader, @unchecked Sendable {
    let client: HTTPClient
    let settings: FetchSettings
    let cache: StylesheetCache
    let files: FileStylesheetLoader
    private let lock = NSLock()
    /// Sheets one page fetches at once: a hostile page linking thousands of hosts must not open
    /// a connection to each at the same moment.
    static let sheetsAtOnce = 8
    /// Prefetches under way, by URL: pages of one site that arrive together fetch its sheet once.
    private var inFlight: [String: Task<Result<Stylesheet, StylesheetLoadError>, Never>] = [:]

    public init(fetcher: Fetcher, cache: StylesheetCache = StylesheetCache()) {
        client = fetcher.client
        settings = fetcher.settings
        self.cache = cache
        files = FileStylesheetLoader(cache: cache)
    }

    public func stylesheet(at url: URL) -> Result<Stylesheet, StylesheetLoadError> {
        if url.isFileURL { return files.stylesheet(at: url) }
        guard isHTTP(url) else {
            return .failure(StylesheetLoadError("\(url.absoluteString): not an http(s) or file URL"))
        }
        return cache.stylesheet(for: url.absoluteString) {
            (try? fetch(url).wait()) ?? .failure(StylesheetLoadError("\(url.absoluteString): no answer"))
        }
    }

    public func stylesheet(inline text: String) -> Stylesheet {
        cache.inline(text)
    }

    /// Fetches the `http(s)` sheets `document` links and imports in `viewport` that the run's
    /// cache does not hold, a level of `@import` at a time (`sheetsAtOnce` of a level together), and
    /// returns a loader for auditing that page which holds them all: the cache may drop them to
    /// make room before the page gets a core. A sheet this misses is still loaded when asked for.
    public func prefetch(for document: HTMLDocument, pageURL: String, viewport: Viewport) async -> StylesheetLoader {
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
                    guard next < urls.count else { return }
                    let url = urls[next]
                    next += 1
                    group.addTask { (url.absoluteString, await self.prefetch(url)) }
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

    private func prefetch(_ url: URL) async -> Result<Stylesheet, StylesheetLoadError> {
        let key = url.absoluteString
        if let loaded = cache.loaded(key) { return loaded }
        let task = lock.withLock { () -> Task<Result<Stylesheet, StylesheetLoadError>, Never> in
            if let running = inFlight[key] { return running }
            let started = Task {
                let text = (try? await fetch(url).get()) ?? .failure(StylesheetLoadError("\(key): no answer"))
                let result = cache.stylesheet(for: key) { text }
                lock.withLock { inFlight[key] = nil }
                return result
            }
            inFlight[key] = started
            return started
        }
        return await task.value
    }

    /// The sheet's text, following up to `maxRedirects` redirects; never a failed future.
    private func fetch(_ url: URL) -> EventLoopFuture<Result<String, StylesheetLoadError>> {
        fetch(url, from: url, redirectsLeft: settings.maxRedirects)
    }

    private func fetch(_ url: URL, from current: URL, redirectsLeft: Int) -> EventLoopFuture<Result<String, StylesheetLoadError>> {
        var request: HTTPClient.Request
        do {
            request = try HTTPClient.Request(url: current.absoluteString)
        } catch {
            return client.eventLoopGroup.next().makeSucceededFuture(.failure(StylesheetLoadError("\(url.absoluteString): \(error)")))
        }
        request.headers.add(name: "User-Agent", value: settings.userAgent)
        request.headers.add(name: "Accept", value: "text/css,*/*;q=0.1")
        let accumulator = ResponseAccumulator(request: request, maxBodySize: settings.maxBodyBytes)
        let deadline = NIODeadline.now() + .milliseconds(Int64(settings.totalTimeout * 1000))
        let answer = client.execute(request: request, delegate: accumulator, deadline: deadline).futureResult
        let loop = answer.eventLoop
        return answer.flatMap { response in
            let status = Int(response.status.code)
            if (300..<400).contains(status), let location = response.headers.first(name: "Location"),
               let next = URL(string: location, relativeTo: current)?.absoluteURL {
                guard redirectsLeft > 0 else {
                    return loop.makeSucceededFuture(
                        .failure(StylesheetLoadError("\(url.absoluteString): more than \(self.settings.maxRedirects) redirects")))
                }
                return self.fetch(url, from: next, redirectsLeft: redirectsLeft - 1)
            }
            guard status < 400 else {
                return loop.makeSucceededFuture(.failure(StylesheetLoadError("\(url.absoluteString): HTTP \(status)")))
            }
            // The syntax is ASCII; bytes that are not UTF-8 only touch strings and comments.
            return loop.makeSucceededFuture(
                .success(String(decoding: response.body.map { Array($0.readableBytesView) } ?? [], as: UTF8.self)))
        }.recover { error in
            .failure(StylesheetLoadError("\(url.absoluteString): \(error)"))
        }
    }
}

/// One fetched page's sheets, held while the page waits for a core and is audited. While
/// `probing`, a sheet neither held nor in the run's cache is noted in `missing` instead of
/// fetched; afterwards it is loaded through the run's loader. One page's task uses it.
private final class PageSheets: StylesheetLoader, @unchecked Sendable {
    let loader: WebStylesheetLoader
    var held: [String: Result<Stylesheet, StylesheetLoadError>] = [:]
    var missing: [URL] = []
    var probing = true

    init(_ loader: WebStylesheetLoader) {
        self.loader = loader
    }

    func stylesheet(at url: URL) -> Result<Stylesheet, StylesheetLoadError> {
        guard isHTTP(url) else { return loader.stylesheet(at: url) }
        let key = url.absoluteString
        if let result = held[key] { return result }
        if let loaded = loader.cache.loaded(key) {
            held[key] = loaded
            return loaded
        }
        guard probing else { return loader.stylesheet(at: url) }
        missing.append(url)
        return .failure(StylesheetLoadError("not fetched yet"))
    }

    func stylesheet(inline text: String) -> Stylesheet {
        loader.stylesheet(inline: text)
    }
}

private func isHTTP(_ url: URL) -> Bool {
    guard let scheme = url.scheme?.lowercased() else { return false }
    return scheme == "http" || scheme == "https"
}
