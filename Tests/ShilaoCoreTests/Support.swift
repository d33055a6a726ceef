import ShilaoDOM
@testable import ShilaoCore

/// Parses `html` and runs `body` with a context while the document is alive: element views
/// do not own the tree.
func withContext<T>(
    _ html: String, isHiddenByStyle: ((Element) -> Bool)? = nil,
    _ body: (AccessibilityContext, HTMLDocument) throws -> T
) throws -> T {
    let document = try Loader.load(Array(html.utf8))
    return try withExtendedLifetime(document) {
        let context = isHiddenByStyle.map { AccessibilityContext(document: document, isHiddenByStyle: $0) }
            ?? AccessibilityContext(document: document)
        return try body(context, document)
    }
}

struct MissingElement: Error {
    let id: String
}

extension HTMLDocument {
    func required(_ id: String) throws -> Element {
        guard let element = element(id: id) else { throw MissingElement(id: id) }
        return element
    }
}

/// The accessible name of the element with id `t` (or `id`).
func accessibleName(_ html: String, id: String = "t") throws -> String {
    try withContext(html) { context, document in context.name(of: try document.required(id)) }
}

func accessibleDescription(_ html: String, id: String = "t") throws -> String {
    try withContext(html) { context, document in context.description(of: try document.required(id)) }
}

func computedRole(_ html: String, id: String = "t") throws -> String? {
    try withContext(html) { context, document in context.role(of: try document.required(id)) }
}

/// `depth` nested `tag` elements, the innermost with id `deepest` holding `text`.
func nested(_ tag: String, depth: Int, text: String) -> String {
    String(repeating: "<\(tag)>", count: depth - 1) + "<\(tag) id=\"deepest\">\(text)</\(tag)>"
        + String(repeating: "</\(tag)>", count: depth - 1)
}
