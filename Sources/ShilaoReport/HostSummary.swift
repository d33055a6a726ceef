import Foundation
import ShilaoCore

/// One host's part of a URL run: how many pages, how many could not be audited, its site score
/// under the run's profile, and its worst pages. Only hosts with two or more pages get one.
public struct HostSummary: Sendable {
    public let host: String
    public let pages: Int
    public let errors: Int
    public let site: SiteScore?
    /// Up to five audited pages, most failed findings first.
    public let worstPages: [(url: String, failed: Int, score: Double?)]
}

/// Gathers host summaries as records stream past, holding only tallies and five pages per host.
struct HostTallies {
    static let worstKept = 5

    struct Entry {
        var pages = 0
        var errors = 0
        var tally: SiteTally
        var worst: [(url: String, failed: Int, score: Double?)] = []
    }

    let profile: Profile
    var entries: [String: Entry] = [:]

    init(profile: Profile) {
        self.profile = profile
    }

    mutating func add(_ page: ScoredPage) {
        guard let host = URL(string: page.record.url)?.host?.lowercased(),
              let scheme = URL(string: page.record.url)?.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return }
        if entries[host] == nil { entries[host] = Entry(tally: SiteTally(profile: profile)) }
        entries[host]!.pages += 1
        guard page.record.status == .ok else {
            if page.record.status == .error { entries[host]!.errors += 1 }
            return
        }
        entries[host]!.tally.add(page.record.audit.outcomes)
        let failed = page.record.audit.findings.filter { $0.outcome == .failed }.count
        guard failed > 0 else { return }
        var worst = entries[host]!.worst
        worst.append((page.record.url, failed, page.score?.score))
        worst.sort { $0.failed != $1.failed ? $0.failed > $1.failed : $0.url < $1.url }
        entries[host]!.worst = Array(worst.prefix(Self.worstKept))
    }

    /// Sorted by host name: fetched records arrive in completion order, and reports must not
    /// depend on it.
    var summaries: [HostSummary] {
        entries.keys.sorted().compactMap { host in
            guard let entry = entries[host], entry.pages >= 2 else { return nil }
            return HostSummary(host: host, pages: entry.pages, errors: entry.errors, site: entry.tally.score,
                               worstPages: entry.worst)
        }
    }
}
