import ShilaoDOM

/// Whether an element or one of its ancestors has some property, asked of many elements of one
/// page: each element's answer is worked out once, so asking it of every element of a deep
/// tree stays linear instead of walking all ancestors each time. One flag per page; the
/// property may itself ask other flags (or this one, of ancestors).
public final class InheritedFlag {
    /// By element ordinal: nil while not worked out (elements outside the tree, which have no
    /// ordinal, go to `outside`).
    private var cache: [Bool?] = []
    private var outside: [Element: Bool] = [:]
    private let own: (Element) -> Bool

    public init(_ own: @escaping (Element) -> Bool) {
        self.own = own
    }

    /// The element itself or any ancestor has the property.
    public func selfOrAncestor(_ element: Element) -> Bool {
        var chain: [Element] = []
        var current: Element? = element
        var result = false
        while let node = current {
            if let cached = cached(node) {
                result = cached
                break
            }
            chain.append(node)
            current = node.parent
        }
        for node in chain.reversed() {
            result = result || own(node)
            remember(node, result)
        }
        return result
    }

    /// Some ancestor has the property, the element itself left out.
    public func anyAncestor(_ element: Element) -> Bool {
        element.parent.map(selfOrAncestor) ?? false
    }

    private func cached(_ element: Element) -> Bool? {
        guard let ordinal = element.ordinal else { return outside[element] }
        return ordinal < cache.count ? cache[ordinal] : nil
    }

    private func remember(_ element: Element, _ value: Bool) {
        guard let ordinal = element.ordinal else {
            outside[element] = value
            return
        }
        if ordinal >= cache.count { cache += [Bool?](repeating: nil, count: max(ordinal + 1 - cache.count, cache.count)) }
        cache[ordinal] = value
    }
}
