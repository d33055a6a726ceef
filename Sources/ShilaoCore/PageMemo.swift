/// What several checks derive from one page — the text holders, an ancestor property of every
/// element — worked out once per page instead of once per check. A page is audited by one
/// task, so the memo needs no lock; it lives as long as the page. A stored value must not hold
/// the `Page` itself (a cycle that would keep every audited document alive).
public final class PageMemo {
    @usableFromInline var values: [String: Any] = [:]

    public init() {}

    /// The value stored under `key`, made by `make` the first time it is asked for. A key names
    /// one type of value; a different type asked under the same key is made again, never cast.
    /// An optional value is kept as made, nil included: the entry is looked up before the cast,
    /// since a missing entry cast to an optional type would read as a stored nil.
    /// Inlinable, so each caller's cast is to its own concrete type: generic, every look-up
    /// instantiated type metadata at run time.
    @inlinable
    public func value<Value>(_ key: String, _ make: () -> Value) -> Value {
        if let entry = values[key], let known = entry as? Value { return known }
        let made = make()
        values[key] = made
        return made
    }
}
