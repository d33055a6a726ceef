import CZlib
import Foundation

/// Reads a file in chunks, inflating it on the fly when it is gzipped (any number of members),
/// so a multi-gigabyte crawl archive never sits in memory whole.
final class ByteStream {
    private let handle: FileHandle
    private var inflater: UnsafeMutablePointer<z_stream>?
    private var compressed: [UInt8] = []
    private var finished = false
    static let chunkSize = 256 * 1024

    init(url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
        let head = try handle.read(upToCount: 2) ?? Data()
        try handle.seek(toOffset: 0)
        if Gzip.isGzip(head) {
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            guard czlib_inflate_init(stream, 15 + 16) == Z_OK else {
                stream.deallocate()
                throw Gzip.Failure(description: "zlib could not start")
            }
            inflater = stream
        }
    }

    deinit {
        if let inflater {
            inflateEnd(inflater)
            inflater.deallocate()
        }
        try? handle.close()
    }

    /// The next bytes of the (decompressed) file, or nil at its end.
    func next() throws -> [UInt8]? {
        guard let inflater else {
            let data = try handle.read(upToCount: ByteStream.chunkSize) ?? Data()
            return data.isEmpty ? nil : Array(data)
        }
        while true {
            if compressed.isEmpty {
                if finished { return nil }
                let data = try handle.read(upToCount: ByteStream.chunkSize) ?? Data()
                if data.isEmpty {
                    finished = true
                    return nil
                }
                compressed = Array(data)
            }
            var output = [UInt8](repeating: 0, count: ByteStream.chunkSize * 4)
            let (status, consumed, produced) = compressed.withUnsafeMutableBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    inflater.pointee.next_in = input.baseAddress
                    inflater.pointee.avail_in = uInt(input.count)
                    inflater.pointee.next_out = out.baseAddress
                    inflater.pointee.avail_out = uInt(out.count)
                    let status = inflate(inflater, Z_NO_FLUSH)
                    return (status, input.count - Int(inflater.pointee.avail_in), out.count - Int(inflater.pointee.avail_out))
                }
            }
            compressed.removeFirst(consumed)
            switch status {
            case Z_STREAM_END:
                // Per-record gzip: another member may follow.
                inflateReset(inflater)
                compressed = Array(compressed.drop { $0 == 0 })
            case Z_OK, Z_BUF_ERROR:
                if produced == 0 && consumed == 0 {
                    throw Gzip.Failure(description: "the gzip data is corrupt or truncated")
                }
            default:
                throw Gzip.Failure(description: "the gzip data is corrupt")
            }
            if produced > 0 { return Array(output[0..<produced]) }
        }
    }
}
