import ShilaoCore

/// `--format jsonl`: one contract record per page, written (and so flushed) as each page finishes.
public final class JSONLinesReporter: Reporter {
    let sink: OutputSink
    let language: Language

    public init(sink: OutputSink, language: Language) {
        self.sink = sink
        self.language = language
    }

    /// A record bigger than this goes out in pieces of about this size (still one line).
    static let chunk = 1 << 20

    public func page(_ page: ScoredPage) throws {
        try RecordJSON.record(page, language: language).write(inChunksOf: Self.chunk, appending: [UInt8(ascii: "\n")]) {
            try sink.write($0)
        }
    }

    public func finish(_ run: RunReport) throws {}
}
