import CZlib

/// gzip decompression through zlib, for `.xml.gz` sitemaps and gzipped WARC files.
public enum Gzip {
    public static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1F && iterator.next() == 0x8B
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        /// The data is fine but inflates past the limit.
        public var exceedsLimit = false
    }

    /// Decompresses every gzip member in `bytes` (concatenated members, as in per-record gzipped
    /// WARC files, come out as one stream), refusing to produce more than `limit` bytes.
    public static func decompress(_ bytes: [UInt8], limit: Int = 512 << 20) throws -> [UInt8] {
        var output: [UInt8] = []
        var offset = 0
        while offset < bytes.count {
            let member = try Inflater.member(bytes, from: offset, limit: limit - output.count)
            output += member.output
            offset += member.consumed
            // Trailing zero padding after the last member is allowed.
            if bytes[offset...].allSatisfy({ $0 == 0 }) { break }
        }
        return output
    }
}

/// Inflates one gzip member at a time, reporting how many compressed bytes it used, so a reader
/// can walk a per-record gzipped file member by member.
enum Inflater {
    struct Member {
        let output: [UInt8]
        let consumed: Int
    }

    static func member(_ bytes: [UInt8], from offset: Int, limit: Int) throws -> Member {
        var stream = z_stream()
        guard czlib_inflate_init(&stream, 15 + 16) == Z_OK else { throw Gzip.Failure(description: "zlib could not start") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let total = bytes.count - offset
        return try bytes.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + offset)
            stream.avail_in = uInt(total)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output += chunk[0..<produced]
                if output.count > limit {
                    throw Gzip.Failure(description: "decompressed data exceeds \(limit) bytes", exceedsLimit: true)
                }
                switch status {
                case Z_STREAM_END:
                    return Member(output: output, consumed: total - Int(stream.avail_in))
                case Z_OK:
                    if stream.avail_in == 0 && produced == 0 {
                        throw Gzip.Failure(description: "the gzip data is truncated")
                    }
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw Gzip.Failure(description: "the gzip data is truncated")
                default:
                    throw Gzip.Failure(description: "the gzip data is corrupt")
                }
            }
        }
    }
}
