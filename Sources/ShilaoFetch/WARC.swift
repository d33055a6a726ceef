import Foundation

/// Reads the `response` records of a WARC 1.0/1.1 file (as `wget --warc-file` and common
/// crawlers write them, gzipped per record or not) one at a time, yielding each HTML page as an
/// input under its target URI with its HTTP headers. Other records (requests, metadata, images,
/// style sheets) are not pages and are passed over; `ArchivedSheets` reads the style sheets.
public struct WARCReader: Sequence, IteratorProtocol {
    let name: String
    let stream: ByteStream?
    var buffer: [UInt8] = []
    var position = 0
    var failed: Input?
    var done = false

    public init(path: String) {
        name = path
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
                if let input = WARCReader.input(from: record) { return input }
            } catch {
                done = true
                return .unusable(name: name, reason: "invalid WARC file: \(error)")
            }
        }
        return nil
    }

    struct Record {
        let headers: [String: String]
        let block: [UInt8]
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
        return Record(headers: headers, block: try readBytes(length))
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

    /// An HTML `response` record becomes a page; an HTTP error becomes an error record.
    static func input(from record: Record) -> Input? {
        guard let (target, response) = response(in: record) else { return nil }
        if (300..<400).contains(response.status) { return nil }
        if response.status >= 400 {
            return .unusable(name: target, reason: "HTTP \(response.status) (archived)")
        }
        let contentType = response.headers["content-type"]
        guard MediaType.isHTML(contentType) else { return nil }
        return .document(name: target, body: response.body, charset: MediaType.charset(contentType))
    }

    /// A `response` record's target URI and HTTP response.
    static func response(in record: Record) -> (target: String, response: HTTPMessage)? {
        guard record.headers["warc-type"]?.lowercased() == "response",
              let target = record.headers["warc-target-uri"]?.trimmingCharacters(in: CharacterSet(charactersIn: "<>")),
              record.headers["content-type"]?.lowercased().hasPrefix("application/http") ?? true,
              let response = HTTPMessage.parse(record.block) else { return nil }
        return (target, response)
    }
}

/// An HTTP/1.x response as stored in an archive: status, headers, body with the transfer and
/// content encodings undone.
struct HTTPMessage {
    let status: Int
    let headers: [String: String]
    let body: [UInt8]

    static func parse(_ bytes: [UInt8]) -> HTTPMessage? {
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
        var body = Array(bytes[end.bodyStart...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = dechunk(body)
        }
        if let encoding = headers["content-encoding"]?.lowercased(), encoding.contains("gzip"),
           let inflated = try? Gzip.decompress(body) {
            body = inflated
        }
        return HTTPMessage(status: status, headers: headers, body: body)
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
            let stop = min(start + size, bytes.count)
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
