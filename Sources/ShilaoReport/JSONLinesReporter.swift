import ShilaoCore

/// `--format jsonl`: one contract record per page, written (and so flushed) as each page finishes.
public final class JSONLinesReporter: Reporter {
    let sink: OutputSink
    let language: Language

    public init(sink: OutputSink, language: Language) {
        self.sink = sink
        self.language = language
    }

    public func page(_ page: ScoredPage) throws {
        try sink.write(RecordJSON.record(page, language: language).serialized() + "\n")
    }

    public func finish(_ run: RunReport) throws {}
}
