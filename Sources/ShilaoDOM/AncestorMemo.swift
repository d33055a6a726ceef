/// A value of each element that follows from its own markup and its parent's value (is it
/// inside a footer, which block lays it out, which top-level element holds it), asked of many
/// elements of one document: each element's value is worked out once, so asking it of every
/// element of a deep tree stays linear instead of climbing all ancestors each time. `derive`
/// gets the element and its parent's value (nil for the root) and may itself ask this memo about
/// ancestors.
public final class AncestorMemo<Value> {
    // Inlinable so that each client's `value(of:)` is specialized for its Value: generic, it
    // looked up type metadata on every call, a few percent of an audit.
    @usableFromInline var values = ElementMemo<Value>()
    @usableFromInline let derive: (Element, Value?) -> Value

    public init(_ derive: @escaping (Element, Value?) -> Value) {
        self.derive = derive
    }

    @inlinable
    public func value(of element: Element) -> Value {
        if let known = values[element] { return known }
        // Climbs only to the nearest ancestor already answered, then fills the answers in downwards.
        var chain: [Element] = []
        var current: Element? = element
        var above: Value?
        while let node = current {
            if let known = values[node] {
                above = known
                break
            }
            chain.append(node)
            current = node.parent
        }
        for node in chain.reversed() {
            let value = derive(node, above)
            values[node] = value
            above = value
        }
        return above!
    }
}
