/// Everything a check says about itself, read from its YAML file in `checks/`.
public struct CheckMetadata: Sendable {
    public let id: String
    public let title: Localized
    public let rationale: Localized
    public let fix: Localized
    /// Message templates by key: `fail`, `fail.empty`, `review`, …
    public let messages: [String: Localized]
    public let impact: Impact
    public let category: Category
    public let standards: [Clause]
    /// W3C ACT rule ids the check implements.
    public let act: [String]
    public let examples: Examples
    public let implementation: Implementation
    /// The YAML file it came from, for error messages.
    public let file: String

    public init(id: String, title: Localized, rationale: Localized, fix: Localized, messages: [String: Localized],
                impact: Impact, category: Category, standards: [Clause], act: [String], examples: Examples,
                implementation: Implementation, file: String) {
        self.id = id
        self.title = title
        self.rationale = rationale
        self.fix = fix
        self.messages = messages
        self.impact = impact
        self.category = category
        self.standards = standards
        self.act = act
        self.examples = examples
        self.implementation = implementation
        self.file = file
    }

    public enum Implementation: Sendable, Equatable {
        /// A Swift type registered under the check's id.
        case swift
        /// A declarative check over a primitive, with options from the YAML file.
        case primitive(String)
    }

    /// The message for `key`, falling back from `fail.empty` to `fail`, and then to the title.
    public func message(_ key: String) -> Localized {
        if let message = messages[key] { return message }
        if let dot = key.firstIndex(of: "."), let message = messages[String(key[..<dot])] { return message }
        return title
    }
}

/// A check's examples, which the test suite runs.
public struct Examples: Sendable {
    public let pass: [Example]
    public let fail: [Example]
    public let review: [Example]

    public init(pass: [Example] = [], fail: [Example] = [], review: [Example] = []) {
        self.pass = pass
        self.fail = fail
        self.review = review
    }
}

/// One example page. A fragment is wrapped in a valid skeleton page (language, charset and title
/// set) so that page-level checks stay quiet; `document` examples are used as written. In fail
/// examples `↓` stands before each element that must fail.
public struct Example: Sendable, Hashable {
    public static let marker: Character = "↓"
    static let skeletonHead = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>示例页面</title>
        </head>
        <body>

        """
    static let skeletonTail = "\n</body>\n</html>\n"

    public let code: String
    public let document: Bool

    public init(code: String, document: Bool = false) {
        self.code = code
        self.document = document
    }

    /// The page to audit, without markers.
    public var html: String {
        let clean = code.filter { $0 != Example.marker }
        return document ? clean : Example.skeletonHead + clean + Example.skeletonTail
    }

    /// The page line of each `↓`, in order (a line repeats when it holds several markers).
    public var markedLines: [Int] {
        var lines: [Int] = []
        var line = document ? 1 : Example.skeletonHead.split(separator: "\n", omittingEmptySubsequences: false).count
        for character in code {
            if character == Example.marker { lines.append(line) }
            // A Character holds CRLF whole: one line break, as libxml2 counts it.
            if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
        }
        return lines
    }
}
