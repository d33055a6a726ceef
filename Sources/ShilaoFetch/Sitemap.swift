import CLibXML2
import Foundation

/// Reads sitemaps (`urlset` and `sitemapindex`, plain or gzipped) with libxml2's XML parser:
/// no network, no entity expansion, no external DTD, so a hostile sitemap cannot reach out or
/// blow up memory.
public enum Sitemap {
    public enum Entry: Equatable, Sendable {
        case page(String)
        case sitemap(String)
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The most bytes a sitemap may have, read from a file or once inflated. The protocol allows
    /// 50 MB uncompressed; a file past this is not a sitemap (or is `/dev/zero`).
    public static let sizeLimit = 256 << 20

    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_NOCDATA.rawValue)

    /// The `<loc>` entries of one sitemap document.
    public static func entries(_ raw: [UInt8], limit: Int = sizeLimit) throws -> [Entry] {
        let bytes = Gzip.isGzip(raw) ? try Gzip.decompress(raw, limit: limit) : raw
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { throw Failure(description: "the sitemap is empty or too large") }
        cxml_silence_errors()
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), nil, nil, options)
            }
        }
        guard let doc = parsed else { throw Failure(description: "the sitemap is not well-formed XML") }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { throw Failure(description: "the sitemap has no root element") }
        let kind = localName(root)
        guard kind == "urlset" || kind == "sitemapindex" else {
            throw Failure(description: "the root element is <\(kind)>, not <urlset> or <sitemapindex>")
        }
        var entries: [Entry] = []
        for item in elementChildren(root) where localName(item) == "url" || localName(item) == "sitemap" {
            for loc in elementChildren(item) where localName(loc) == "loc" {
                let text = directText(loc).trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty else { continue }
                entries.append(kind == "urlset" ? .page(text) : .sitemap(text))
            }
        }
        return entries
    }

    private static func localName(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    private static func elementChildren(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    /// Only the element's own text nodes: an entity reference is never followed, so nested
    /// entities ("billion laughs") are never expanded.
    private static func directText(_ node: xmlNodePtr) -> String {
        var text = ""
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
               let content = current.pointee.content {
                text += String(cString: content)
            }
            child = current.pointee.next
        }
        return text
    }
}

extension Sitemap {
    /// The pages a sitemap (URL or file) lists, following a sitemap index one level down (the
    /// protocol does not nest indexes deeper). A sitemap that cannot be read becomes one
    /// unusable input naming it and the reason, so the rest of the run goes on. `limit` bounds
    /// each sitemap file's bytes and each gzipped sitemap's inflated bytes.
    public static func pages(from source: String, fetcher: Fetcher?, limit: Int = sizeLimit) async -> [Input] {
        await pages(from: source, fetcher: fetcher, limit: limit, depth: 0)
    }

    private static func pages(from source: String, fetcher: Fetcher?, limit: Int, depth: Int) async -> [Input] {
        let bytes: [UInt8]
        if source.hasPrefix("http://") || source.hasPrefix("https://") {
            guard let fetcher else { return [.unusable(name: source, reason: "fetching over HTTP is not enabled")] }
            switch await fetcher.fetch(source, anyType: true) {
            case .page(_, _, let body, _): bytes = body
            case .failed(_, let reason, _): return [.unusable(name: source, reason: "sitemap: \(reason)")]
            case .skipped(_, let type): return [.unusable(name: source, reason: "sitemap: unexpected content type \(type)")]
            }
        } else {
            switch Inputs.read(source, maxBytes: limit, what: "file", limitName: "the sitemap limit") {
            case .success(let data): bytes = data
            case .failure(let error): return [.unusable(name: source, reason: "sitemap: " + error.reason)]
            }
        }
        let entries: [Entry]
        do {
            entries = try Sitemap.entries(bytes, limit: limit)
        } catch {
            return [.unusable(name: source, reason: "sitemap: \(error)")]
        }
        // The protocol asks for absolute <loc>s; relative ones are read against a fetched sitemap's URL.
        let base = URL(string: source).flatMap { $0.scheme == nil ? nil : $0 }
        func absolute(_ location: String) -> String {
            guard let base, URL(string: location)?.scheme == nil else { return location }
            return URL(string: location, relativeTo: base)?.absoluteURL.absoluteString ?? location
        }
        var inputs: [Input] = []
        // An index that lists a sitemap twice (or 50,000 times) has it fetched once.
        var children = Set<String>()
        for entry in entries {
            switch entry {
            case .page(let url):
                inputs.append(.web(absolute(url)))
            case .sitemap(let location):
                let child = absolute(location)
                guard children.insert(child).inserted else { continue }
                if depth >= 1 {
                    inputs.append(.unusable(name: child, reason: "sitemap: index nested inside an index"))
                } else {
                    inputs += await pages(from: child, fetcher: fetcher, limit: limit, depth: depth + 1)
                }
            }
        }
        return inputs
    }
}
