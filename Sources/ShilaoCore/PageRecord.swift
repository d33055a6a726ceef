import ShilaoDOM
import ShilaoStyle

/// The result for one input, in the shape of the report contract: every input gives exactly
/// one record, a page that could not be read included.
public struct PageRecord: Sendable {
    public enum Status: String, Sendable, Codable {
        /// Audited.
        case ok
        /// Could not be audited: missing, unreadable, unparseable, an HTTP error or a network failure.
        case error
        /// Not a page: a response that is not HTML, recorded with its type.
        case skipped
    }

    /// The URL as requested, or the file path as given on the command line.
    public let url: String
    /// Where redirects led, when that differs from `url`.
    public let finalURL: String?
    public let status: Status
    /// Why the page could not be audited (status `error`), or its type (status `skipped`).
    public let error: String?
    public let audit: PageAudit

    public init(url: String, finalURL: String? = nil, status: Status, error: String?, audit: PageAudit) {
        self.url = url
        self.finalURL = finalURL == url ? nil : finalURL
        self.status = status
        self.error = error
        self.audit = audit
    }

    public static func failure(url: String, finalURL: String? = nil, reason: String) -> PageRecord {
        PageRecord(url: url, finalURL: finalURL, status: .error, error: reason, audit: PageAudit(outcomes: [:], findings: []))
    }

    public static func skipped(url: String, finalURL: String?, contentType: String) -> PageRecord {
        PageRecord(url: url, finalURL: finalURL, status: .skipped, error: "not an HTML page (\(contentType))",
                   audit: PageAudit(outcomes: [:], findings: []))
    }
}

/// Loads one page's bytes and runs the engine on it. Never throws: what cannot be parsed
/// becomes an error record naming the reason.
public struct Auditor: Sendable {
    public let engine: Engine
    /// The viewport styles are computed for: media queries, and which thresholds apply.
    public let viewport: Viewport
    /// Shared by every page of a run, so each style sheet is loaded once.
    public let loader: StylesheetLoader

    public init(engine: Engine, viewport: Viewport = .desktop, loader: StylesheetLoader = FileStylesheetLoader()) {
        self.engine = engine
        self.viewport = viewport
        self.loader = loader
    }

    /// `url` names the page in the report; `finalURL` is where redirects led, the base for
    /// the page's relative links.
    public func audit(bytes: [UInt8], charset: String? = nil, url: String, finalURL: String? = nil) -> PageRecord {
        switch parse(bytes: bytes, charset: charset, url: url, finalURL: finalURL) {
        case .success(let document): return audit(document, url: url, finalURL: finalURL)
        case .failure(let failure): return failure.record
        }
    }

    /// A page that could not be parsed, as its error record.
    public struct ParseFailure: Error {
        public let record: PageRecord
    }

    /// The first half of `audit(bytes:…)`, for a runner that has something to do between the two.
    public func parse(bytes: [UInt8], charset: String? = nil, url: String, finalURL: String? = nil)
        -> Result<HTMLDocument, ParseFailure> {
        do {
            return .success(try Loader.load(bytes, charset: charset, url: finalURL ?? url))
        } catch {
            return .failure(ParseFailure(record: .failure(url: url, finalURL: finalURL, reason: "\(error)")))
        }
    }

    /// The second half of `audit(bytes:…)`; `loader` in place of the run's, for one page.
    public func audit(_ document: HTMLDocument, url: String, finalURL: String? = nil, loader: StylesheetLoader? = nil) -> PageRecord {
        let audit = engine.audit(Page(document: document, url: finalURL ?? url, viewport: viewport, loader: loader ?? self.loader))
        return PageRecord(url: url, finalURL: finalURL, status: .ok, error: nil, audit: audit)
    }
}
