import ShilaoCore

/// `--format jsonl`: one contract record per page, written (and so flushed) as each page finishes.
public final class JSONLinesReporter: Reporter {
    let sink: OutputSink
    let language: Language

    public init(sink: OutputSink, language: Language) {
        self.sink = sink
        self.language = language
    }

    public func page(_ record: PageRecord) throws {
        try sink.write(RecordJSON.record(record, language: language).serialized() + "\n")
    }

    public func finish(_ totals: RunTotals) throws {}
}

/// `--format json`: the whole run in one document: settings, page records, totals and the
/// inputs that could not be audited.
public final class JSONReporter: Reporter {
    let sink: OutputSink
    let settings: RunSettings
    var pages: [JSON] = []
    var failures: [JSON] = []

    public init(sink: OutputSink, settings: RunSettings) {
        self.sink = sink
        self.settings = settings
    }

    public func page(_ record: PageRecord) throws {
        pages.append(RecordJSON.record(record, language: settings.language))
        if record.status == .error {
            failures.append(.object([("url", .string(record.url)), ("error", .string(record.error ?? ""))]))
        }
    }

    public func finish(_ totals: RunTotals) throws {
        let document = JSON.object([
            ("tool", .object([("name", .string("shilao")), ("version", .string(ShilaoInfo.version))])),
            ("settings", .object([
                ("profile", .string(settings.profile)),
                ("lang", .string(settings.language.rawValue)),
                ("jobs", .int(settings.jobs)),
                ("inputs", .array(settings.inputs.map(JSON.string))),
            ])),
            ("summary", .object([
                ("pages", .int(totals.pages)),
                ("errors", .int(totals.errors)),
                ("failed", .int(totals.failed)),
                ("needsReview", .int(totals.needsReview)),
            ])),
            ("pages", .array(pages)),
            ("loadFailures", .array(failures)),
        ])
        try sink.write(document.serialized(indent: 2) + "\n")
    }
}
