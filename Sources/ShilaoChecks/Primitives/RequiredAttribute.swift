import ShilaoCore

/// Declarative: every element with one of the given tag names carries the attribute, with a
/// non-blank value when `nonBlank` is set. Messages: `fail.missing`, `fail.blank`.
struct RequiredAttribute: Check {
    static let name = "required-attribute"

    struct Options: Decodable {
        let elements: [String]
        let attribute: String
        let nonBlank: Bool?
    }

    let elements: Set<String>
    let attribute: String
    let nonBlank: Bool

    init(options: Options) throws {
        guard !options.elements.isEmpty else {
            throw CatalogueError(file: "", problem: "options.elements must name at least one element")
        }
        elements = Set(options.elements.map { $0.lowercased() })
        attribute = options.attribute.lowercased()
        nonBlank = options.nonBlank ?? false
    }

    func run(on page: Page, into results: inout Results) {
        for element in page.document.elements where elements.contains(element.name) {
            guard let value = element.attribute(attribute) else {
                results.fail(element, "fail.missing", ["attribute": attribute])
                continue
            }
            if nonBlank && value.allSatisfy(\.quickIsWhitespace) {
                results.fail(element, "fail.blank", ["attribute": attribute])
            } else {
                results.pass(element)
            }
        }
    }
}
