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
    /// The tags, ids and classes of each element's ancestors, for rejecting selectors early.
    let ancestorFilters: [AncestorFilter]
    /// Attribute values that replace the document's, by element position (see `StyleEngine.assuming`).
    private let overrides: [Int: [String: String]]

    private var readPosition = -1
    private var readValues: [(name: String, value: String?)] = []

    /// True when ids and classes are stored lower-cased, for quirks mode's case-insensitive matching.
    let quirks: Bool

    init(document: HTMLDocument, quirks: Bool = false, attributes: [Element: [String: String]] = [:]) {
        self.quirks = quirks
        var elements: [Element] = []
        var names: [String] = []
        var ids: [String?] = []
        var classes: [[String]] = []
        var parent: [Int] = []
        var overrides: [Int: [String: String]] = [:]
        for element in document.elements {
            let changed = attributes[element]
            if let changed { overrides[elements.count] = changed }
            parent.append(element.parent?.ordinal ?? -1)
            elements.append(element)
            names.append(element.name)
            let id = changed?["id"] ?? element.attribute("id")
            let classList = (changed?["class"] ?? element.attribute("class")).map(splitOnWhitespace) ?? []
            ids.append(quirks ? id?.asciiLowercased : id)
            classes.append(quirks ? classList.map(\.asciiLowercased) : classList)
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
        var filters = [AncestorFilter](repeating: AncestorFilter(), count: count)
        for index in 0..<count {
            let p = parent[index]
            guard p >= 0 else { continue }
            var filter = filters[p]
            filter.insert(AncestorFilter.hash(tag: names[p]))
            if let id = ids[p] { filter.insert(AncestorFilter.hash(id: id)) }
            for name in classes[p] { filter.insert(AncestorFilter.hash(className: name)) }
            filters[index] = filter
        }
        self.ancestorFilters = filters
        self.elements = elements
        self.names = names
        self.ids = ids
        self.classes = classes
        self.parent = parent
        self.previousSibling = previous
        self.nextSibling = next
        self.subtreeEnd = end
        self.overrides = overrides
    }

    var count: Int { elements.count }

    /// The element's attribute, as overridden or as in the document.
    func attribute(_ position: Int, _ name: String) -> String? {
        // Matching one element tries many selectors that read the same attribute (a sheet of
        // `a[href^=…]` rules): its values are read from libxml2 once.
        if position != readPosition {
            readPosition = position
            readValues.removeAll(keepingCapacity: true)
        }
        // A few names at most: a short scan beats hashing the name.
        if let known = readValues.first(where: { $0.name == name }) { return known.value }
        let value = overrides[position]?[name] ?? elements[position].attribute(name)
        readValues.append((name, value))
        return value
    }

    func index(of element: Element) -> Int? {
        guard let ordinal = element.ordinal, ordinal < elements.count, elements[ordinal] == element else { return nil }
        return ordinal
    }
}

/// HTML's "split a string on ASCII whitespace".
func splitOnWhitespace(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }).map(String.init)
}

/// A 256-bit Bloom filter of ancestor features (the browsers' ancestor filter): when a
/// selector needs an ancestor with class `nav` and the filter lacks it, the selector cannot
/// match and the ancestor walk is skipped. False positives only cost a normal match.
struct AncestorFilter {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    static func hash(tag: String) -> Int { feature(0, tag) }
    static func hash(id: String) -> Int { feature(1, id) }
    static func hash(className: String) -> Int { feature(2, className) }

    private static func feature(_ kind: UInt8, _ value: String) -> Int {
        var hasher = Hasher()
        hasher.combine(kind)
        hasher.combine(value)
        return hasher.finalize()
    }

    mutating func insert(_ hash: Int) {
        set(hash & 0xFF)
        set((hash >> 8) & 0xFF)
    }

    /// A filter holding `hashes`, for testing them all at once with `contains(all:)`.
    init(_ hashes: [Int]) {
        for hash in hashes { insert(hash) }
    }

    init() {}

    /// Whether every feature of `required` may be present: four word tests, where a loop over
    /// a selector's features was the costliest part of matching a big sheet.
    func contains(all required: AncestorFilter) -> Bool {
        bits.0 & required.bits.0 == required.bits.0 && bits.1 & required.bits.1 == required.bits.1
            && bits.2 & required.bits.2 == required.bits.2 && bits.3 & required.bits.3 == required.bits.3
    }

    private mutating func set(_ bit: Int) {
        let mask = UInt64(1) << UInt64(bit & 63)
        switch bit >> 6 {
        case 0: bits.0 |= mask
        case 1: bits.1 |= mask
        case 2: bits.2 |= mask
        default: bits.3 |= mask
        }
    }
}
