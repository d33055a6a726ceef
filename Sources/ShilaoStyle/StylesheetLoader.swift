import Foundation
import ShilaoDOM

/// Why a linked or imported sheet could not be used. The engine records it as a problem of the
/// page and carries on without the sheet.
public struct StylesheetLoadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Why, without the sheet's address: the engine's problem names the sheet.
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

/// Fetches style sheets by absolute URL (`file:` or `http(s):`). Implementations are shared by
/// all pages of a run, so they must be thread-safe; `StylesheetCache` gives them load-once.
public protocol StylesheetLoader: Sendable {
    func stylesheet(at url: URL) -> Result<Stylesheet, StylesheetLoadError>
    /// The sheet of a `<style>` element. Loaders with a cache reuse the parse of a text that
    /// other pages carry too: a CMS template writes the same block into every page of a site.
    func stylesheet(inline text: String) -> Stylesheet
}

extension StylesheetLoader {
    public func stylesheet(inline text: String) -> Stylesheet {
        Stylesheet(parsing: text)
    }
}

/// Sheets parsed once per run. Linked sheets: each URL loaded once, whichever page asks first
/// (pages asking for it meanwhile wait for that one load), and a text already parsed under
/// another URL not parsed again: county sites give each township's subsite its own copy of one
/// template's sheets. `<style>` texts: parsed once for all the pages that repeat them.
///
/// A parsed sheet takes about twenty times its text in memory, and a run over many sites meets
/// new sheets all along (200 sites with a 300 KB sheet each took 1.6 GB): each table is bounded
/// in bytes of text and starts over when full.
public final class StylesheetCache: @unchecked Sendable {
    private final class Entry: @unchecked Sendable {
        let lock = NSLock()
        var result: Result<Stylesheet, StylesheetLoadError>?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var sheetsByText: [String: Stylesheet] = [:]
    private var linkedBytes = 0
    private let linkedLimit: Int
    private var inlineSheets: [String: Stylesheet] = [:]
    private var inlineBytes = 0
    static let inlineLimit = (count: 256, textBytes: 128 << 10, totalBytes: 2 << 20)
    private var parseCount = 0

    /// Texts parsed so far, for tests.
    var parses: Int { lock.withLock { parseCount } }

    /// `linkedLimit`: bytes of linked sheet text kept before the table starts over (a sheet
    /// bigger than that is kept alone).
    public init(linkedLimit: Int = 4 << 20) {
        self.linkedLimit = linkedLimit
    }

    public func stylesheet(
        for key: String, load: () -> Result<String, StylesheetLoadError>
    ) -> Result<Stylesheet, StylesheetLoadError> {
        let entry = lock.withLock { () -> Entry in
            if let existing = entries[key] { return existing }
            let created = Entry()
            entries[key] = created
            return created
        }
        return entry.lock.withLock {
            if let result = entry.result { return result }
            let result = load().map { sheet(parsing: $0, for: key, entry) }
            entry.result = result
            return result
        }
    }

    /// What `stylesheet(for:load:)` gave `key`, if it has been loaded and not dropped since;
    /// nil without loading anything.
    public func loaded(_ key: String) -> Result<Stylesheet, StylesheetLoadError>? {
        guard let entry = lock.withLock({ entries[key] }) else { return nil }
        return entry.lock.withLock { entry.result }
    }

    /// A `<style>` element's sheet, parsed once for all pages that carry the same text.
    public func inline(_ text: String) -> Stylesheet {
        let bytes = text.utf8.count
        let kept = bytes <= Self.inlineLimit.textBytes
        if kept, let parsed = lock.withLock({ inlineSheets[text] }) { return parsed }
        let parsed = Stylesheet(parsing: text)
        // A full table is handed out of the lock to be freed, as in `sheet(parsing:for:_:)`.
        _ = lock.withLock { () -> [String: Stylesheet]? in
            parseCount += 1
            guard kept else { return nil }
            var dropped: [String: Stylesheet]?
            if inlineSheets.count >= Self.inlineLimit.count || inlineBytes + bytes > Self.inlineLimit.totalBytes {
                dropped = inlineSheets
                inlineSheets = [:]
                inlineBytes = 0
            }
            if inlineSheets.updateValue(parsed, forKey: text) == nil { inlineBytes += bytes }
            return dropped
        }
        return parsed
    }

    /// The sheet of a text loaded for `key`, parsed unless another URL gave the same text.
    private func sheet(parsing text: String, for key: String, _ entry: Entry) -> Stylesheet {
        if let parsed = lock.withLock({ sheetsByText[text] }) { return parsed }
        // Parsed outside the lock: two URLs with one text at once may both parse it, harmlessly.
        let parsed = Stylesheet(parsing: text)
        let bytes = text.utf8.count
        // A full table is a few hundred megabytes of objects: handed out of the lock, and freed
        // there, so other pages' look-ups do not wait for it.
        _ = lock.withLock { () -> (entries: [String: Entry], sheets: [String: Stylesheet])? in
            parseCount += 1
            var dropped: (entries: [String: Entry], sheets: [String: Stylesheet])?
            if linkedBytes + bytes > linkedLimit {
                // The URL entries go too, as they hold the parses; the one being loaded stays.
                dropped = (entries, sheetsByText)
                entries = [key: entry]
                sheetsByText = [:]
                linkedBytes = 0
            }
            if sheetsByText.updateValue(parsed, forKey: text) == nil { linkedBytes += bytes }
            return dropped
        }
        return parsed
    }
}

/// Reads `file:` URLs from disk, relative links already resolved against the page's path.
/// Other schemes are reported as not loadable until a fetching loader is plugged in.
public final class FileStylesheetLoader: StylesheetLoader {
    private let cache: StylesheetCache
    private let maximumBytes: Int

    public init(cache: StylesheetCache = StylesheetCache(), maximumBytes: Int = 8 << 20) {
        self.cache = cache
        self.maximumBytes = maximumBytes
    }

    public func stylesheet(at url: URL) -> Result<Stylesheet, StylesheetLoadError> {
        guard url.isFileURL else {
            return .failure(StylesheetLoadError("only local files can be read here"))
        }
        let path = url.path
        return cache.stylesheet(for: path) {
            let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: target) else {
                return .failure(StylesheetLoadError("cannot be read"))
            }
            // A page may link /dev/stdin or a named pipe: opening one would wait forever.
            guard attributes[.type] as? FileAttributeType == .typeRegular else {
                return .failure(StylesheetLoadError("not a regular file"))
            }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                return .failure(StylesheetLoadError("cannot be read"))
            }
            defer { try? handle.close() }
            let data = handle.readData(ofLength: maximumBytes + 1)
            guard data.count <= maximumBytes else {
                return .failure(StylesheetLoadError("larger than \(maximumBytes) bytes"))
            }
            // Invalid UTF-8 (a GBK comment, say) becomes U+FFFD; the syntax around it is ASCII.
            return .success(String(decoding: data, as: UTF8.self))
        }
    }

    public func stylesheet(inline text: String) -> Stylesheet {
        cache.inline(text)
    }
}

/// Resolves `href` against a base that is either a URL or a file path.
enum URLResolver {
    static func baseURL(for page: String) -> URL? {
        if page.contains("://") { return URL(string: page) }
        return URL(fileURLWithPath: page)
    }

    static func resolve(_ href: String, against base: URL?) -> URL? {
        let trimmed = href.trimmed(.whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let escaped = trimmed.addingPercentEncoding(withAllowedCharacters: allowed) ?? trimmed
        return URL(string: escaped, relativeTo: base)?.absoluteURL
    }

    /// Characters left as they are when a written link becomes a URL (spaces and non-ASCII get escaped).
    private static let allowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.insert(charactersIn: "#%")
        return set
    }()
}
