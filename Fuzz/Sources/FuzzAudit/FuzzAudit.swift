import FuzzSupport
import ShilaoChecks
import ShilaoCore

/// Every built-in check, loaded once for the whole fuzzing run.
private let engine = Engine(checks: try! BuiltIn.catalogue().entries)

/// Bytes as a page: the loader (charset sniffing, UTF-8 repair, libxml2), the style cascade
/// and every check. A result or an error record is fine; a crash, a hang or a leak is a bug.
/// Each input gets its own style sheet cache: a run's cache keeps earlier pages' `<style>`
/// sheets on purpose, and LeakSanitizer cannot see the pointers Swift packs into enum
/// payloads, so it reported those sheets as leaks of a later input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAudit(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let auditor = Auditor(engine: engine)  // the default loader: a new one, with its own cache
    _ = auditor.audit(bytes: Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)), url: "/fuzz/page.html")
    return 0
}

@_cdecl("FuzzAudit_main")
public func fuzzAuditMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzAudit($0, $1) }
}
