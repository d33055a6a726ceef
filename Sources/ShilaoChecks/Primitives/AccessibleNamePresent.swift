import Foundation
import ShilaoCore
import ShilaoDOM

/// Declarative: elements with one of the given roles (or tag names), when they are in the
/// accessibility tree, have a non-empty accessible name (AccName 1.2) that is not only the
/// user agent's stand-in.
struct AccessibleNamePresent: Check {
    static let name = "accessible-name"

    struct Options: Decodable {
        let roles: [String]?
        let elements: [String]?
        /// `input` types left to another check (an image button is judged by its own rule).
        let excludeInputTypes: [String]?
        /// Only these `input` types (other elements are unaffected).
        let inputTypes: [String]?
        /// Leave out elements taken out of the tab order (`tabindex="-1"`), as ACT does for iframes.
        let excludeNegativeTabindex: Bool?
        /// The role must be written in the `role` attribute (an `svg` is a graphics document by
        /// default, but only one its author gave a role is a picture that needs a name).
        let explicitRole: Bool?
        /// Only elements that are, or are inside, one of these elements.
        let within: [String]?
    }

    let roles: Set<String>
    let elements: Set<String>
    let excludedInputTypes: Set<String>
    let inputTypes: Set<String>?
    let excludeNegativeTabindex: Bool
    let explicitRole: Bool
    let within: Set<String>?

    init(options: Options) throws {
        roles = Set(options.roles ?? [])
        elements = Set((options.elements ?? []).map { $0.lowercased() })
        excludedInputTypes = Set((options.excludeInputTypes ?? []).map { $0.lowercased() })
        inputTypes = options.inputTypes.map { Set($0.map { $0.lowercased() }) }
        excludeNegativeTabindex = options.excludeNegativeTabindex ?? false
        explicitRole = options.explicitRole ?? false
        within = options.within.map { Set($0.map { $0.lowercased() }) }
        guard !roles.isEmpty || !elements.isEmpty else {
            throw CatalogueError(file: "", problem: "options must name 'roles' or 'elements'")
        }
        for role in roles where ARIA.concreteRole(role) == nil {
            throw CatalogueError(file: "", problem: "options.roles: '\(role)' is not a WAI-ARIA 1.2 role")
        }
    }

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        // The page's elements of these tags and roles, in tree order: nine checks are made
        // from this one, and each asking the role of every element cost more than its judging.
        let candidates = Set(elements.flatMap(page.document.elements(named:)) + roles.flatMap(tree.elements(withRole:)))
        for element in candidates.sorted(by: { ($0.ordinal ?? 0) < ($1.ordinal ?? 0) }) {
            if elements.contains(where: element.hasName) {
                // Selected by tag: an author who made it presentational took it out of the tree's names.
                if tree.isMarkedPresentational(element) { continue }
            } else if let role = tree.role(of: element), roles.contains(role) {
                if explicitRole && tree.explicitRole(element) != role { continue }
            } else {
                continue
            }
            if let within, !sequence(first: element, next: { $0.parent }).contains(where: { within.contains($0.name) }) {
                continue
            }
            if element.isNamed("input") {
                let type = (element.attribute("type") ?? "text").lowercased()
                if excludedInputTypes.contains(type) || inputTypes.map({ !$0.contains(type) }) == true { continue }
            }
            if excludeNegativeTabindex, let tabindex = element.attribute("tabindex").flatMap({ Int($0.trimmed(.whitespaces)) }),
               tabindex < 0 { continue }
            guard !tree.isHidden(element) else { continue }
            results.judgeName(of: element, in: tree)
        }
    }
}
