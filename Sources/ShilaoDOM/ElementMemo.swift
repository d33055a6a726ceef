/// Values kept per element of one document, stored by element ordinal, so a lookup is an array
/// read rather than hashing the element; elements outside the tree (template content) have no
/// ordinal and go to a dictionary. Inlinable, so callers in other modules get it specialised.
public struct ElementMemo<Value> {
    @usableFromInline var byOrdinal: [Value?] = []
    @usableFromInline var outside: [Element: Value] = [:]

    public init() {}

    @inlinable
    public subscript(element: Element) -> Value? {
        get {
            guard let ordinal = element.ordinal else { return outside[element] }
            return ordinal < byOrdinal.count ? byOrdinal[ordinal] : nil
        }
        set {
            guard let ordinal = element.ordinal else {
                outside[element] = newValue
                return
            }
            if ordinal >= byOrdinal.count {
                byOrdinal += [Value?](repeating: nil, count: max(ordinal + 1 - byOrdinal.count, byOrdinal.count))
            }
            byOrdinal[ordinal] = newValue
        }
    }
}
