import ShilaoDOM

/// The first descendant, in document order, that satisfies a predicate, asked of many elements
/// of one page. The first question answers it for the whole tree in one pass, children before
/// parents, so asking it of nested elements stays linear instead of scanning each subtree.
final class FirstDescendant {
    private let document: HTMLDocument
    private let matches: (Element) -> Bool
    private var answers: ElementMemo<Element>?

    init(in document: HTMLDocument, where matches: @escaping (Element) -> Bool) {
        self.document = document
        self.matches = matches
    }

    func of(_ element: Element) -> Element? {
        if let answers { return answers[element] }
        // Kept by element ordinal: hashing every element of a large page cost more than the walk.
        var found = ElementMemo<Element>()
        for member in document.elements.reversed() {
            var child = member.firstElementChild
            while let c = child {
                if matches(c) {
                    found[member] = c
                    break
                }
                if let deeper = found[c] {
                    found[member] = deeper
                    break
                }
                child = c.nextElementSibling
            }
        }
        answers = found
        return found[element]
    }
}
