import Foundation
import ShilaoCore
import ShilaoDOM

extension AccessibilityContext {
    /// Reached with the Tab key: focusable, and not taken out of the order by a negative `tabindex`.
    func isInTabOrder(_ element: Element) -> Bool {
        guard isFocusable(element) else { return false }
        guard let tabindex = element.attribute("tabindex").flatMap({ Int($0.trimmed(.whitespaces)) }) else {
            return true
        }
        return tabindex >= 0
    }

    /// Whether `attribute` may be set on the element: its role allows it, or, for an element
    /// without an ARIA role, ARIA in HTML does. Elements HTML maps to `generic` (`div`, `span`…)
    /// take generic's rules, which prohibit naming; date and password fields take the textbox
    /// ones, media the application ones; other elements with no corresponding role (`label`,
    /// `canvas`…) take the global attributes only.
    func permits(_ attribute: String, on element: Element) -> Bool {
        let roleName: String?
        if let role = role(of: element) {
            roleName = role
        } else {
            switch element.name {
            case "input":
                let type = element.attribute("type")?.trimmed(.whitespaces).lowercased() ?? ""
                roleName = ["date", "datetime-local", "file", "month", "password", "time", "week"].contains(type) ? "textbox" : nil
            case "audio", "video": roleName = "application"
            default: roleName = Self.genericElements.contains(element.name) ? "generic" : nil
            }
        }
        guard let roleName, let role = ARIA.roles[roleName] else { return ARIA.attributes[attribute]?.isGlobal == true }
        return role.allows(attribute)
    }

    /// Elements HTML-AAM maps to the `generic` role when they have no other.
    private static let genericElements: Set<String> = [
        "a", "aside", "b", "bdi", "bdo", "body", "data", "div", "footer", "form", "header", "i", "li", "pre", "q",
        "samp", "section", "small", "span", "u",
    ]

    /// Adds nothing to the accessibility tree's structure: no role, or `none`/`presentation`.
    func isTransparent(_ element: Element) -> Bool {
        guard let role = role(of: element) else { return true }
        return role == "none" || role == "presentation"
    }

    /// The role attribute's first recognised token is `none` or `presentation`.
    func isMarkedPresentational(_ element: Element) -> Bool {
        let explicit = explicitRole(element)
        return explicit == "none" || explicit == "presentation"
    }
}

/// Who owns whom in the accessibility tree: `aria-owns` moves an element under its owner
/// (the first owner in tree order wins, as browsers do); elements without semantics are
/// passed through, as ACT's "owned by" reads the tree.
struct Ownership {
    let tree: AccessibilityContext
    private var owners: [Element: Element] = [:]

    init(_ page: Page) {
        tree = page.accessibility
        for element in page.document.elements where element.hasAttribute("aria-owns") {
            for id in (element.attribute("aria-owns") ?? "").split(whereSeparator: \.quickIsWhitespace) {
                guard let owned = page.document.element(id: String(id)), owned != element, owners[owned] == nil else { continue }
                owners[owned] = element
            }
        }
    }

    /// The element's parent in the accessibility tree: its owner, or its DOM parent.
    func parent(of element: Element) -> Element? {
        owners[element] ?? element.parent
    }

    /// The nearest element above this one that has a role other than none or presentation.
    func semanticParent(of element: Element) -> Element? {
        var seen: Set<Element> = [element]
        var current = parent(of: element)
        while let node = current, seen.insert(node).inserted {
            if !tree.isTransparent(node) { return node }
            current = parent(of: node)
        }
        return nil
    }

    /// Children in the accessibility tree: DOM children nobody else owns, then `aria-owns` targets.
    func children(of element: Element) -> [Element] {
        var result = element.children.filter { owners[$0] == nil || owners[$0] == element }
        for id in (element.attribute("aria-owns") ?? "").split(whereSeparator: \.quickIsWhitespace) {
            if let owned = tree.document.element(id: String(id)), owners[owned] == element, !result.contains(owned) {
                result.append(owned)
            }
        }
        return result
    }
}
