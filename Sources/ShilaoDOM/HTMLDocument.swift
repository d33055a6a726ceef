import CLibXML2

/// A parsed page. Owns the libxml2 tree; `Element` views into it are valid only while the
/// document lives, so views never leave the task that audits the page.
public final class HTMLDocument {
    let doc: htmlDocPtr
    /// The encoding the bytes were read in, as libxml2 reports it (for example `gbk`, `UTF-8`).
    public let encoding: String?

    init(doc: htmlDocPtr) {
        self.doc = doc
        if let enc = doc.pointee.encoding {
            encoding = String(cString: enc)
        } else {
            encoding = nil
        }
    }

    deinit {
        xmlFreeDoc(doc)
    }

    /// The root element (`html`), when the page has any element at all.
    public var root: Element? {
        guard let node = xmlDocGetRootElement(doc) else { return nil }
        return Element(node)
    }

    /// The document type declaration. libxml2 supplies HTML 4.0 Transitional when the page has
    /// none (which browsers also render in quirks mode), so this is nil only for odd trees.
    public var doctype: Doctype? {
        guard let dtd = doc.pointee.intSubset else { return nil }
        func text(_ raw: UnsafePointer<xmlChar>?) -> String? { raw.map { String(cString: $0) } }
        return Doctype(name: text(dtd.pointee.name) ?? "", publicID: text(dtd.pointee.ExternalID),
                       systemID: text(dtd.pointee.SystemID))
    }

    /// The `head` and `body` children of the root, as libxml2 implies them.
    public var head: Element? { root?.firstChild(named: "head") }
    public var body: Element? { root?.firstChild(named: "body") }

    /// Every element in document order (pre-order), walked without recursion.
    public var elements: ElementSequence { ElementSequence(root: root, includeRoot: true) }

    /// Elements with the given tag name, in document order.
    public func elements(named name: String) -> [Element] {
        var result: [Element] = []
        for element in elements where element.name == name {
            result.append(element)
        }
        return result
    }

    /// The first element whose `id` attribute equals `id`, in document order.
    public func element(id: String) -> Element? {
        elements.first { $0.attribute("id") == id }
    }

    /// Evaluates an XPath 1.0 expression and returns the element nodes it selects.
    /// An expression libxml2 cannot compile is a `DOMError.invalidXPath`.
    public func select(xpath: String) throws -> [Element] {
        guard let context = xmlXPathNewContext(doc) else { throw DOMError.invalidXPath(xpath) }
        defer { xmlXPathFreeContext(context) }
        guard let object = xmlXPathEvalExpression(xpath, context) else {
            throw DOMError.invalidXPath(xpath)
        }
        defer { xmlXPathFreeObject(object) }
        guard object.pointee.type == XPATH_NODESET, let set = object.pointee.nodesetval else { return [] }
        var result: [Element] = []
        result.reserveCapacity(Int(set.pointee.nodeNr))
        for index in 0..<Int(set.pointee.nodeNr) {
            if let node = set.pointee.nodeTab[index], node.pointee.type == XML_ELEMENT_NODE {
                result.append(Element(node))
            }
        }
        return result
    }
}

/// `<!DOCTYPE name PUBLIC "publicID" "systemID">`.
public struct Doctype: Equatable, Sendable {
    public var name: String
    public var publicID: String?
    public var systemID: String?
}

public enum DOMError: Error, Equatable, CustomStringConvertible {
    case invalidXPath(String)

    public var description: String {
        switch self {
        case .invalidXPath(let expression): return "invalid XPath expression: \(expression)"
        }
    }
}
