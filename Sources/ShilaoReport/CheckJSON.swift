import ShilaoCore

/// How `shilao checks --format json` describes a check.
public enum CheckJSON {
    /// `profiles`: the ids of the profiles that run the check.
    public static func summary(_ metadata: CheckMetadata, language: Language, profiles: [String]) -> JSON {
        .object([
            ("id", .string(metadata.id)),
            ("title", .string(metadata.title[language])),
            ("impact", .string(metadata.impact.rawValue)),
            ("category", .string(metadata.category.rawValue)),
            ("standards", .array(metadata.standards.map(RecordJSON.clause))),
            ("act", .array(metadata.act.map(JSON.string))),
            ("profiles", .array(profiles.map(JSON.string))),
        ])
    }
}
