import CheckPack
import Foundation
import ShilaoDOM

/// BCP 47 primary language subtags, read once from `checks/data/language-subtags.txt`.
enum LanguageTags {
    static let primarySubtags: Set<String> = {
        guard let url = CheckPack.dataFile("language-subtags.txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("the built-in catalogue lacks data/language-subtags.txt")
        }
        return Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
    }()

    /// Whether the tag's primary subtag (the part before the first `-`) is a known language.
    static func isValid(_ tag: String) -> Bool {
        primarySubtag(tag).map(primarySubtags.contains) ?? false
    }

    /// The lower-cased primary subtag, or nil when the tag is blank.
    static func primarySubtag(_ tag: String) -> String? {
        let trimmed = tag.trimmed(.whitespacesAndNewlines)
        guard let first = trimmed.split(separator: "-", omittingEmptySubsequences: false).first, !first.isEmpty else {
            return nil
        }
        return first.lowercased()
    }
}
