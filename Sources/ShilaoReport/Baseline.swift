import Foundation
import ShilaoCore

/// One failed finding as a baseline file keeps it: the fingerprint decides, the rest is for people.
public struct BaselineEntry: Sendable, Equatable {
    public let fingerprint: String
    public let check: String
    public let url: String
    public let path: String
    public let line: Int?

    public init(fingerprint: String, check: String, url: String, path: String, line: Int?) {
        self.fingerprint = fingerprint
        self.check = check
        self.url = url
        self.path = path
        self.line = line
    }

    init(_ finding: Finding, url: String) {
        self.init(fingerprint: Fingerprint.of(finding, url: url), check: finding.check, url: url,
                  path: finding.location?.path ?? "", line: finding.location?.line)
    }
}

/// The failed findings of an earlier run (`--write-baseline`), so a gate on an old site fails
/// only on what is new (`--baseline`).
public struct Baseline: Sendable, Equatable {
    public let entries: [BaselineEntry]

    public init(entries: [BaselineEntry]) {
        self.entries = entries
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func load(_ path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read the baseline '\(path)'")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let findings = object["findings"] as? [[String: Any]] else {
            throw Failure(description: "'\(path)' is not a Shilao baseline (a JSON object with 'findings')")
        }
        return Baseline(entries: try findings.enumerated().map { index, item in
            guard let fingerprint = item["fingerprint"] as? String, let check = item["check"] as? String,
                  let url = item["url"] as? String else {
                throw Failure(description: "'\(path)': findings[\(index)] needs 'fingerprint', 'check' and 'url'")
            }
            return BaselineEntry(fingerprint: fingerprint, check: check, url: url, path: item["path"] as? String ?? "",
                                 line: item["line"] as? Int)
        })
    }

    public func write(to path: String, profile: String) throws {
        let document = JSON.object([
            ("tool", .string("shilao")),
            ("version", .string(ShilaoInfo.version)),
            ("profile", .string(profile)),
            ("findings", .array(entries.map { entry in
                var members: [(String, JSON)] = [("fingerprint", .string(entry.fingerprint)), ("check", .string(entry.check)),
                                                 ("url", .string(entry.url)), ("path", .string(entry.path))]
                if let line = entry.line { members.append(("line", .int(line))) }
                return .object(members)
            })),
        ])
        try OutputSink.file(path).write(document.serialized(indent: 2) + "\n")
    }
}

/// A run's failed findings against a baseline: new, still present, and fixed.
public struct BaselineDiff: Sendable, Equatable {
    public let new: Int
    public let unchanged: Int
    /// Baseline findings the run no longer has.
    public let fixed: [BaselineEntry]
    let known: Set<String>

    /// `current` holds the run's failed findings; one element failing twice counts once.
    public init(baseline: Baseline, current: [BaselineEntry]) {
        known = Set(baseline.entries.map(\.fingerprint))
        let now = Set(current.map(\.fingerprint))
        new = now.subtracting(known).count
        unchanged = now.intersection(known).count
        var seen = Set<String>()
        fixed = baseline.entries.filter { !now.contains($0.fingerprint) && seen.insert($0.fingerprint).inserted }
    }

    public func isNew(_ fingerprint: String) -> Bool { !known.contains(fingerprint) }
}
