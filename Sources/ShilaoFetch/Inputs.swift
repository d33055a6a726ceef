import Foundation

/// One thing to audit, in the order the user gave it.
public enum Input: Sendable, Equatable {
    /// A local HTML file: `name` is the path as given (or as found below a given folder), and
    /// `path` where to read it. A path, not a URL: a run can hold 100,000 of them, and a URL
    /// made from a relative path keeps a URL of the working folder of its own.
    case file(name: String, path: String)
    /// An http(s) URL to fetch.
    case web(String)
    /// A page whose bytes are already at hand (a WARC response record), under its URL.
    case document(name: String, body: [UInt8], charset: String?)
    /// An input that cannot be audited; it still becomes a record.
    case unusable(name: String, reason: String)

    public var name: String {
        switch self {
        case .file(let name, _), .document(let name, _, _), .unusable(let name, _): return name
        case .web(let url): return url
        }
    }

    public var isWeb: Bool {
        if case .web = self { return true }
        return false
    }
}

/// Turns command-line arguments into inputs: files as given, folders searched recursively for
/// `*.html` and `*.htm` (sorted, so runs are reproducible), duplicates kept once.
public enum Inputs {
    public static let pageExtensions: Set<String> = ["html", "htm"]

    public static func resolve(_ arguments: [String]) -> [Input] {
        var inputs: [Input] = []
        func add(_ input: Input) { inputs.append(input) }
        for argument in arguments {
            if argument.hasPrefix("http://") || argument.hasPrefix("https://") {
                add(.web(argument))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                add(.unusable(name: argument, reason: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                let pages = pagesBelow(argument)
                if pages.isEmpty {
                    add(.unusable(name: argument, reason: "the folder holds no .html or .htm file"))
                }
                pages.forEach(add)
            } else {
                add(.file(name: argument, path: argument))
            }
        }
        return inputs
    }

    private static func pagesBelow(_ folder: String) -> [Input] {
        let root = URL(fileURLWithPath: folder, isDirectory: true)
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var names: [String] = []
        let base = root.standardizedFileURL.path
        while let url = enumerator.nextObject() as? URL {
            guard pageExtensions.contains(url.pathExtension.lowercased()),
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count))
            let separator = folder.hasSuffix("/") ? "" : "/"
            names.append(folder + separator + relative.drop { $0 == "/" })
        }
        return names.sorted().map { .file(name: $0, path: $0) }
    }

    /// The lines of a URL list (`-` reads standard input): blank lines and `#` comments are
    /// ignored; a line that is not an http(s) URL becomes an unusable input naming the line.
    public static func urlList(_ path: String) -> [Input] {
        let text: String
        if path == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let data = FileManager.default.contents(atPath: path) else {
                return [.unusable(name: path, reason: "cannot read the URL list")]
            }
            text = String(decoding: data, as: UTF8.self)
        }
        var inputs: [Input] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let url = URL(string: line), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil {
                inputs.append(.web(line))
            } else {
                inputs.append(.unusable(name: line, reason: "\(path == "-" ? "standard input" : path) line \(number + 1): not an http(s) URL"))
            }
        }
        return inputs
    }

    /// The bytes of a file input, or the reason they cannot be read. A file over `maxBytes` is
    /// not read at all, so one huge file costs neither the memory nor the time of parsing it.
    public static func read(_ path: String, maxBytes: Int = Int.max) -> Result<[UInt8], InputError> {
        guard FileManager.default.isReadableFile(atPath: path) else {
            return .failure(InputError(reason: "permission denied: the file cannot be read"))
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
           size.intValue > maxBytes {
            return .failure(InputError(reason: "the page is larger than \(maxBytes) bytes (--max-page-size)"))
        }
        do {
            return .success(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        } catch {
            return .failure(InputError(reason: "cannot read the file: \(error.localizedDescription)"))
        }
    }
}

public struct InputError: Error, Sendable {
    public let reason: String
}
