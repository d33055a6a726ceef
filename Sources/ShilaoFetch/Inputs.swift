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

    /// The pages below `folder`, sorted, then a record for each folder that could not be
    /// listed: its pages are missing from the run, and the report must say so.
    private static func pagesBelow(_ folder: String) -> [Input] {
        var names: [String] = []
        var unlisted: [Input] = []
        collectPages(below: folder.hasSuffix("/") ? folder : folder + "/", named: folder, into: &names, unlisted: &unlisted)
        return names.sorted().map { .file(name: $0, path: $0) } + unlisted
    }

    /// Regular files with a page extension, hidden entries and symbolic links left out. Read
    /// with readdir: FileManager's enumerator made URLs and resource values for every file,
    /// four seconds for a folder of 100,000 pages.
    private static func collectPages(below directory: String, named name: String, into names: inout [String],
                                     unlisted: inout [Input]) {
        guard let stream = opendir(directory) else {
            unlisted.append(.unusable(name: name, reason: "cannot list the folder: \(String(cString: strerror(errno)))"))
            return
        }
        var folders: [String] = []
        while let entry = readdir(stream) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard !entryName.hasPrefix(".") else { continue }
            let path = directory + entryName
            var type = Int(entry.pointee.d_type)
            if type == DT_UNKNOWN {
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                type = info.st_mode & S_IFMT == S_IFDIR ? DT_DIR : info.st_mode & S_IFMT == S_IFREG ? DT_REG : DT_UNKNOWN
            }
            if type == DT_DIR {
                folders.append(path)
            } else if type == DT_REG, let dot = entryName.lastIndex(of: "."),
                      pageExtensions.contains(entryName[entryName.index(after: dot)...].lowercased()) {
                names.append(path)
            }
        }
        closedir(stream)
        // Entered once this folder is closed, so a deep tree holds one descriptor at a time.
        for folder in folders { collectPages(below: folder + "/", named: folder, into: &names, unlisted: &unlisted) }
    }

    /// The lines of a URL list (`-` reads standard input): blank lines and `#` comments are
    /// ignored; a line that is not an http(s) URL becomes an unusable input naming the line.
    public static func urlList(_ path: String) -> [Input] {
        let text: String
        if path == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            // Read as pages are: FileManager.contents leaked 4 KB on an empty file (LeakSanitizer,
            // FuzzInputs).
            guard case .success(let data) = read(path) else {
                return [.unusable(name: path, reason: "cannot read the URL list")]
            }
            text = String(decoding: data, as: UTF8.self)
        }
        var inputs: [Input] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let url = URL(string: line), url.isHTTP, url.host != nil {
                inputs.append(.web(line))
            } else {
                inputs.append(.unusable(name: line, reason: "\(path == "-" ? "standard input" : path) line \(number + 1): not an http(s) URL"))
            }
        }
        return inputs
    }

    /// The bytes of a file input, or the reason they cannot be read. A file over `maxBytes` is
    /// not read at all, so one huge file costs neither the memory nor the time of parsing it;
    /// the reason names the file as `what` and the limit as `limitName`.
    /// One open, one fstat and the reads: FileManager's checks and attribute dictionaries
    /// cost as much as parsing a small page.
    public static func read(_ path: String, maxBytes: Int = Int.max, what: String = "page",
                            limitName: String = "--max-page-size") -> Result<[UInt8], InputError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == EACCES { return .failure(InputError(reason: "permission denied: the file cannot be read")) }
            return .failure(InputError(reason: "cannot read the file: \(String(cString: strerror(code)))"))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            return .failure(InputError(reason: "cannot read the file: \(String(cString: strerror(errno)))"))
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { return .failure(InputError(reason: "cannot read the file: it is a folder")) }
        let tooLarge = InputError(reason: "the \(what) is larger than \(maxBytes) bytes (\(limitName))")
        // A pipe or device has no size up front: its reads stop one byte past the limit.
        if type == S_IFREG, Int(info.st_size) > maxBytes { return .failure(tooLarge) }
        var bytes: [UInt8] = []
        var chunk = type == S_IFREG ? max(Int(info.st_size), 1) : 64 * 1024
        while bytes.count <= maxBytes {
            let start = bytes.count
            let room = maxBytes - start
            let want = room < chunk ? room + 1 : chunk
            bytes.append(contentsOf: repeatElement(0, count: want))
            let got = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + start, want) }
            if got < 0 {
                if errno == EINTR { bytes.removeLast(want); continue }
                return .failure(InputError(reason: "cannot read the file: \(String(cString: strerror(errno)))"))
            }
            bytes.removeLast(want - got)
            if got == 0 { break }
            chunk = 64 * 1024
        }
        return bytes.count > maxBytes ? .failure(tooLarge) : .success(bytes)
    }

    /// The size of a file in bytes, or nil when it cannot be found.
    static func fileSize(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }
}

public struct InputError: Error, Sendable {
    public let reason: String
}
