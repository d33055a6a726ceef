import Foundation
import ShilaoStyle

/// The style sheets WARC files hold (`text/css` responses, as `wget --warc-file
/// --page-requisites` stores them) by target URI, with the archived redirects between them, so
/// archived pages are styled with the sheets they were crawled with. Read in a pass of their own
/// before the pages: a crawler writes a page's sheets after the page. Up to `limit` bytes of
/// sheet text are kept; sheets past that, or bigger alone, are left out (and reported as such
/// when asked for).
public struct ArchivedSheets: Sendable {
    var texts: [String: String] = [:]
    var redirects: [String: String] = [:]
    /// Sheets not kept because the limit was reached.
    var leftOut: Set<String> = []
    /// Sheets whose body could not be read (a broken gzip body), and why.
    var unreadable: [String: String] = [:]

    /// Reads every file; a file that cannot be read or is cut short gives what it held before
    /// that (the pass over its pages reports the error).
    public init(reading paths: [String], limit: Int = 32 << 20) {
        var bytes = 0
        for path in paths {
            var reader = WARCReader(path: path, pageLimit: limit)
            while let record = try? reader.readRecord() {
                guard let (target, parsed) = reader.response(in: record), let response = parsed else { continue }
                if (300..<400).contains(response.status), let location = response.headers["location"] {
                    redirects[target] = URL(string: location, relativeTo: URL(string: target))?.absoluteURL.absoluteString
                    continue
                }
                guard response.status < 300, MediaType.essence(response.headers["content-type"]) == "text/css" else { continue }
                if case .unreadable(let reason) = response.problem {
                    unreadable[target] = "archived, but " + reason
                    continue
                }
                guard response.problem != .tooLarge, bytes + response.body.count <= limit else {
                    leftOut.insert(target)
                    continue
                }
                bytes += response.body.count
                // The syntax is ASCII; bytes that are not UTF-8 only touch strings and comments.
                texts[target] = String(decoding: response.body, as: UTF8.self)
            }
        }
    }

    /// The text archived for `url`, following archived redirects (five at most).
    func text(for url: String) -> Result<String, StylesheetLoadError> {
        var current = url
        for _ in 0...5 {
            if let text = texts[current] { return .success(text) }
            if leftOut.contains(current) { return .failure(StylesheetLoadError("archived, but past the archive's sheet limit")) }
            if let problem = unreadable[current] { return .failure(StylesheetLoadError(problem)) }
            guard let next = redirects[current] else { break }
            current = next
        }
        return .failure(StylesheetLoadError("not in the archive"))
    }
}

/// Style sheets for archived pages: `http(s)` sheets from the archive, other URLs and `<style>`
/// texts as `FileStylesheetLoader` reads them; each parsed once per run.
public final class ArchiveStylesheetLoader: StylesheetLoader {
    let sheets: ArchivedSheets
    let cache: StylesheetCache
    let files: FileStylesheetLoader

    public init(_ sheets: ArchivedSheets, cache: StylesheetCache = StylesheetCache()) {
        self.sheets = sheets
        self.cache = cache
        files = FileStylesheetLoader(cache: cache)
    }

    public func stylesheet(at url: URL) -> Result<Stylesheet, StylesheetLoadError> {
        guard url.isHTTP else {
            return files.stylesheet(at: url)
        }
        let key = url.absoluteString
        return cache.stylesheet(for: key) { sheets.text(for: key) }
    }

    public func stylesheet(inline text: String) -> Stylesheet {
        cache.inline(text)
    }
}
