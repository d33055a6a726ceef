import Foundation
import ShilaoCore
import ShilaoDOM

/// Audits inputs: up to `concurrency` fetches in flight and up to `jobs` pages being audited at
/// once. Local files come out in input order; when pages are fetched, each record comes out as
/// soon as its page is done. Memory holds only the pages in flight.
public struct Runner: Sendable {
    public let auditor: Auditor
    public let jobs: Int
    public let concurrency: Int
    public let fetcher: Fetcher?
    /// With a fetcher, pages' `http(s)` style sheets come through it too.
    let sheets: WebStylesheets?
    /// Files and archived pages larger than this become error records instead of being parsed
    /// (fetched pages are held to the fetcher's own limit).
    public let maxPageBytes: Int

    public init(auditor: Auditor, jobs: Int, concurrency: Int = 8, fetcher: Fetcher? = nil, maxPageBytes: Int = Int.max) {
        self.auditor = auditor
        self.jobs = max(1, jobs)
        self.concurrency = max(1, concurrency)
        self.fetcher = fetcher
        sheets = fetcher.map { WebStylesheets(fetcher: $0, files: auditor.loader) }
        self.maxPageBytes = maxPageBytes
    }

    public func run<S: Sequence>(_ inputs: S, ordered: Bool = true, emit: (PageRecord) throws -> Void) async throws
    where S.Element == Input {
        let cpu = Semaphore(jobs)
        let width = fetcher == nil ? jobs : max(jobs, concurrency)
        var pending: [Int: PageRecord] = [:]
        var nextToEmit = 0
        var queue = StartOrder(inputs.makeIterator(), biggestFilesFirst: ordered, lanes: jobs)
        try await withThrowingTaskGroup(of: (Int, PageRecord).self) { group in
            func startNext() -> Bool {
                guard let (index, input) = queue.next() else { return false }
                group.addTask { [self] in
                    (index, await audit(input, cpu))
                }
                return true
            }
            for _ in 0..<width where !startNext() { break }
            while let (index, record) = try await group.next() {
                if ordered {
                    pending[index] = record
                    while let ready = pending.removeValue(forKey: nextToEmit) {
                        try emit(ready)
                        nextToEmit += 1
                    }
                } else {
                    try emit(record)
                }
                _ = startNext()
            }
        }
    }

    func audit(_ input: Input, _ cpu: Semaphore) async -> PageRecord {
        switch input {
        case .unusable(let name, let reason):
            return .failure(url: name, reason: reason)
        case .file(let name, let path):
            guard sheets != nil else {
                return await cpu.holding { [auditor, maxPageBytes] in
                    switch Inputs.read(path, maxBytes: maxPageBytes) {
                    case .failure(let error): return .failure(url: name, reason: error.reason)
                    case .success(let bytes): return auditor.audit(bytes: bytes, url: name)
                    }
                }
            }
            // A local page in a run that fetches may link sheets on the web.
            switch Inputs.read(path, maxBytes: maxPageBytes) {
            case .failure(let error): return .failure(url: name, reason: error.reason)
            case .success(let bytes): return await audit(page: bytes, charset: nil, url: name, finalURL: nil, cpu)
            }
        case .document(let name, let body, let charset):
            if body.count > maxPageBytes {
                return .failure(url: name, reason: "the page is larger than \(maxPageBytes) bytes (--max-page-size)")
            }
            // An archived page keeps the sheets archived with it, in a run that fetches too.
            if auditor.loader is ArchiveStylesheetLoader {
                return await cpu.holding { [auditor] in auditor.audit(bytes: body, charset: charset, url: name) }
            }
            return await audit(page: body, charset: charset, url: name, finalURL: nil, cpu)
        case .web(let url):
            guard let fetcher else { return .failure(url: url, reason: "fetching over HTTP is not enabled") }
            switch await fetcher.fetch(url) {
            case .failed(let finalURL, let reason, _):
                return .failure(url: url, finalURL: finalURL, reason: reason)
            case .skipped(let finalURL, let contentType):
                return .skipped(url: url, finalURL: finalURL, contentType: contentType)
            case .page(let finalURL, _, let body, let charset):
                return await audit(page: body, charset: charset, url: url, finalURL: finalURL, cpu)
            }
        }
    }

    /// Audits a page held in memory. In a run that fetches, its style sheets may be on the web:
    /// they are fetched between parsing the page and auditing it, without holding a core, so a
    /// slow server does not leave a core idle while a sheet arrives.
    func audit(page body: [UInt8], charset: String?, url: String, finalURL: String?, _ cpu: Semaphore) async -> PageRecord {
        guard let sheets else {
            return await cpu.holding { [auditor] in auditor.audit(bytes: body, charset: charset, url: url, finalURL: finalURL) }
        }
        await cpu.wait()
        let parsed = auditor.parse(bytes: body, charset: charset, url: url, finalURL: finalURL)
        await cpu.signal()
        let document: HTMLDocument
        switch parsed {
        case .success(let page): document = page
        case .failure(let failure): return failure.record
        }
        let loader = await sheets.prefetch(for: document, pageURL: finalURL ?? url, viewport: auditor.viewport)
        await cpu.wait()
        let record = auditor.audit(document, url: url, finalURL: finalURL, loader: loader)
        await cpu.signal()
        return record
    }
}

/// How many local files `StartOrder` reads ahead at a time, how many of the biggest of them it
/// may start first, and how many neighbouring files one lane takes in turn.
let startOrderBatch = 1_024
let startOrderEarly = 64
let startOrderLane = 16

/// The order pages start in. Records keep the input order (`index`), but a large file started
/// last would leave the other cores idle while it alone is audited: local files are read in
/// batches of `startOrderBatch`, and in each batch the files of at least four times the
/// batch's median size start first, biggest first (`startOrderEarly` of them at most). The
/// others keep their order, so the pages of one site stay together and the run's style sheet
/// cache holds few sites at a time (sorting them all by size scattered 200 sites' pages, and
/// every page parsed its site's sheet again). With more than one job, the others go in lanes,
/// one a job: each lane takes `startOrderLane` files in order, and the lanes of neighbouring
/// runs of files start a file each in turn. Two cores taking neighbouring files were on one
/// site at once, and one waited while the other parsed the site's sheet (200 sites of three
/// pages with a 300 KB sheet each, 2 cores: 11.3 s in order, 8.8 s in lanes). Batches bound how
/// far a page can start out of order, so records still stream out and the ones waiting for an
/// earlier page stay few. Only local files are batched: archived pages hold their bodies, and
/// fetched pages start in the order given, which is what per-host politeness expects.
struct StartOrder<Base: IteratorProtocol> where Base.Element == Input {
    private var base: Base
    private let biggestFilesFirst: Bool
    private let lanes: Int
    /// The current batch, last to start first.
    private var batch: [(index: Int, input: Input)] = []
    private var held: Input?
    private var read = 0

    init(_ base: Base, biggestFilesFirst: Bool, lanes: Int = 1) {
        self.base = base
        self.biggestFilesFirst = biggestFilesFirst
        self.lanes = max(1, lanes)
    }

    mutating func next() -> (Int, Input)? {
        if batch.isEmpty, held == nil, biggestFilesFirst { fillBatch() }
        if let next = batch.popLast() { return next }
        guard let input = held ?? base.next() else { return nil }
        held = nil
        defer { read += 1 }
        return (read, input)
    }

    /// Reads files up to the batch size or the first input that is not a file (held for after
    /// the batch): the big ones first (ties in input order), then the rest in lanes.
    private mutating func fillBatch() {
        var sized: [(index: Int, input: Input, size: Int)] = []
        while sized.count < startOrderBatch, let input = base.next() {
            guard case .file(_, let path) = input else {
                held = input
                break
            }
            let size = Inputs.fileSize(path) ?? 0
            sized.append((read, input, size))
            read += 1
        }
        let bySize = sized.sorted { $0.size != $1.size ? $0.size > $1.size : $0.index < $1.index }
        let median = bySize.isEmpty ? 0 : bySize[bySize.count / 2].size
        let biggest = bySize.prefix(startOrderEarly).prefix { $0.size >= 4 * median && $0.size > 0 }
        let early = Set(biggest.map(\.index))
        // Popped from the end.
        batch = (Array(biggest) + inLanes(sized.filter { !early.contains($0.index) })).reversed().map { ($0.index, $0.input) }
    }

    /// `files` in runs of `startOrderLane`; each group of `lanes` neighbouring runs gives a file
    /// of each run in turn.
    private func inLanes<T>(_ files: [T]) -> [T] {
        guard lanes > 1 else { return files }
        var ordered: [T] = []
        ordered.reserveCapacity(files.count)
        for start in stride(from: 0, to: files.count, by: lanes * startOrderLane) {
            let runs = (0..<lanes).map { lane in
                files[min(files.count, start + lane * startOrderLane)..<min(files.count, start + (lane + 1) * startOrderLane)]
            }
            for offset in 0..<startOrderLane {
                for run in runs where offset < run.count { ordered.append(run[run.startIndex + offset]) }
            }
        }
        return ordered
    }
}

/// Bounds how many pages are audited at once, so fetching many pages never oversubscribes the
/// cores with parsing and checking.
actor Semaphore {
    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) {
        available = count
    }

    /// Runs `work` while holding one unit.
    nonisolated func holding<T: Sendable>(_ work: @Sendable () -> T) async -> T {
        await wait()
        let result = work()
        await signal()
        return result
    }

    func wait() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func signal() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
