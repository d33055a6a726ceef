import ShilaoDOM
import ShilaoStyle

/// A check judges one page and records outcomes with data; the engine adds the words.
public protocol Check: Sendable {
    func run(on page: Page, into results: inout Results)
}

/// What checks see of one page. Element views from `document` are valid while the page is
/// being audited and must not be kept past `run`.
public struct Page {
    public let document: HTMLDocument
    /// The URL as requested, or the file path as given.
    public let url: String
    /// Computed styles for the viewport the run judges (cascade of the page's own sheets).
    public let style: StyleEngine
    /// Roles, accessible names and hidden state, computed on demand and cached for the page;
    /// hidden-ness comes from the computed styles.
    public let accessibility: AccessibilityContext
    /// Values checks share for this page (see `PageMemo`).
    public let memo = PageMemo()

    public init(document: HTMLDocument, url: String, viewport: Viewport = .desktop,
                loader: StylesheetLoader = FileStylesheetLoader()) {
        self.document = document
        self.url = url
        let style = StyleEngine(document: document, pageURL: url, viewport: viewport, loader: loader)
        self.style = style
        accessibility = AccessibilityContext(
            document: document,
            // An image map's areas are display:none in the UA sheet, yet exposed through their image.
            isHiddenByStyle: { !$0.isNamed("area") && style.style(of: $0).display == "none" },
            isInvisible: { style.style(of: $0).visibility != .visible })
    }
}

/// Where a finding sits in the page: libxml2 has no columns, so a line, an element path and the
/// start tag.
public struct Location: Codable, Sendable, Hashable {
    public let line: Int
    public let path: String
    public let snippet: String

    public init(line: Int, path: String, snippet: String) {
        self.line = line
        self.path = path
        self.snippet = snippet
    }

    /// The element's place; `line` overrides its start line for a finding inside its text (a
    /// statement of an inline script, a word of a paragraph).
    public init(_ element: Element, line: Int? = nil) {
        self.init(line: line ?? element.line, path: element.path, snippet: element.snippet())
    }
}

/// One outcome a check recorded, with the message key and the data its templates use.
public struct Record: Sendable, Hashable {
    public let outcome: Outcome
    public let location: Location?
    public let key: String
    public let data: [String: String]
}

/// The outcomes one check records on one page.
public struct Results: Sendable {
    public private(set) var records: [Record] = []

    public init() {}

    /// A pass at `element`. Passes are counted, never reported, so no location is built: a path
    /// and snippet for every passing element were most of the work and memory on large pages.
    public mutating func pass(_ element: Element? = nil) {
        records.append(Record(outcome: .passed, location: nil, key: "pass", data: [:]))
    }

    public mutating func fail(_ element: Element, _ key: String = "fail", _ data: [String: String] = [:]) {
        records.append(Record(outcome: .failed, location: Location(element), key: key, data: data))
    }

    /// A failure inside the element's text, reported at the line of that text.
    public mutating func fail(_ element: Element, line: Int, _ key: String = "fail", _ data: [String: String] = [:]) {
        records.append(Record(outcome: .failed, location: Location(element, line: line), key: key, data: data))
    }

    /// A person has to decide: the message says what to look at.
    public mutating func review(_ element: Element?, _ key: String = "review", _ data: [String: String] = [:]) {
        records.append(Record(outcome: .needsReview, location: element.map { Location($0) }, key: key, data: data))
    }

    /// Needs review, reported at the line of the text inside the element that raised it.
    public mutating func review(_ element: Element, line: Int, _ key: String = "review", _ data: [String: String] = [:]) {
        records.append(Record(outcome: .needsReview, location: Location(element, line: line), key: key, data: data))
    }

    /// The check's outcome for the page: failed over needs-review over passed; nothing recorded
    /// means the check did not apply.
    public var outcome: Outcome {
        if records.contains(where: { $0.outcome == .failed }) { return .failed }
        if records.contains(where: { $0.outcome == .needsReview }) { return .needsReview }
        if records.contains(where: { $0.outcome == .passed }) { return .passed }
        return .inapplicable
    }
}
