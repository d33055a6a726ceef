import FuzzSupport
import ShilaoDOM
import ShilaoStyle

/// Elements of many kinds, ids, classes and attributes for the fuzzed selectors to match, nested
/// deep enough for combinators and structural pseudo-classes to matter.
private let page = Array("""
    <!DOCTYPE html><html lang="zh-CN"><head><title>t</title></head><body class="a b">
    <div id="x" class="c" style="color: red; font: 12px/1.5 serif">
    <p class="a" title="t" lang="zh">文<a href="#y">链接</a><span>x</span></p>
    <ul><li>1</li><li class="b">2</li><li>3</li></ul><table><tr><th>h</th><td>d</td></tr></table>
    <form><input type="text" value=""><textarea></textarea><button>b</button></form>
    <section><h1>h</h1><div><div><em>deep</em></div></div></section></div></body></html>
    """.utf8)

/// Bytes as a style sheet: the tokenizer, the parser, selectors, media queries and the cascade
/// with computed values for every element of a small page. Each input gets its own loader and
/// cache, as in FuzzAudit: a cache kept across inputs holds their sheets, which LeakSanitizer
/// reported as leaks (it cannot see pointers Swift packs into enum payloads).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStyle(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let sheet = String(decoding: UnsafeBufferPointer(start: data, count: data == nil ? 0 : size), as: UTF8.self)
    var html = page
    let end = html.lastIndex(of: UInt8(ascii: "<"))!
    html.insert(contentsOf: Array("<style>\(sheet)</style>".utf8), at: end)
    guard let document = try? Loader.load(html) else { return 0 }
    withExtendedLifetime(document) {
        let engine = StyleEngine(document: document, pageURL: "/fuzz/page.html", viewport: .mobile, loader: FileStylesheetLoader())
        for element in document.elements {
            _ = engine.style(of: element)
        }
        _ = engine.authorRules
    }
    return 0
}

@_cdecl("FuzzStyle_main")
public func fuzzStyleMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { fuzzStyle($0, $1) }
}
