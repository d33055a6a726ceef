import Foundation

/// A JSON Lines results file that a run appends to and a resumed run reads back: the URLs it
/// already holds are not audited again. A last line cut short by a killed run is dropped, so a
/// resumed run ends with exactly one record per URL.
public enum ResumeLog {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The `url` of every complete record in `path` (none when the file does not exist yet).
    public static func recordedURLs(_ path: String) throws -> Set<String> {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read the results file '\(path)'")
        }
        try dropPartialLastLine(path, data)
        var urls = Set<String>()
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let url = object["url"] as? String else { continue }
            urls.insert(url)
        }
        return urls
    }

    private static func dropPartialLastLine(_ path: String, _ data: Data) throws {
        guard let last = data.last, last != UInt8(ascii: "\n") else { return }
        let keep = data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw Failure(description: "cannot repair the results file '\(path)'")
        }
        defer { try? handle.close() }
        try handle.truncate(atOffset: UInt64(keep))
    }
}
