import Foundation
import ShilaoCore

/// Audits inputs with up to `jobs` pages in parallel and hands each record to `emit` in input
/// order, as soon as it and every earlier record are done: memory holds only the pages in
/// flight and the records waiting for an earlier one.
public struct Runner: Sendable {
    public let auditor: Auditor
    public let jobs: Int

    public init(auditor: Auditor, jobs: Int) {
        self.auditor = auditor
        self.jobs = max(1, jobs)
    }

    public func run(_ inputs: [Input], emit: (PageRecord) throws -> Void) async throws {
        var pending: [Int: PageRecord] = [:]
        var nextToEmit = 0
        try await withThrowingTaskGroup(of: (Int, PageRecord).self) { group in
            var nextToStart = 0
            func startNext() {
                guard nextToStart < inputs.count else { return }
                let index = nextToStart
                let input = inputs[index]
                nextToStart += 1
                group.addTask { [auditor] in (index, Runner.audit(input, with: auditor)) }
            }
            for _ in 0..<min(jobs, inputs.count) { startNext() }
            while let (index, record) = try await group.next() {
                pending[index] = record
                while let ready = pending.removeValue(forKey: nextToEmit) {
                    try emit(ready)
                    nextToEmit += 1
                }
                startNext()
            }
        }
    }

    static func audit(_ input: Input, with auditor: Auditor) -> PageRecord {
        switch input {
        case .unusable(let name, let reason):
            return .failure(url: name, reason: reason)
        case .file(let name, let url):
            switch Inputs.read(url) {
            case .failure(let error): return .failure(url: name, reason: error.reason)
            case .success(let bytes): return auditor.audit(bytes: bytes, url: name)
            }
        }
    }
}
