import Foundation
import ShilaoDOM
@testable import ShilaoStyle

/// Loads `html` and runs `body` while the document is alive (element views do not own it).
func withDocument<T>(_ html: String, _ body: (HTMLDocument) throws -> T) throws -> T {
    let doc = try Loader.load(Array(html.utf8))
    return try withExtendedLifetime(doc) { try body(doc) }
}

/// A style engine for `html`, with sheets read from `directory` when given.
func withEngine<T>(
    _ html: String, viewport: Viewport = .desktop, directory: URL? = nil,
    loader: StylesheetLoader = FileStylesheetLoader(), _ body: (StyleEngine, HTMLDocument) throws -> T
) throws -> T {
    try withDocument(html) { doc in
        let page = (directory ?? URL(fileURLWithPath: NSTemporaryDirectory())).appendingPathComponent("page.html").path
        let engine = StyleEngine(document: doc, pageURL: page, viewport: viewport, loader: loader)
        return try body(engine, doc)
    }
}

/// The computed style of the element with `id`.
func style(_ engine: StyleEngine, _ doc: HTMLDocument, _ id: String) -> ComputedStyle {
    engine.style(of: doc.element(id: id)!)
}

/// Ids of the elements `selector` matches, in document order.
func select(_ selector: String, in html: String) throws -> [String]? {
    try withDocument(html) { doc in
        guard let list = SelectorParser.parseList(selector) else { return nil }
        let table = ElementTable(document: doc)
        let matcher = SelectorMatcher(table: table)
        return (0..<table.count).filter { matcher.matchesAny(list, $0) }.compactMap { table.ids[$0] }
    }
}

/// A scratch directory with the given files, removed after `body`.
func withFiles<T>(_ files: [String: String], _ body: (URL) throws -> T) throws -> T {
    let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("shilao-style-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, text) in files {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return try body(directory)
}
