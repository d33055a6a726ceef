import CLibXML2

/// Why a page gave no document.
public enum LoadError: Error, Equatable, CustomStringConvertible {
    case empty
    case tooLarge(bytes: Int)
    case unparseable

    public var description: String {
        switch self {
        case .empty: return "the page is empty"
        case .tooLarge(let bytes): return "the page is too large to parse (\(bytes) bytes)"
        case .unparseable: return "libxml2 could not build a document from the page"
        }
    }
}

/// Raw bytes → `HTMLDocument`, reading the charset the way browsers do.
public enum Loader {
    private static let initialized: Void = { xmlInitParser() }()

    static let options: Int32 = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
    ) | Int32(XML_PARSE_HUGE.rawValue)

    /// Parses `bytes` as HTML. `charset` is the caller's hint (an HTTP `Content-Type` charset);
    /// without one the encoding comes from a byte-order mark, then a `<meta>` declaration, then
    /// the bytes themselves. `url` becomes the document's base URL.
    public static func load(_ bytes: [UInt8], charset: String? = nil, url: String? = nil) throws -> HTMLDocument {
        _ = initialized
        cxml_silence_errors()
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw LoadError.empty
        }
        guard bytes.count < Int(Int32.max) else { throw LoadError.tooLarge(bytes: bytes.count) }
        let (encoding, prepared) = Charset.prepare(bytes, hint: charset)
        let doc: htmlDocPtr? = prepared.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                htmlReadMemory(chars, Int32(buffer.count), url, encoding, options)
            }
        }
        guard let doc else { throw LoadError.unparseable }
        guard xmlDocGetRootElement(doc) != nil else {
            xmlFreeDoc(doc)
            throw LoadError.unparseable
        }
        return HTMLDocument(doc: doc)
    }
}
