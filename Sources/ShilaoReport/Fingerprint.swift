import ShilaoCore

/// A finding's identity across runs: check, page URL, element path and a hash of the start tag
/// with its whitespace collapsed. Line numbers are left out on purpose: an edit above the
/// element moves it without making it a new problem.
public enum Fingerprint {
    public static func of(_ finding: Finding, url: String) -> String {
        let path = finding.location?.path ?? ""
        let snippet = normalized(finding.location?.snippet ?? "")
        return "\(finding.check)|\(url)|\(path)|\(hex(fnv1a(snippet)))"
    }

    /// Runs of whitespace become one space, so re-indenting a template changes nothing.
    static func normalized(_ snippet: String) -> String {
        snippet.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// FNV-1a, 64 bits: stable across runs and platforms, unlike `Hasher`.
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
