import ShilaoCore

/// How `shilao checks --format json` describes a check.
public enum CheckJSON {
    public static func summary(_ metadata: CheckMetadata, language: Language) -> JSON {
        .object([
            ("id", .string(metadata.id)),
            ("title", .string(metadata.title[language])),
            ("impact", .string(metadata.impact.rawValue)),
            ("category", .string(metadata.category.rawValue)),
            ("standards", .array(metadata.standards.map {
                .object([("std", .string($0.std.rawValue)), ("clause", .string($0.clause))])
            })),
            ("act", .array(metadata.act.map(JSON.string))),
            // Profiles name their checks once scored profiles exist; every check is in `all`.
            ("profiles", .array([.string("all")])),
        ])
    }
}
