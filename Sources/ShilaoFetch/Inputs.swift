import Foundation

/// One thing to audit, in the order the user gave it.
public enum Input: Sendable, Equatable {
    /// A local HTML file: `name` is the path as given (or as found below a given folder).
    case file(name: String, url: URL)
    /// An input that cannot be audited; it still becomes a record.
    case unusable(name: String, reason: String)

    public var name: String {
        switch self {
        case .file(let name, _), .unusable(let name, _): return name
        }
    }
}

/// Turns command-line arguments into inputs: files as given, folders searched recursively for
/// `*.html` and `*.htm` (sorted, so runs are reproducible), duplicates kept once.
public enum Inputs {
    public static let pageExtensions: Set<String> = ["html", "htm"]

    public static func resolve(_ arguments: [String]) -> [Input] {
        var inputs: [Input] = []
        var seen = Set<String>()
        func add(_ input: Input) {
            let key: String
            if case .file(_, let url) = input { key = url.standardizedFileURL.path } else { key = input.name }
            if seen.insert(key).inserted { inputs.append(input) }
        }
        for argument in arguments {
            if argument.hasPrefix("http://") || argument.hasPrefix("https://") {
                add(.unusable(name: argument, reason: "auditing URLs over HTTP is not available in this version"))
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
                add(.file(name: argument, url: URL(fileURLWithPath: argument)))
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
        return names.sorted().map { .file(name: $0, url: URL(fileURLWithPath: $0)) }
    }

    /// The bytes of a file input, or the reason they cannot be read.
    public static func read(_ url: URL) -> Result<[UInt8], InputError> {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            return .failure(InputError(reason: "permission denied: the file cannot be read"))
        }
        do {
            return .success(Array(try Data(contentsOf: url)))
        } catch {
            return .failure(InputError(reason: "cannot read the file: \(error.localizedDescription)"))
        }
    }
}

public struct InputError: Error, Sendable {
    public let reason: String
}
