import AsyncHTTPClient
import Foundation
import NIOCore
import ShilaoStyle

/// Style sheets of fetched pages: `http(s)` sheets and `@import`s through the run's HTTP client,
/// local ones from disk; each URL loaded once per run. The style engine asks synchronously while
/// it builds a page's cascade, so this waits on the client's future, whose I/O runs on
/// SwiftNIO's own threads rather than the task pool the audit runs on.
public final class WebStylesheetLoader: StylesheetLoader {
    let client: HTTPClient
    let settings: FetchSettings
    let cache: StylesheetCache
    let files: FileStylesheetLoader

    public init(fetcher: Fetcher, cache: StylesheetCache = StylesheetCache()) {
        client = fetcher.client
        settings = fetcher.settings
        self.cache = cache
        files = FileStylesheetLoader(cache: cache)
    }

    public func stylesheet(at url: URL) -> Result<Stylesheet, StylesheetLoadError> {
        if url.isFileURL { return files.stylesheet(at: url) }
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return .failure(StylesheetLoadError("\(url.absoluteString): not an http(s) or file URL"))
        }
        return cache.stylesheet(for: url.absoluteString) { fetch(url) }
    }

    public func stylesheet(inline text: String) -> Stylesheet {
        cache.inline(text)
    }

    private func fetch(_ url: URL) -> Result<String, StylesheetLoadError> {
        var current = url
        for _ in 0...settings.maxRedirects {
            do {
                var request = try HTTPClient.Request(url: current.absoluteString)
                request.headers.add(name: "User-Agent", value: settings.userAgent)
                request.headers.add(name: "Accept", value: "text/css,*/*;q=0.1")
                let accumulator = ResponseAccumulator(request: request, maxBodySize: settings.maxBodyBytes)
                let deadline = NIODeadline.now() + .milliseconds(Int64(settings.totalTimeout * 1000))
                let response = try client.execute(request: request, delegate: accumulator, deadline: deadline).wait()
                let status = Int(response.status.code)
                if (300..<400).contains(status), let location = response.headers.first(name: "Location"),
                   let next = URL(string: location, relativeTo: current)?.absoluteURL {
                    current = next
                    continue
                }
                guard status < 400 else {
                    return .failure(StylesheetLoadError("\(url.absoluteString): HTTP \(status)"))
                }
                // The syntax is ASCII; bytes that are not UTF-8 only touch strings and comments.
                return .success(String(decoding: response.body.map { Array($0.readableBytesView) } ?? [], as: UTF8.self))
            } catch {
                return .failure(StylesheetLoadError("\(url.absoluteString): \(error)"))
            }
        }
        return .failure(StylesheetLoadError("\(url.absoluteString): more than \(settings.maxRedirects) redirects"))
    }
}
