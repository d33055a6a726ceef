import Foundation

/// Time spent in each check over a run (`shilao audit --timing`), added up across pages and
/// worker threads. Computed styles are lazy: the first check to ask for an element's style pays
/// for it, as ESLint's TIMING attributes shared work to the first rule that does it.
public final class CheckTimes: @unchecked Sendable {
    private let lock = NSLock()
    private var totals: [String: Duration] = [:]

    public init() {}

    func add(_ check: String, _ duration: Duration) {
        lock.withLock { totals[check, default: .zero] += duration }
    }

    /// Checks and their total time, slowest first.
    public var slowestFirst: [(check: String, time: Duration)] {
        lock.withLock {
            totals.map { (check: $0.key, time: $0.value) }.sorted { $0.time != $1.time ? $0.time > $1.time : $0.check < $1.check }
        }
    }
}
