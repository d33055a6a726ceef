import Foundation

/// Reads the `response` records of a WARC 1.0/1.1 file (as `wget --warc-file` and common
/// crawlers write them, gzipped per record or not) one at a time, yielding each HTML page as an
/// input under its target URI with its HTTP headers. Other records (requests, metadata, images,
/// style sheets) are not pages and are passed over; `ArchivedSheets` reads the style sheets.
public struct WARCReader: Sequence, IteratorProtocol {
    let name: String
    let stream: ByteStream?
    /// Largest page body kept (`--max-page-size`). A record whose block is bigger is read
    /// through, not held: a crawl's video, or a gzip bomb, would otherwise sit in memory whole.
    let pageLimit: Int
    var buffer: [UInt8] = []
    var position = 0
    var failed: Input?
    var done = false

    /// A WARC header line, or the HTTP head of a record too big to keep, is at most this long.
    static let headLimit = 64 << 10

    public init(path: String, pageLimit: Int) {
        name = path
        self.pageLimit = pageLimit
        do {
            stream = try ByteStream(url: URL(fileURLWithPath: path))
        } catch {
            stream = nil
            failed = .unusable(name: path, reason: "cannot read the WARC file: \(error.localizedDescription)")
        }
    }

    public mutating func next() -> Input? {
        if let failed {
            self.failed = nil
            done = true
            return failed
        }
        while !done {
            do {
                guard let record = try readRecord() else {
                    done = true
                    return nil
                }
                if let input = input(from: record) { return input }
            } catch {
                done = true
                return .unusable(name: name, reason: "invalid WARC file: \(error)")
            }
        }
        return nil
    }

    struct Record {
        let headers: [String: String]
        /// The whole block, or only its first `headLimit` bytes when `complete` is false.
        let block: [UInt8]
        let complete: Bool
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    mutating func readRecord() throws -> Record? {
        // Records are separated by blank lines; skip them.
        var line = try readLine()
        while let current = line, current.isEmpty { line = try readLine() }
        guard let versionLine = line else { return nil }
        let version = String(decoding: versionLine, as: UTF8.self)
        guard version.hasPrefix("WARC/") else {
            throw Malformed(description: "expected a WARC/1.x record, found '\(version.prefix(40))'")
        }
        var headers: [String: String] = [:]
        while let header = try readLine(), !header.isEmpty {
            let text = String(decoding: header, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":") else { continue }
            headers[text[..<colon].lowercased()] = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let lengthText = headers["content-length"], let length = Int(lengthText), length >= 0 else {
            throw Malformed(description: "a record has no valid Content-Length")
        }
        // Past the HTTP head, the body alone is bigger than a page may be.
        guard length - Self.headLimit > pageLimit else {
            return Record(headers: headers, block: try readBytes(length), complete: true)
        }
        let head = try readBytes(Self.headLimit)
        try skipBytes(length - Self.headLimit)
        return Record(headers: headers, block: head, complete: false)
    }

    private mutating func fill() throws -> Bool {
        guard let stream, let chunk = try stream.next() else { return false }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        buffer += chunk
        return true
    }

    private mutating func readLine() throws -> [UInt8]? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                var end = newline
                if end > position, buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[position..<end])
                position = newline + 1
                return line
            }
            // Not a WARC file, or a broken one: no line to end in sight.
            if buffer.count - position > Self.headLimit {
                throw Malformed(description: "a line runs past \(Self.headLimit) bytes without ending")
            }
            if try !fill() {
                if position < buffer.count {
                    let line = Array(buffer[position...])
                    position = buffer.count
                    return line
                }
                return nil
            }
        }
    }

    private mutating func readBytes(_ count: Int) throws -> [UInt8] {
        while buffer.count - position < count {
            if try !fill() { throw Malformed(description: "a record is cut short") }
        }
        let bytes = Array(buffer[position..<(position + count)])
        position += count
        return bytes
    }

    private mutating func skipBytes(_ count: Int) throws {
        var left = count
        while left > buffer.count - position {
            left -= buffer.count - position
            position = buffer.count
            if try !fill() { throw Malformed(description: "a record is cut short") }
        }
        position += left
    }

    /// An HTML `response` record becomes a page; an HTTP error, a page whose body cannot be
    /// had, or a response whose HTTP head cannot be read (it may have been a page) becomes an
    /// error record.
    func input(from record: Record) -> Input? {
        guard let (target, parsed) = response(in: record) else { return nil }
        guard let response = parsed else {
            return .unusable(name: target, reason: "the archived response has no readable HTTP status line and headers")
        }
        if (300..<400).contains(response.status) { return nil }
        if response.status >= 400 {
            return .unusable(name: target, reason: "HTTP \(response.status) (archived)")
        }
        let contentType = response.headers["content-type"]
        guard MediaType.isHTML(contentType) else { return nil }
        switch response.problem {
        case .tooLarge: return .unusable(name: target, reason: "the archived page is larger than \(pageLimit) bytes (--max-page-size)")
        case .unreadable(let reason): return .unusable(name: target, reason: "the archived page: " + reason)
        case nil: return .document(name: target, body: response.body, charset: MediaType.charset(contentType))
        }
    }

    /// A `response` record's target URI and HTTP response (nil when its head cannot be read).
    func response(in record: Record) -> (target: String, response: HTTPMessage?)? {
        guard record.headers["warc-type"]?.lowercased() == "response",
              let target = record.headers["warc-target-uri"]?.trimmingCharacters(in: CharacterSet(charactersIn: "<>")),
              record.headers["content-type"]?.lowercased().hasPrefix("application/http") ?? true else { return nil }
        return (target, HTTPMessage.parse(record.block, complete: record.complete, limit: pageLimit))
    }
}

/// An HTTP/1.x response as stored in an archive: status, headers, body with the transfer and
/// content encodings undone.
struct HTTPMessage {
    let status: Int
    let headers: [String: String]
    /// Empty when `problem` says why the body cannot be had.
    let body: [UInt8]
    let problem: Problem?

    enum Problem: Equatable {
        /// Larger than the limit, as stored or once inflated.
        case tooLarge
        case unreadable(String)
    }

    /// `bytes` is the whole message, or its head only when `complete` is false. A body larger
    /// than `limit` once decoded (or not even read whole) is `.tooLarge`; a gzipped one is never
    /// inflated further.
    static func parse(_ bytes: [UInt8], complete: Bool, limit: Int) -> HTTPMessage? {
        guard let end = headerEnd(bytes) else { return nil }
        // Split bytes, not a String: Swift reads CRLF as one Character, so "\n" would not match it.
        var lines = bytes[0..<end.start].split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
        }
        guard !lines.isEmpty else { return nil }
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/"), let status = Int(statusLine[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        func without(_ problem: Problem) -> HTTPMessage { HTTPMessage(status: status, headers: headers, body: [], problem: problem) }
        guard complete else { return without(.tooLarge) }
        var body = Array(bytes[end.bodyStart...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = dechunk(body)
        }
        if let encoding = headers["content-encoding"]?.lowercased(), encoding.contains("gzip") {
            do {
                body = try Gzip.decompress(body, limit: limit)
            } catch let failure as Gzip.Failure where failure.exceedsLimit {
                return without(.tooLarge)
            } catch {
                return without(.unreadable("its gzip body cannot be read: \(error)"))
            }
        }
        guard body.count <= limit else { return without(.tooLarge) }
        return HTTPMessage(status: status, headers: headers, body: body, problem: nil)
    }

    private static func headerEnd(_ bytes: [UInt8]) -> (start: Int, bodyStart: Int)? {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A {
                if bytes[index + 1] == 0x0A { return (index, index + 2) }
                if bytes[index + 1] == 0x0D, index + 2 < bytes.count, bytes[index + 2] == 0x0A { return (index, index + 3) }
            }
            index += 1
        }
        return nil
    }

    private static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = bytes[index...].firstIndex(of: 0x0A) else { break }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self)
                .split(separator: ";").first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard let size = Int(sizeText, radix: 16), size > 0 else { break }
            let start = lineEnd + 1
            // A size past the end (up to Int.max in a hostile archive) ends at the end.
            let stop = size < bytes.count - start ? start + size : bytes.count
            output += bytes[start..<stop]
            index = stop + 2
        }
        return output
    }
}

/// Content-Type reading shared by HTTP responses and archived ones.
enum MediaType {
    static func isHTML(_ contentType: String?) -> Bool {
        guard let type = essence(contentType) else { return true }
        return type == "text/html" || type == "application/xhtml+xml"
    }

    static func essence(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        let type = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return type.isEmpty ? nil : type
    }

    static func charset(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }
        }
        return nil
    }
}
