import FuzzSupport
import ShilaoChecks
import ShilaoCore

/// Every built-in check, loaded once for the whole fuzzing run.
private let auditor = Auditor(engine: Engine(checks: try! BuiltIn.catalogue().entries))

/// Bytes as a page: the loader (charset sniffing, UTF-8 repair, libxml2), the style cascade
/// and every check. A result or an error record is fine; a crash, a hang or a leak is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAudit(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = auditor.audit(bytes: Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)), url: "/fuzz/page.html")
    return 0
}

@_cdecl("FuzzAudit_main")
public func fuzzAuditMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzAudit($0, $1) }
}
