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
        var line = RecordJSON.record(page, language: language).utf8()
        line.append(UInt8(ascii: "\n"))
        try sink.write(line)
    }

    public func finish(_ run: RunReport) throws {}
}
