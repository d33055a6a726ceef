import ShilaoDOM

/// The result for one input, in the shape of the report contract: every input gives exactly
/// one record, a page that could not be read included.
public struct PageRecord: Sendable {
    public enum Status: String, Sendable, Codable {
        case ok, error
    }

    /// The URL as requested, or the file path as given on the command line.
    public let url: String
    public let status: Status
    /// Why the page could not be audited (status `error`).
    public let error: String?
    public let audit: PageAudit

    public init(url: String, status: Status, error: String?, audit: PageAudit) {
        self.url = url
        self.status = status
        self.error = error
        self.audit = audit
    }

    public static func failure(url: String, reason: String) -> PageRecord {
        PageRecord(url: url, status: .error, error: reason, audit: PageAudit(outcomes: [:], findings: []))
    }
}

/// Loads one page's bytes and runs the engine on it. Never throws: what cannot be parsed
/// becomes an error record naming the reason.
public struct Auditor: Sendable {
    public let engine: Engine

    public init(engine: Engine) {
        self.engine = engine
    }

    public func audit(bytes: [UInt8], charset: String? = nil, url: String) -> PageRecord {
        let document: HTMLDocument
        do {
            document = try Loader.load(bytes, charset: charset, url: url)
        } catch {
            return .failure(url: url, reason: "\(error)")
        }
        let audit = engine.audit(Page(document: document, url: url))
        return PageRecord(url: url, status: .ok, error: nil, audit: audit)
    }
}
