import ShilaoDOM

/// The document's elements flattened once, in document order, with the links and attributes
/// selector matching reads over and over (tag, id, classes), so matching walks integer
/// indices instead of re-reading libxml2 nodes and re-splitting class attributes.
final class ElementTable {
    let elements: [Element]
    let names: [String]
    let ids: [String?]
    let classes: [[String]]
    /// -1 where there is none.
    let parent: [Int]
    let previousSibling: [Int]
    let nextSibling: [Int]
    /// One past the last descendant: the subtree of `i` is `i ..< subtreeEnd[i]`.
    let subtreeEnd: [Int]
    private let indexOf: [Element: Int]

    init(document: HTMLDocument) {
        var elements: [Element] = []
        var names: [String] = []
        var ids: [String?] = []
        var classes: [[String]] = []
        var parent: [Int] = []
        var indexOf: [Element: Int] = [:]
        for element in document.elements {
            indexOf[element] = elements.count
            parent.append(element.parent.flatMap { indexOf[$0] } ?? -1)
            elements.append(element)
            names.append(element.name)
            ids.append(element.attribute("id"))
            classes.append(element.attribute("class").map(splitOnWhitespace) ?? [])
        }
        let count = elements.count
        var previous = [Int](repeating: -1, count: count)
        var next = [Int](repeating: -1, count: count)
        var lastChild = [Int](repeating: -1, count: count)
        var rootLast = -1
        var end = [Int](repeating: count, count: count)
        // Pre-order: each element's previous sibling is the last child seen so far of its parent.
        for index in 0..<count {
            let p = parent[index]
            let previousIndex = p >= 0 ? lastChild[p] : rootLast
            if previousIndex >= 0 {
                previous[index] = previousIndex
                next[previousIndex] = index
                end[previousIndex] = index
            }
            if p >= 0 { lastChild[p] = index } else { rootLast = index }
        }
        // A last child's subtree ends where its parent's does; parents come before children.
        for index in 0..<count where next[index] < 0 {
            let p = parent[index]
            if p >= 0 { end[index] = end[p] }
        }
        self.elements = elements
        self.names = names
        self.ids = ids
        self.classes = classes
        self.parent = parent
        self.previousSibling = previous
        self.nextSibling = next
        self.subtreeEnd = end
        self.indexOf = indexOf
    }

    var count: Int { elements.count }

    func index(of element: Element) -> Int? { indexOf[element] }
}

/// HTML's "split a string on ASCII whitespace".
func splitOnWhitespace(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }).map(String.init)
}
