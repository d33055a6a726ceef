import Foundation
import FuzzSupport
import ShilaoFetch

/// Where each input is written for the readers that take a file: one per process, so parallel
/// fuzzing jobs (`-jobs`) do not share it.
private let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("shilao-fuzz-inputs-\(ProcessInfo.processInfo.processIdentifier)").path

/// A small limit, so a gzip bomb or a huge Content-Length shows as a memory or time overrun
/// instead of hiding under the default of ten megabytes.
private let limit = 1 << 20

/// Bytes as every input format a run reads besides pages: a WARC archive (its pages and its
/// style sheets, plain or gzipped), a sitemap (XML or gzipped), a gzip stream and a URL list.
/// Error records and thrown errors are fine; a crash, a hang or unbounded memory is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInputs(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return 0 }
    for input in WARCReader(path: path, pageLimit: limit) {
        if case .document(_, let body, _) = input { precondition(body.count <= limit, "an archived page past the limit was kept") }
    }
    _ = ArchivedSheets(reading: [path], limit: limit)
    _ = Inputs.urlList(path)
    _ = try? Sitemap.entries(bytes)
    if let inflated = try? Gzip.decompress(bytes, limit: limit) {
        precondition(inflated.count <= limit, "gzip data inflated past the limit")
    }
    return 0
}

@_cdecl("FuzzInputs_main")
public func fuzzInputsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzInputs($0, $1) }
}
