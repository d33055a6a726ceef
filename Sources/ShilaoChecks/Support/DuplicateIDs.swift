import ShilaoCore
import ShilaoDOM

/// Elements that repeat an `id` already used earlier in the page, with the line of the first
/// use, split by whether something points at that id (ARIA id references or `label for`):
/// a repeated id that is referenced sends the reference to the wrong element.
struct DuplicateIDs {
    struct Repeat {
        let element: Element
        let id: String
        let firstLine: Int
        let isReferenced: Bool
    }

    let repeats: [Repeat]
    let hasIDs: Bool

    /// The repeats of the page, worked out once for the two checks that report them.
    static func of(_ page: Page) -> DuplicateIDs {
        page.memo.value("DuplicateIDs") { DuplicateIDs(page.document) }
    }

    /// ARIA attributes whose values are id references.
    private static let referencing = Set(ARIA.attributes.values
        .filter { $0.valueType == .idReference || $0.valueType == .idReferenceList }.map(\.name))

    private init(_ document: HTMLDocument) {
        var first: [String: Element] = [:]
        var referenced: Set<String> = []
        var found: [(Element, String, Element)] = []
        for element in document.elements {
            for (name, value) in element.attributes(prefixed: "aria-") where Self.referencing.contains(name) {
                referenced.formUnion(value.whitespaceTokens)
            }
            if element.isNamed("label"), let target = element.attribute("for") { referenced.insert(target) }
            guard let id = element.attribute("id"), !id.isEmpty else { continue }
            if let earlier = first[id] {
                found.append((element, id, earlier))
            } else {
                first[id] = element
            }
        }
        hasIDs = !first.isEmpty
        repeats = found.map { Repeat(element: $0.0, id: $0.1, firstLine: $0.2.line, isReferenced: referenced.contains($0.1)) }
    }
}
