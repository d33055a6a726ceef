import ShilaoDOM

/// Whether an element or one of its ancestors has some property, asked of many elements of one
/// page (see `AncestorMemo`, which remembers each element's answer). One flag per page; the
/// property may itself ask other flags (or this one, of ancestors).
public final class InheritedFlag {
    private let memo: AncestorMemo<Bool>

    public init(_ own: @escaping (Element) -> Bool) {
        memo = AncestorMemo { element, above in above == true || own(element) }
    }

    /// The element itself or any ancestor has the property.
    public func selfOrAncestor(_ element: Element) -> Bool {
        memo.value(of: element)
    }

    /// Some ancestor has the property, the element itself left out.
    public func anyAncestor(_ element: Element) -> Bool {
        element.parent.map(selfOrAncestor) ?? false
    }
}
