import CLibXML2

/// Facts about the `textContent` of elements, each element's worked out once: asking them of
/// every element of a deep tree by reading its text would cost the depth times the text.
public struct TextFacts {
    private struct Facts {
        var lineBreaks: Int
        var hasNonWhitespace: Bool
    }

    private var known = ElementMemo<Facts>()

    public init() {}

    /// Line breaks (LF, CR LF, lone CR) in the text content of `element`.
    public mutating func lineBreaks(in element: Element) -> Int {
        facts(element).lineBreaks
    }

    /// Whether the text content of `element` holds anything but whitespace.
    public mutating func hasNonWhitespace(in element: Element) -> Bool {
        facts(element).hasNonWhitespace
    }

    /// The first question about an element settles its whole subtree, children before
    /// parents, without recursion.
    private mutating func facts(_ element: Element) -> Facts {
        if let facts = known[element] { return facts }
        let subtree = Array(ElementSequence(root: element, includeRoot: true))
        for member in subtree.reversed() where known[member] == nil {
            var facts = Facts(lineBreaks: 0, hasNonWhitespace: false)
            var child = Element.contentChildren(of: member.node)
            while let c = child {
                switch c.pointee.type {
                case XML_ELEMENT_NODE:
                    if let inner = known[Element(c)] {
                        facts.lineBreaks += inner.lineBreaks
                        facts.hasNonWhitespace = facts.hasNonWhitespace || inner.hasNonWhitespace
                    }
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = c.pointee.content {
                        facts.lineBreaks += TextFacts.breaks(in: content)
                        facts.hasNonWhitespace = facts.hasNonWhitespace
                            || !String(cString: content).allSatisfy(\.quickIsWhitespace)
                    }
                default: break
                }
                child = c.pointee.next
            }
            known[member] = facts
        }
        return known[element] ?? Facts(lineBreaks: 0, hasNonWhitespace: false)
    }

    private static func breaks(in content: UnsafePointer<xmlChar>) -> Int {
        var total = 0
        var index = 0
        while content[index] != 0 {
            let byte = content[index]
            if byte == 0x0A || (byte == 0x0D && content[index + 1] != 0x0A) { total += 1 }
            index += 1
        }
        return total
    }
}
