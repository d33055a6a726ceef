import Yams

/// How check files, profiles and configuration are read. Yams looks up `YAMS_DEFAULT_ENCODING`
/// in the process environment (copying all of it) whenever a parser or decoder is made with its
/// default encoding: with one decoder and an explicit encoding that happens once, not once per
/// file and per profile item (about a sixth of the start-up time).
enum YAMLReading {
    /// Never changed after it is made, and each `decode` works on a decoder state of its own.
    nonisolated(unsafe) private static let decoder = YAMLDecoder(encoding: .utf8)

    static func compose(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text, .default, .default, .utf8)
    }

    static func decode<T: Decodable>(_ type: T.Type, from node: Node) throws -> T {
        try decoder.decode(type, from: node)
    }
}
