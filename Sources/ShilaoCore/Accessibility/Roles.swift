import ShilaoDOM

extension AccessibilityContext {
    /// The element's role: the first token of its `role` attribute that is a concrete ARIA
    /// role, else its implicit role per HTML-AAM. Nil for no role and for `generic`.
    /// `none`/`presentation` come back as written (an `img` with `alt=""` gives
    /// `presentation`), unless the element is focusable or carries a global ARIA attribute,
    /// in which case the presentational role is ignored.
    public func role(of element: Element) -> String? {
        if let cached = roleCache[element] { return cached.role }
        // A section's or form's role depends on its name, whose aria-labelledby content may
        // lead back here; the inner question is answered as "no role".
        guard rolesInProgress.insert(element).inserted else { return nil }
        defer { rolesInProgress.remove(element) }
        let role = computeRole(element)
        roleCache[element] = RoleEntry(role: role)
        return role
    }

    /// The heading level: `aria-level` when valid, else the `h1`–`h6` number, else 2 (the
    /// ARIA default). Nil when the element is not a heading.
    public func headingLevel(of element: Element) -> Int? {
        guard role(of: element) == "heading" else { return nil }
        if let level = element.attribute("aria-level").flatMap({ parseHTMLInteger($0.trimmingWhitespace(), strict: true) }),
           level > 0 {
            return level
        }
        return Self.headingTagLevel(element) ?? 2
    }

    /// Whether the element's semantics are not exposed: its role is `none`/`presentation`, or
    /// an ancestor's role makes its children presentational (a `button`, `img`, `option`…).
    /// Its content can still contribute to names.
    public func isPresentational(_ element: Element) -> Bool {
        if hasPresentationalRole(element) { return true }
        return presentationalChildren.anyAncestor(element)
    }

    /// The role is `none`/`presentation` after conflict resolution. Needs no name, so name
    /// computation can ask it.
    func hasPresentationalRole(_ element: Element) -> Bool {
        if let explicit = explicitRole(element) {
            return Self.isPresentationalRoleName(explicit) && !hasPresentationalConflict(element)
        }
        return Self.isDecorativeImage(element) && !hasPresentationalConflict(element)
    }

    /// The first valid, concrete role token of the `role` attribute (tokens after it are
    /// fallbacks for older user agents). Tokens compare case-insensitively, as browsers do.
    public func explicitRole(_ element: Element) -> String? {
        guard let value = element.attribute("role") else { return nil }
        return value.lowercased().whitespaceTokens.first { ARIA.concreteRole($0) != nil }
    }

    /// The explicit role that actually applies: none when missing, or when it is
    /// presentational and the conflict rules void it.
    func effectiveExplicitRole(_ element: Element) -> String? {
        guard let explicit = explicitRole(element) else { return nil }
        if Self.isPresentationalRoleName(explicit) && hasPresentationalConflict(element) { return nil }
        return explicit
    }

    /// WAI-ARIA 1.2 presentational roles conflict resolution: a focusable element, or one with
    /// a global state or property (with a value; `aria-hidden` aside, which hides it anyway),
    /// keeps its native role.
    func hasPresentationalConflict(_ element: Element) -> Bool {
        if isFocusable(element) { return true }
        return element.attributes(prefixed: "aria-").contains { attribute in
            attribute.name != "aria-hidden" && ARIA.attributes[attribute.name]?.isGlobal == true
                && !attribute.value.isBlank
        }
    }

    private func computeRole(_ element: Element) -> String? {
        if let explicit = effectiveExplicitRole(element) {
            return explicit == "generic" ? nil : explicit
        }
        if Self.isDecorativeImage(element) {
            return hasPresentationalConflict(element) ? "img" : "presentation"
        }
        return implicitRole(element)
    }

    static func isPresentationalRoleName(_ role: String) -> Bool {
        role == "none" || role == "presentation"
    }

    static func isDecorativeImage(_ element: Element) -> Bool {
        element.isNamed("img") && element.attribute("alt") == ""
    }

    static func headingTagLevel(_ element: Element) -> Int? {
        let name = element.name
        guard name.count == 2, name.first == "h", let digit = name.last?.wholeNumberValue,
              (1...6).contains(digit) else { return nil }
        return digit
    }

    /// The role the element has without a `role` attribute, per HTML-AAM and ARIA in HTML
    /// (nil for none and for `generic`); ACT rules leave out explicit roles that repeat it.
    public func implicitRole(_ element: Element) -> String? {
        if Self.headingTagLevel(element) != nil { return "heading" }
        switch element.name {
        case "a", "area": return element.hasAttribute("href") ? "link" : nil
        case "address", "details", "fieldset", "hgroup", "optgroup": return "group"
        case "article": return "article"
        case "aside":
            let scoped = element.ancestors.contains { ["article", "aside", "nav", "section"].contains($0.name) }
            return !scoped || hasAuthorName(element) ? "complementary" : nil
        case "blockquote": return "blockquote"
        case "button": return "button"
        case "caption": return "caption"
        case "code": return "code"
        case "datalist": return "listbox"
        case "dd": return "definition"
        case "del", "s": return "deletion"
        case "dfn", "dt": return "term"
        case "dialog": return "dialog"
        case "em": return "emphasis"
        case "figure": return "figure"
        case "footer", "header":
            let scoped = element.ancestors.contains {
                ["article", "aside", "main", "nav", "section"].contains($0.name)
            }
            if scoped { return nil }
            return element.isNamed("header") ? "banner" : "contentinfo"
        case "form": return hasAuthorName(element) ? "form" : nil
        case "hr": return "separator"
        case "html": return "document"
        case "img": return "img"
        case "input": return inputRole(element)
        case "ins": return "insertion"
        case "li":
            guard let parent = element.parent else { return nil }
            return ["ol", "ul", "menu"].contains(parent.name) ? "listitem" : nil
        case "main": return "main"
        case "math": return "math"
        case "menu", "ol", "ul": return "list"
        case "meter": return "meter"
        case "nav": return "navigation"
        case "option":
            return element.ancestors.contains { $0.isNamed("select") || $0.isNamed("datalist") } ? "option" : nil
        case "output": return "status"
        case "p": return "paragraph"
        case "progress": return "progressbar"
        case "search": return "search"
        case "section": return hasAuthorName(element) ? "region" : nil
        case "select":
            let size = element.attribute("size").flatMap { parseHTMLInteger($0) } ?? 0
            return element.hasAttribute("multiple") || size > 1 ? "listbox" : "combobox"
        case "strong": return "strong"
        case "sub": return "subscript"
        case "sup": return "superscript"
        case "svg": return "graphics-document"
        case "table": return "table"
        case "tbody", "tfoot", "thead": return tablePart(element, "rowgroup")
        case "td": return tablePart(element, "cell")
        case "th": return tablePart(element, headerCellRole(element))
        case "textarea": return "textbox"
        case "time": return "time"
        case "tr": return tablePart(element, "row")
        default: return nil
        }
    }

    /// Whether the author named the element (`aria-labelledby`, `aria-label`, `title`): what
    /// turns a `section` into a region and a `form` into a landmark.
    private func hasAuthorName(_ element: Element) -> Bool {
        !name(of: element).isEmpty
    }

    private func inputRole(_ input: Element) -> String? {
        let hasList = !(input.attribute("list")?.isBlank ?? true)
        switch inputType(input) {
        case "button", "image", "reset", "submit": return "button"
        case "checkbox": return "checkbox"
        case "radio": return "radio"
        case "range": return "slider"
        case "number": return "spinbutton"
        case "search": return hasList ? "combobox" : "searchbox"
        case "email", "tel", "text", "url": return hasList ? "combobox" : "textbox"
        default: return nil
        }
    }

    /// Table parts follow their table: cells of a grid are grid cells, and a presentational
    /// table takes its parts' semantics with it.
    private func tablePart(_ element: Element, _ partRole: String) -> String? {
        guard let table = element.closest("table") else { return partRole }
        let tableRole = role(of: table)
        if tableRole.map(Self.isPresentationalRoleName) ?? false { return nil }
        if partRole == "cell", tableRole == "grid" || tableRole == "treegrid" { return "gridcell" }
        return partRole
    }

    /// `scope` decides; otherwise a `th` in a row that also holds data cells heads the row.
    private func headerCellRole(_ cell: Element) -> String {
        switch cell.attribute("scope")?.trimmingWhitespace().lowercased() {
        case "row", "rowgroup": return "rowheader"
        case "col", "colgroup": return "columnheader"
        default:
            if let row = cell.parent, row.parent?.isNamed("thead") != true,
               row.children.contains(where: { $0.isNamed("td") }) {
                return "rowheader"
            }
            return "columnheader"
        }
    }
}
