import ShilaoDOM

/// W3C Accessible Name and Description Computation 1.2, with the HTML-AAM host-language rules.
/// Name from content walks the subtree with an explicit stack, so depth does not matter;
/// only nested computations (aria-labelledby targets, labels, legends, captions) recurse, and
/// they stop at `maxNesting`.
extension AccessibilityContext {
    /// How deep nested computations may go before they contribute nothing.
    static let maxNesting = 16

    /// The accessible name, whitespace collapsed and trimmed; "" when there is none.
    public func name(of element: Element) -> String {
        if let cached = nameCache[element] { return cached }
        let name = computeName(element).collapsingWhitespace()
        nameCache[element] = name
        return name
    }

    /// Whether the name is only the user agent's stand-in, not words the author wrote: an image
    /// button with no labelling text, `alt`, `value` or `title` is called "Submit Query", which
    /// says nothing about what it does.
    public func hasDefaultName(_ element: Element) -> Bool {
        guard element.isNamed("input"), inputType(element) == "image", !hasPresentationalRole(element),
              name(of: element) == Self.imageButtonDefaultName else { return false }
        let referenced = references(element, "aria-labelledby").contains { !$0.textContent.isBlank }
        return !referenced && ["aria-label", "alt", "value", "title"].allSatisfy { nonBlank(element.attribute($0)) == nil }
    }

    static let imageButtonDefaultName = "Submit Query"

    /// The accessible description: `aria-describedby`, else `aria-description`, else a
    /// `title` that did not already give the name.
    public func description(of element: Element) -> String {
        if let cached = descriptionCache[element] { return cached }
        var walk = Walk(root: element, visited: [element])
        var text = referenceText(references(element, "aria-describedby"), &walk).collapsingWhitespace()
        if text.isEmpty, let description = nonBlank(element.attribute("aria-description")) {
            text = description.collapsingWhitespace()
        }
        if text.isEmpty, let title = tooltip(element)?.collapsingWhitespace(), title != name(of: element) {
            text = title
        }
        descriptionCache[element] = text
        return text
    }

    /// State of one computation: where it started, the elements already used (each
    /// contributes once, which also breaks cycles), and the nesting depth.
    struct Walk {
        let root: Element
        var visited: Set<Element>
        var depth = 0
    }

    /// How the current node was reached.
    struct Mode {
        /// Inside an aria-labelledby/-describedby or label traversal: aria-labelledby is not
        /// followed again.
        var inReference: Bool
        /// The directly referenced node was hidden, so hidden content counts (AccName 2A).
        var includeHidden: Bool
    }

    enum Step {
        case skip
        case text(String)
        case descend
    }

    private func computeName(_ root: Element) -> String {
        var walk = Walk(root: root, visited: [root])
        let labelledBy = references(root, "aria-labelledby")
        if !labelledBy.isEmpty {
            let text = referenceText(labelledBy, &walk)
            if !text.isBlank { return text }
        }
        if let label = nonBlank(root.attribute("aria-label")) { return label }
        let mode = Mode(inReference: false, includeHidden: isHidden(root))
        if let host = hostLanguageText(root, mode, &walk) { return host }
        if allowsNameFromContent(root) {
            let text = contentText(of: root, mode, &walk)
            if !text.isBlank { return text }
        }
        return tooltip(root) ?? ""
    }

    /// Step 2 for a node other than the root: what it contributes to the text being built.
    private func textAlternative(of element: Element, _ mode: Mode, _ walk: inout Walk) -> String {
        switch step(element, mode, &walk) {
        case .skip: return ""
        case .text(let text): return text
        case .descend:
            let text = contentText(of: element, mode, &walk)
            return text.isBlank ? tooltip(element) ?? "" : text
        }
    }

    /// Steps 2A–2E for a node inside a computation; `.descend` means name from content (2F),
    /// with the tooltip (2I) as fallback when the content is blank.
    private func step(_ element: Element, _ mode: Mode, _ walk: inout Walk) -> Step {
        if !mode.includeHidden && isHidden(element) { return .skip }
        if !mode.inReference {
            let labelledBy = references(element, "aria-labelledby")
            if !labelledBy.isEmpty {
                let text = referenceText(labelledBy, &walk)
                if !text.isBlank { return .text(text) }
            }
        }
        if element != walk.root, let value = embeddedControlValue(element) { return .text(value) }
        if let label = nonBlank(element.attribute("aria-label")) { return .text(label) }
        if let host = hostLanguageText(element, mode, &walk) { return .text(host) }
        return .descend
    }

    /// The text of aria-labelledby/-describedby targets, joined by spaces. A target is used
    /// even when hidden, and even when it is the root (a self-reference names from content).
    private func referenceText(_ targets: [Element], _ walk: inout Walk) -> String {
        guard !targets.isEmpty, walk.depth < Self.maxNesting else { return "" }
        walk.depth += 1
        defer { walk.depth -= 1 }
        var parts: [String] = []
        for target in targets {
            walk.visited.insert(target)
            parts.append(textAlternative(of: target, Mode(inReference: true, includeHidden: isHidden(target)), &walk))
        }
        return parts.joined(separator: " ")
    }

    /// Name from content (2F): the children's text alternatives in order, walked with an
    /// explicit stack. Block-level elements and atomic contributions (controls, labels, alt
    /// text) are set apart by spaces; inline content runs together, as rendered.
    private func contentText(of start: Element, _ mode: Mode, _ walk: inout Walk) -> String {
        struct Frame {
            let element: Element
            var text: String
        }
        enum Work {
            case node(ChildNode)
            case close
        }
        var frames = [Frame(element: start, text: "")]
        var work: [Work] = [.close]
        work.append(contentsOf: start.childNodes.reversed().map(Work.node))
        while let item = work.popLast() {
            switch item {
            case .node(.text(let text)):
                frames[frames.count - 1].text += text
            case .node(.element(let child)):
                guard walk.visited.insert(child).inserted else { continue }
                switch step(child, mode, &walk) {
                case .skip:
                    continue
                case .text(let text):
                    frames[frames.count - 1].text += " " + text + " "
                case .descend:
                    frames.append(Frame(element: child, text: ""))
                    work.append(.close)
                    work.append(contentsOf: child.childNodes.reversed().map(Work.node))
                }
            case .close:
                let frame = frames.removeLast()
                guard !frames.isEmpty else { return frame.text }
                var text = frame.text
                var atomic = Self.blockLike.contains(frame.element.name)
                if text.isBlank, let title = tooltip(frame.element) {
                    text = title
                    atomic = true
                }
                frames[frames.count - 1].text += atomic ? " " + text + " " : text
            }
        }
        return ""
    }

    /// Elements displayed as blocks (or as atomic boxes) by default, whose text does not run
    /// into its neighbours'.
    private static let blockLike: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "button", "caption", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "input", "legend", "li", "main", "menu", "meter", "nav",
        "ol", "optgroup", "option", "p", "pre", "progress", "search", "section", "select", "summary", "table",
        "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul",
    ]

    /// Roles whose name may come from content; `summary` has no ARIA role but HTML-AAM names
    /// it from content. A section, form or aside is a landmark or generic either way, both
    /// named by the author, which also keeps their name from depending on their role.
    func allowsNameFromContent(_ element: Element) -> Bool {
        if let explicit = effectiveExplicitRole(element) { return ARIA.roles[explicit]?.nameFrom == .contents }
        switch element.name {
        case "summary": return true
        case "section", "form", "aside": return false
        default: return role(of: element).flatMap { ARIA.roles[$0]?.nameFrom } == .contents
        }
    }

    /// The `title` attribute as the last resort (2I); presentational elements have none.
    private func tooltip(_ element: Element) -> String? {
        guard let title = nonBlank(element.attribute("title")), !hasPresentationalRole(element) else { return nil }
        return title
    }

    // MARK: Host language (HTML-AAM)

    /// The host-language text alternative (2E), or nil to go on with the next step.
    private func hostLanguageText(_ element: Element, _ mode: Mode, _ walk: inout Walk) -> String? {
        if hasPresentationalRole(element) { return nil }
        switch element.name {
        case "input":
            let type = inputType(element)
            switch type {
            case "button", "submit", "reset":
                if let value = nonBlank(element.attribute("value")) { return value }
                return type == "submit" ? "Submit" : type == "reset" ? "Reset" : nil
            case "image":
                return nonBlank(element.attribute("alt")) ?? nonBlank(element.attribute("value"))
                    ?? nonBlank(element.attribute("title")) ?? Self.imageButtonDefaultName
            default:
                return labelText(element, &walk) ?? textFieldFallback(element, type)
            }
        case "textarea":
            return labelText(element, &walk) ?? textFieldFallback(element, "textarea")
        case "button", "meter", "output", "progress", "select":
            return labelText(element, &walk)
        case "img", "area":
            return nonBlank(element.attribute("alt"))
        case "fieldset": return childText(element, "legend", mode, &walk)
        case "figure": return childText(element, "figcaption", mode, &walk)
        case "table": return childText(element, "caption", mode, &walk)
        case "details": return childText(element, "summary", mode, &walk)
        case "optgroup", "option": return nonBlank(element.attribute("label"))
        case "svg": return element.firstChild(named: "title").flatMap { nonBlank($0.textContent) }
        default: return nil
        }
    }

    /// HTML-AAM for text fields without a label: the title, then the placeholder.
    private func textFieldFallback(_ element: Element, _ type: String) -> String? {
        if let title = nonBlank(element.attribute("title")) { return title }
        guard Self.placeholderTypes.contains(type) else { return nil }
        return nonBlank(element.attribute("placeholder")) ?? nonBlank(element.attribute("aria-placeholder"))
    }

    private static let placeholderTypes: Set<String> = [
        "email", "number", "password", "search", "tel", "text", "textarea", "url",
    ]

    /// The associated `label` elements' text, joined by spaces. A label is used even when
    /// hidden, as browsers do, like an aria-labelledby target.
    private func labelText(_ element: Element, _ walk: inout Walk) -> String? {
        let labels = labels(of: element).filter { !walk.visited.contains($0) }
        guard !labels.isEmpty, walk.depth < Self.maxNesting else { return nil }
        walk.depth += 1
        defer { walk.depth -= 1 }
        var parts: [String] = []
        for label in labels {
            walk.visited.insert(label)
            parts.append(textAlternative(of: label, Mode(inReference: true, includeHidden: isHidden(label)), &walk))
        }
        return nonBlank(parts.joined(separator: " "))
    }

    /// The text of the first `name` child (a legend, figcaption, caption or summary).
    private func childText(_ element: Element, _ name: String, _ mode: Mode, _ walk: inout Walk) -> String? {
        guard let child = element.firstChild(named: name), walk.depth < Self.maxNesting,
              walk.visited.insert(child).inserted else { return nil }
        walk.depth += 1
        defer { walk.depth -= 1 }
        return nonBlank(textAlternative(of: child, mode, &walk))
    }

    // MARK: Embedded controls (2C)

    /// The value a control contributes when it sits inside another element's label or
    /// content; nil when the element is not such a control.
    private func embeddedControlValue(_ element: Element) -> String? {
        guard element.hasAttribute("role") || ["input", "select", "textarea"].contains(element.name),
              let role = role(of: element) else { return nil }
        switch role {
        case "textbox", "searchbox":
            return element.isNamed("input") ? element.attribute("value") ?? "" : element.textContent
        case "combobox", "listbox":
            if element.isNamed("select") {
                return selectedOptions(of: element).map(optionText).joined(separator: " ")
            }
            if element.isNamed("input") { return element.attribute("value") ?? "" }
            let selected = element.descendants.filter {
                $0.attribute("aria-selected")?.trimmingWhitespace().lowercased() == "true"
            }
            if selected.isEmpty && role == "combobox" { return element.textContent }
            return selected.map(optionText).joined(separator: " ")
        case "meter", "progressbar", "scrollbar", "slider", "spinbutton":
            return rangeValue(element)
        default:
            return nil
        }
    }

    /// Selected options; a single-choice list with none selected shows its first enabled option.
    private func selectedOptions(of select: Element) -> [Element] {
        let options = select.descendants.filter { $0.isNamed("option") }
        let selected = options.filter { $0.hasAttribute("selected") }
        let size = select.attribute("size").flatMap { parseHTMLInteger($0) } ?? 0
        if selected.isEmpty, !select.hasAttribute("multiple"), size <= 1,
           let first = options.first(where: { !isDisabled($0) }) {
            return [first]
        }
        return selected
    }

    private func optionText(_ option: Element) -> String {
        nonBlank(option.attribute("label")) ?? option.textContent
    }

    /// aria-valuetext, aria-valuenow, then the native value (a range input without one sits
    /// half-way between its minimum and maximum).
    private func rangeValue(_ element: Element) -> String {
        if let text = nonBlank(element.attribute("aria-valuetext")) { return text }
        if let now = nonBlank(element.attribute("aria-valuenow")) { return now }
        if let value = nonBlank(element.attribute("value")) { return value }
        guard element.isNamed("input"), inputType(element) == "range" else { return "" }
        let minimum = element.attribute("min").flatMap { Double($0.trimmingWhitespace()) } ?? 0
        let maximum = element.attribute("max").flatMap { Double($0.trimmingWhitespace()) } ?? 100
        let middle = maximum < minimum ? minimum : minimum + (maximum - minimum) / 2
        return middle == middle.rounded() && abs(middle) < 1e15 ? String(Int(middle)) : String(middle)
    }
}

/// The value when it holds more than whitespace.
func nonBlank(_ value: String?) -> String? {
    guard let value, !value.isBlank else { return nil }
    return value
}
