import Foundation
import ShilaoCore
import ShilaoDOM

/// Declarative: elements with one of the given roles (or tag names), when they are in the
/// accessibility tree, have a non-empty accessible name (AccName 1.2).
struct AccessibleNamePresent: Check {
    static let name = "accessible-name"

    struct Options: Decodable {
        let roles: [String]?
        let elements: [String]?
        /// `input` types left to another check (an image button is judged by its own rule).
        let excludeInputTypes: [String]?
        /// Leave out elements taken out of the tab order (`tabindex="-1"`), as ACT does for iframes.
        let excludeNegativeTabindex: Bool?
    }

    let roles: Set<String>
    let elements: Set<String>
    let excludedInputTypes: Set<String>
    let excludeNegativeTabindex: Bool

    init(options: Options) throws {
        roles = Set(options.roles ?? [])
        elements = Set((options.elements ?? []).map { $0.lowercased() })
        excludedInputTypes = Set((options.excludeInputTypes ?? []).map { $0.lowercased() })
        excludeNegativeTabindex = options.excludeNegativeTabindex ?? false
        guard !roles.isEmpty || !elements.isEmpty else {
            throw CatalogueError(file: "", problem: "options must name 'roles' or 'elements'")
        }
        for role in roles where ARIA.concreteRole(role) == nil {
            throw CatalogueError(file: "", problem: "options.roles: '\(role)' is not a WAI-ARIA 1.2 role")
        }
    }

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        for element in page.document.elements {
            if elements.contains(element.name) {
                // Selected by tag: an author who made it presentational took it out of the tree's names.
                if AccessibleNamePresent.explicitlyPresentational(element) { continue }
            } else if tree.role(of: element).map(roles.contains) != true {
                continue
            }
            if element.name == "input",
               excludedInputTypes.contains((element.attribute("type") ?? "text").lowercased()) { continue }
            if excludeNegativeTabindex, let tabindex = element.attribute("tabindex").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
               tabindex < 0 { continue }
            guard !tree.isHidden(element) else { continue }
            if tree.name(of: element).allSatisfy(\.isWhitespace) {
                results.fail(element)
            } else {
                results.pass(element)
            }
        }
    }

    /// The first recognised token of `role` is `none` or `presentation`.
    static func explicitlyPresentational(_ element: Element) -> Bool {
        guard let tokens = element.attribute("role")?.lowercased().split(whereSeparator: \.isWhitespace) else { return false }
        let first = tokens.first { ARIA.concreteRole(String($0)) != nil }
        return first == "none" || first == "presentation"
    }
}
