import ShilaoCore
import ShilaoDOM

/// ACT bc4a75: an element whose explicit role must own certain roles (a list owns list items,
/// a menu menu items, a tab list tabs) owns only those in the accessibility tree. Elements
/// without semantics are passed through, but text in them is content outside any allowed item
/// (text right inside the target is not an element it owns).
/// Content marked busy (`aria-busy="true"`) is still being built and is left alone.
struct AriaRequiredChildren: BuiltInCheck {
    static let id = "aria-required-children"

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        let ownership = Ownership(page)
        for element in page.document.elements {
            guard let role = tree.explicitRole(element), tree.role(of: element) == role,
                  let paths = ARIA.roles[role]?.requiredOwnedElements, !paths.isEmpty,
                  !tree.isHidden(element), !Self.isBusy(element) else { continue }
            let before = results.records.count
            check(element, role: role, paths: paths, ownership, &results)
            if results.records.count == before { results.pass(element) }
        }
    }

    /// Judges what `owner` owns against the allowed paths (`["group", "option"]`: a group
    /// that itself owns only options).
    private func check(_ owner: Element, role: String, paths: [[String]], _ ownership: Ownership, _ results: inout Results) {
        let allowed = Array(Set(paths.compactMap(\.first))).sorted()
        let data = ["role": role, "children": allowed.joined(separator: ", ")]
        for item in items(of: owner, ownership) {
            switch item {
            case .text(let holder):
                results.fail(holder, "fail.text", data)
            case .element(let child, let childRole):
                // A role that must itself sit in this one (a caption in a table) belongs here too.
                if ARIA.roles[childRole]?.requiredContextRoles.contains(role) == true, !allowed.contains(childRole) { continue }
                guard allowed.contains(childRole) else {
                    results.fail(child, "fail", data.merging(["found": childRole]) { $1 })
                    continue
                }
                let rest = paths.filter { $0.first == childRole }.map { Array($0.dropFirst()) }
                if !rest.contains(where: \.isEmpty) {
                    check(child, role: childRole, paths: rest, ownership, &results)
                }
            }
        }
    }

    enum Item {
        /// Text that is not inside an owned element with a role; the element holding it.
        case text(Element)
        case element(Element, String)
    }

    /// The owned elements with a role, and stray text, walking through elements without semantics.
    private func items(of owner: Element, _ ownership: Ownership) -> [Item] {
        let tree = ownership.tree
        var result: [Item] = []
        var stack = Array(ownership.children(of: owner).reversed())
        var seen: Set<Element> = [owner]
        while let child = stack.popLast() {
            guard seen.insert(child).inserted, !tree.isHidden(child) else { continue }
            if tree.isTransparent(child) {
                if !child.ownText.allSatisfy(\.quickIsWhitespace) { result.append(.text(child)) }
                stack.append(contentsOf: ownership.children(of: child).reversed())
            } else if let role = tree.role(of: child) {
                result.append(.element(child, role))
            }
        }
        return result
    }

    static func isBusy(_ element: Element) -> Bool {
        sequence(first: element, next: { $0.parent }).contains {
            $0.attribute("aria-busy")?.lowercased() == "true"
        }
    }
}
