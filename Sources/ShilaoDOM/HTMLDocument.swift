import CLibXML2

/// A parsed page. Owns the libxml2 tree; `Element` views into it are valid only while the
/// document lives, so views never leave the task that audits the page.
public final class HTMLDocument {
    let doc: htmlDocPtr
    /// The encoding the bytes were read in, as libxml2 reports it (for example `gbk`, `UTF-8`).
    public let encoding: String?

    /// Each element's place among its same-named siblings, filled in for all children of a
    /// parent the first time a path needs one of them: counting siblings for every finding is
    /// quadratic on a page of 100,000 sibling elements.
    private var siblingSteps = ElementMemo<SiblingStep>()

    /// Each element's ancestor-or-self that is a child of the root element (the root for the
    /// root), for paths too deep to write out (see `Element.path`).
    lazy var topLevel = AncestorMemo<Element> { element, above in
        element.parent?.parent == nil ? element : above ?? element
    }

    struct SiblingStep {
        /// 1-based among the siblings with the same name.
        let position: Int
        /// Whether any sibling has the same name.
        let ambiguous: Bool
    }

    init(doc: htmlDocPtr) {
        self.doc = doc
        if let enc = doc.pointee.encoding {
            encoding = String(cString: enc)
        } else {
            encoding = nil
        }
        elements = Array(ElementSequence(root: xmlDocGetRootElement(doc).map(Element.init), includeRoot: true))
        doc.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        // Each element's place in document order, kept in its node's `_private` slot (libxml2
        // leaves it to applications), so per-element tables are arrays, not hash lookups.
        for (ordinal, element) in elements.enumerated() {
            element.node.pointee._private = UnsafeMutableRawPointer(bitPattern: ordinal + 1)
        }
    }

    deinit {
        xmlFreeDoc(doc)
    }

    /// The document that owns `node`: the loader leaves it in the tree's `_private` slot,
    /// which libxml2 keeps for applications.
    static func owner(of node: xmlNodePtr) -> HTMLDocument {
        Unmanaged<HTMLDocument>.fromOpaque(node.pointee.doc.pointee._private).takeUnretainedValue()
    }

    func siblingStep(of node: xmlNodePtr) -> SiblingStep {
        if let step = siblingSteps[Element(node)] { return step }
        var first = node
        while let previous = first.pointee.prev { first = previous }
        var totals: [String: Int] = [:]
        var sibling: xmlNodePtr? = first
        while let s = sibling {
            if s.pointee.type == XML_ELEMENT_NODE { totals[Element(s).name, default: 0] += 1 }
            sibling = s.pointee.next
        }
        var seen: [String: Int] = [:]
        sibling = first
        while let s = sibling {
            if s.pointee.type == XML_ELEMENT_NODE {
                let name = Element(s).name
                seen[name, default: 0] += 1
                siblingSteps[Element(s)] = SiblingStep(position: seen[name]!, ambiguous: totals[name]! > 1)
            }
            sibling = s.pointee.next
        }
        return siblingSteps[Element(node)] ?? SiblingStep(position: 1, ambiguous: false)
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

    /// Every element in document order (pre-order), listed once when the document is made:
    /// dozens of checks walk them all, and an array beats chasing libxml2's pointers each time.
    public let elements: [Element]

    /// Elements with the given tag name, in document order.
    public func elements(named name: String) -> [Element] {
        byName[name] ?? []
    }

    /// Elements grouped by name in one walk, the first time any name is asked for: checks ask
    /// for a dozen names a page, and a walk per name cost as much as a whole check.
    private lazy var byName: [String: [Element]] = {
        var index: [String: [Element]] = [:]
        for element in elements { index[element.name, default: []].append(element) }
        return index
    }()

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
