import Foundation

/// Keeps the K-th of N shares of the inputs by a stable hash of their names, so N machines can
/// split one URL dump with no coordination and no overlap.
public struct Shard: Sendable, Equatable {
    public let index: Int
    public let count: Int

    /// Parses `K/N` with 1 ≤ K ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        index = k
        count = n
    }

    public func keeps(_ name: String) -> Bool {
        Int(Shard.fnv1a(name) % UInt64(count)) == index - 1
    }

    /// FNV-1a over the UTF-8 bytes: the same on every machine and every run.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// All inputs of a run, in order: the ones known up front, then the pages of each WARC file as
/// they are read. Each name is audited once, only inputs of this shard are kept, and names
/// already recorded (when resuming) are passed over.
public struct InputSequence: Sequence {
    let known: [Input]
    let warcFiles: [String]
    /// Archived pages larger than this are error records, never held in memory.
    let pageLimit: Int
    let shard: Shard?
    let done: Set<String>

    public init(known: [Input], warcFiles: [String] = [], pageLimit: Int = FetchSettings().maxBodyBytes,
                shard: Shard? = nil, done: Set<String> = []) {
        self.known = known
        self.warcFiles = warcFiles
        self.pageLimit = pageLimit
        self.shard = shard
        self.done = done
    }

    /// How many inputs there will be, when that is known before reading any archive.
    public var expectedCount: Int? {
        guard warcFiles.isEmpty else { return nil }
        var copy = makeIterator()
        var count = 0
        while copy.next() != nil { count += 1 }
        return count
    }

    /// Whether any input is fetched over HTTP (records then come out as pages finish).
    public var fetchesWeb: Bool { known.contains(where: \.isWeb) }

    public struct Iterator: IteratorProtocol {
        var known: IndexingIterator<[Input]>
        var warcFiles: IndexingIterator<[String]>
        var reader: WARCReader?
        let pageLimit: Int
        let shard: Shard?
        let done: Set<String>
        var seen = Set<String>()

        public mutating func next() -> Input? {
            while let input = nextRaw() {
                let key = InputSequence.key(input)
                guard seen.insert(key).inserted else { continue }
                if let shard, !shard.keeps(input.name) { continue }
                if done.contains(input.name) { continue }
                return input
            }
            return nil
        }

        private mutating func nextRaw() -> Input? {
            if let input = known.next() { return input }
            while true {
                if let input = reader?.next() { return input }
                guard let path = warcFiles.next() else { return nil }
                reader = WARCReader(path: path, pageLimit: pageLimit)
            }
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(known: known.makeIterator(), warcFiles: warcFiles.makeIterator(), pageLimit: pageLimit, shard: shard, done: done)
    }

    /// Two inputs are the same page when their file paths or URLs are.
    static func key(_ input: Input) -> String {
        if case .file(_, let path) = input { return "file:" + URL(fileURLWithPath: path).standardizedFileURL.path }
        return input.name
    }
}
