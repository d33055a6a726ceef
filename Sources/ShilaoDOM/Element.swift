import CLibXML2

/// A non-owning view of one element of an `HTMLDocument`: a single pointer, no copy of the tree.
public struct Element: Hashable {
    @usableFromInline let node: xmlNodePtr

    @usableFromInline init(_ node: xmlNodePtr) {
        self.node = node
    }

    /// Lower-case tag name (the HTML parser folds case), without a namespace prefix.
    public var name: String {
        guard let raw = node.pointee.name else { return "" }
        return String(cString: raw)
    }

    /// The element's place in document order (`HTMLDocument.elements`), from 0; nil for
    /// elements outside the tree (template content).
    public var ordinal: Int? {
        guard let slot = node.pointee._private else { return nil }
        return Int(bitPattern: slot) - 1
    }

    /// Compares the tag name without building a Swift string.
    public func isNamed(_ tag: StaticString) -> Bool {
        guard let raw = node.pointee.name else { return false }
        return tag.withUTF8Buffer { buffer in
            strcmpBytes(raw, buffer)
        }
    }

    /// As `isNamed`, for a name known only at run time.
    public func hasName(_ tag: String) -> Bool {
        guard let raw = node.pointee.name else { return tag.isEmpty }
        var tag = tag
        return tag.withUTF8 { strcmpBytes(raw, $0) }
    }

    /// The attribute's value; `nil` when the attribute is missing, `""` when it is present
    /// but empty or has no value (`alt` and `alt=""` alike).
    public func attribute(_ name: String) -> String? {
        guard let prop = property(name) else { return nil }
        return attributeValue(prop)
    }

    public func hasAttribute(_ name: String) -> Bool {
        property(name) != nil
    }

    /// The attribute node named `name`. Walks the list itself: passing a Swift string to
    /// `xmlHasProp` copied it into a new C string on every call, and an HTML document has no
    /// DTD defaults for `xmlHasProp` to add.
    private func property(_ name: String) -> xmlAttrPtr? {
        var name = name
        return name.withUTF8 { wanted in
            var prop = node.pointee.properties
            while let current = prop {
                if let raw = current.pointee.name, strcmpBytes(raw, wanted) { return current }
                prop = current.pointee.next
            }
            return nil
        }
    }

    /// Attributes in source order, names lower-cased by the parser.
    public var attributes: [(name: String, value: String)] {
        attributes(where: { _ in true })
    }

    /// The attributes whose names start with `prefix` (`aria-`, `on`), in source order. The
    /// others are passed over without making strings of them: checks that read only ARIA
    /// attributes ask this of every element.
    public func attributes(prefixed prefix: StaticString) -> [(name: String, value: String)] {
        prefix.withUTF8Buffer { wanted in
            attributes { name in
                guard let raw = name else { return false }
                var index = 0
                while index < wanted.count {
                    if raw[index] != wanted[index] { return false }
                    index += 1
                }
                return true
            }
        }
    }

    private func attributes(where include: (UnsafePointer<xmlChar>?) -> Bool) -> [(name: String, value: String)] {
        var result: [(String, String)] = []
        var prop = node.pointee.properties
        while let current = prop {
            let raw = current.pointee.name
            if include(raw) {
                result.append((raw.map { String(cString: $0) } ?? "", attributeValue(xmlAttrPtr(current))))
            }
            prop = current.pointee.next
        }
        return result
    }

    private func attributeValue(_ prop: xmlAttrPtr) -> String {
        guard let child = prop.pointee.children else { return "" }
        // The parser leaves a value as one text node: read it in place rather than have
        // libxml2 copy it into a buffer to free again.
        if child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content {
            return String(cString: content)
        }
        guard let raw = xmlNodeGetContent(xmlNodePtr(OpaquePointer(prop))) else { return "" }
        defer { cxml_free(raw) }
        return String(cString: raw)
    }

    // MARK: Tree navigation

    public var parent: Element? {
        guard let p = node.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
        return Element(p)
    }

    public var firstElementChild: Element? {
        Element.firstElement(from: Element.contentChildren(of: node))
    }

    public var nextElementSibling: Element? {
        Element.firstElement(from: node.pointee.next)
    }

    public var previousElementSibling: Element? {
        var current = node.pointee.prev
        while let n = current {
            if n.pointee.type == XML_ELEMENT_NODE { return Element(n) }
            current = n.pointee.prev
        }
        return nil
    }

    /// Element children, in order.
    public var children: [Element] {
        var result: [Element] = []
        var child = firstElementChild
        while let c = child {
            result.append(c)
            child = c.nextElementSibling
        }
        return result
    }

    public func firstChild(named name: String) -> Element? {
        var child = firstElementChild
        while let c = child {
            if c.name == name { return c }
            child = c.nextElementSibling
        }
        return nil
    }

    /// Ancestors from the parent up to the root.
    public var ancestors: AnySequence<Element> {
        AnySequence(sequence(first: self, next: { $0.parent }).dropFirst())
    }

    /// Every descendant element in document order, walked iteratively.
    public var descendants: ElementSequence { ElementSequence(root: self, includeRoot: false) }

    /// Visits this element and its descendants in document order, handing each element the
    /// state its parent's visit returned (`initial` for this element); a nil state skips that
    /// element's descendants. One pass that carries what checks would otherwise learn by
    /// walking ancestors from every element, which is quadratic on deep trees.
    /// Inlinable, so each check's walk is specialized for its state instead of going through
    /// generic witness tables at every element.
    @inlinable
    public func walk<State>(from initial: State, _ visit: (Element, State) throws -> State?) rethrows {
        var states = [initial]
        var current: xmlNodePtr? = node
        while let n = current {
            if let state = try visit(Element(n), states[states.count - 1]),
               let child = Element.firstElement(from: Element.contentChildren(of: n)) {
                states.append(state)
                current = child.node
                continue
            }
            current = nil
            var climb = n
            while climb != node {
                if let sibling = Element.firstElement(from: climb.pointee.next) {
                    current = sibling.node
                    break
                }
                guard let up = climb.pointee.parent else { break }
                states.removeLast()
                climb = up
            }
        }
    }

    /// The nearest ancestor (or this element) with the given tag name.
    public func closest(_ name: String) -> Element? {
        sequence(first: self, next: { $0.parent }).first { $0.name == name }
    }

    /// The first child node, except for `template`: its content is an inert fragment outside the
    /// document tree (libxml2 2.9 parses it as ordinary children).
    @usableFromInline static func contentChildren(of node: xmlNodePtr) -> xmlNodePtr? {
        if let name = node.pointee.name, node.pointee.type == XML_ELEMENT_NODE,
           strcmpBytes(name, UnsafeBufferPointer(start: templateName.utf8Start, count: templateName.utf8CodeUnitCount)) {
            return nil
        }
        return node.pointee.children
    }

    @usableFromInline static func firstElement(from start: xmlNodePtr?) -> Element? {
        var current = start
        while let n = current {
            if n.pointee.type == XML_ELEMENT_NODE { return Element(n) }
            current = n.pointee.next
        }
        return nil
    }

    // MARK: Text

    /// The text of every descendant text and CDATA node, concatenated (DOM `textContent`),
    /// skipping comments. Iterative, so depth does not matter.
    public var textContent: String {
        var bytes: [UInt8] = []
        Element.walkNodes(under: node) { child in
            let type = child.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, let content = child.pointee.content {
                appendCString(content, to: &bytes)
            }
            return true
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Calls `visit` for every node below `root` in document order; returning false skips
    /// that node's subtree. Uses the tree's own links instead of a stack.
    static func walkNodes(under root: xmlNodePtr, _ visit: (xmlNodePtr) -> Bool) {
        var current = contentChildren(of: root)
        while let node = current {
            if visit(node), node.pointee.type == XML_ELEMENT_NODE, let child = contentChildren(of: node) {
                current = child
                continue
            }
            var climb = node
            while climb.pointee.next == nil {
                guard let up = climb.pointee.parent, up != root else { return }
                climb = up
            }
            current = climb.pointee.next
        }
    }

    /// Element and text children in document order (comments and processing instructions
    /// left out), for algorithms that interleave text with elements, such as name from content.
    public var childNodes: [ChildNode] {
        var result: [ChildNode] = []
        var child = Element.contentChildren(of: node)
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE: result.append(.element(Element(c)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { result.append(.text(String(cString: content))) }
            default: break
            }
            child = c.pointee.next
        }
        return result
    }

    /// The element and text nodes after this element among its parent's children, in order,
    /// read lazily: looking at what stands between two siblings costs what lies between them,
    /// not the whole list of children.
    public var followingSiblingNodes: AnySequence<ChildNode> {
        AnySequence(sequence(state: node.pointee.next) { (cursor: inout xmlNodePtr?) -> ChildNode? in
            while let current = cursor {
                cursor = current.pointee.next
                switch current.pointee.type {
                case XML_ELEMENT_NODE: return .element(Element(current))
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content { return .text(String(cString: content)) }
                default: break
                }
            }
            return nil
        })
    }

    /// Child nodes of this element that are text, in order, with their text (for checks that
    /// look at the element's own text rather than its descendants').
    public var ownText: String {
        // Most elements hold one text node or none: read it in place, without a byte buffer.
        var texts = 0
        var only: UnsafePointer<xmlChar>?
        var scan = Element.contentChildren(of: node)
        while let c = scan {
            if c.pointee.type == XML_TEXT_NODE, let content = c.pointee.content {
                texts += 1
                only = UnsafePointer(content)
            }
            scan = c.pointee.next
        }
        if texts == 0 { return "" }
        if texts == 1, let only { return String(cString: only) }
        var bytes: [UInt8] = []
        var child = Element.contentChildren(of: node)
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE, let content = c.pointee.content {
                appendCString(content, to: &bytes)
            }
            child = c.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Location

    /// The source line of the start tag (1-based), as libxml2 recorded it.
    public var line: Int {
        Int(xmlGetLineNo(node))
    }

    /// An XPath-like path: `/html/body/div[2]/img[1]`. A step carries its position among
    /// same-named siblings when there is more than one. Deeper than `pathSteps`, the middle is
    /// written `…`: `/html/body/…/div/p/a` keeps a finding on a 10,000-deep page readable, and
    /// building paths of every finding there linear.
    public var path: String {
        let document = HTMLDocument.owner(of: node)
        func step(_ element: Element) -> String {
            let name = element.name
            let step = document.siblingStep(of: element.node)
            return step.ambiguous ? "\(name)[\(step.position)]" : name
        }
        var near: [Element] = []
        var current: Element? = self
        while let element = current, near.count < Element.pathSteps {
            near.append(element)
            current = element.parent
        }
        var steps = near.reversed().map(step)
        // Above the nearest steps: the root, its child on the way, and `…` for what lies between.
        if let above = current {
            if above.parent != nil {
                let topLevel = document.topLevel.value(of: above)
                let root = topLevel.parent ?? topLevel
                steps = (topLevel == above ? [step(root), step(above)] : [step(root), step(topLevel), "…"]) + steps
            } else {
                steps.insert(step(above), at: 0)
            }
        }
        return "/" + steps.joined(separator: "/")
    }

    /// The nearest steps a path keeps (see `path`).
    public static let pathSteps = 40

    /// The start tag as it would be written, attributes in source order, cut at `limit`
    /// characters: `<img src="a.png" alt="">`.
    public func snippet(limit: Int = 200) -> String {
        var text = "<" + name
        for (attrName, value) in attributes {
            text += " " + attrName
            let escaped = value.replacingAll("&", with: "&amp;").replacingAll("\"", with: "&quot;")
            text += "=\"" + escaped + "\""
            if text.count > limit { break }
        }
        text += ">"
        if text.count > limit {
            return String(text.prefix(limit - 1)) + "…"
        }
        return text
    }
}

public enum ChildNode {
    case element(Element)
    case text(String)
}

/// Every element below a root in document order, without recursion.
public struct ElementSequence: Sequence {
    let root: Element?
    let includeRoot: Bool

    public struct Iterator: IteratorProtocol {
        let root: xmlNodePtr?
        var upcoming: xmlNodePtr?

        public mutating func next() -> Element? {
            guard let current = upcoming, let root else { return nil }
            upcoming = Iterator.advance(from: current, root: root)
            return Element(current)
        }

        static func advance(from node: xmlNodePtr, root: xmlNodePtr) -> xmlNodePtr? {
            if let child = Element.firstElement(from: Element.contentChildren(of: node)) {
                return child.node
            }
            var current = node
            while current != root {
                if let sibling = Element.firstElement(from: current.pointee.next) {
                    return sibling.node
                }
                guard let up = current.pointee.parent, up.pointee.type == XML_ELEMENT_NODE else { return nil }
                current = up
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator {
        guard let root else { return Iterator(root: nil, upcoming: nil) }
        let first = includeRoot ? root.node : Iterator.advance(from: root.node, root: root.node)
        return Iterator(root: root.node, upcoming: first)
    }
}

private let templateName: StaticString = "template"

private func strcmpBytes(_ raw: UnsafePointer<xmlChar>, _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < buffer.count {
        if raw[index] != buffer[index] { return false }
        index += 1
    }
    return raw[index] == 0
}

private func appendCString(_ content: UnsafePointer<xmlChar>, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
