import CheckPack
import Foundation
import ShilaoDOM

/// Ad-network hosts, read once from `checks/data/ad-hosts.txt` (kept as data so it can be
/// updated without touching code).
enum AdHosts {
    static let hosts: Set<String> = {
        guard let url = CheckPack.dataFile("ad-hosts.txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("the built-in catalogue lacks data/ad-hosts.txt")
        }
        return Set(text.split(whereSeparator: \.isNewline).map { $0.trimmed(.whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }.map { $0.lowercased() })
    }()

    /// The listed ad host that `url` points at (the host itself or one of its subdomains), if any.
    static func adHost(in url: String) -> String? {
        guard let host = host(of: url) else { return nil }
        var candidate = Substring(host)
        while true {
            if hosts.contains(String(candidate)) { return String(candidate) }
            guard let dot = candidate.firstIndex(of: ".") else { return nil }
            candidate = candidate[candidate.index(after: dot)...]
        }
    }

    /// The first listed ad host written anywhere in `text` (inline scripts that load ad code).
    static func adHost(mentionedIn text: String) -> String? {
        let lower = text.lowercased()
        return hosts.sorted().first { lower.contains($0) }
    }

    /// The lower-cased host of an absolute or scheme-relative URL; nil for relative ones.
    static func host(of url: String) -> String? {
        let trimmed = url.trimmed(.whitespacesAndNewlines).lowercased()
        let rest: Substring
        if trimmed.hasPrefix("//") {
            rest = trimmed.dropFirst(2)
        } else if let range = trimmed.range(of: "://"), trimmed[..<range.lowerBound].allSatisfy({ $0.quickIsLetter }) {
            rest = trimmed[range.upperBound...]
        } else {
            return nil
        }
        var authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != "\\" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let host = authority.prefix { $0 != ":" }
        return host.isEmpty ? nil : String(host)
    }
}
