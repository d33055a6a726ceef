import ShilaoDOM

/// Accessibility semantics of one page: roles, names, descriptions, hidden-ness and focus,
/// computed lazily and cached per element. One context per page, used by one task: the
/// document must outlive the context, and element views must come from that document.
public final class AccessibilityContext {
    public let document: HTMLDocument
    let isHiddenByStyle: (Element) -> Bool
    let isInvisible: (Element) -> Bool

    var roleCache = ElementMemo<RoleEntry>()
    var rolesInProgress: Set<Element> = []
    var nameCache = ElementMemo<String>()
    var descriptionCache = ElementMemo<String>()
    lazy var notRendered = InheritedFlag { [unowned self] in ownNotRendered($0) }
    lazy var ariaHidden = InheritedFlag(AccessibilityContext.setsAriaHidden)
    lazy var inert = InheritedFlag { $0.hasAttribute("inert") }
    /// An ancestor's role makes its children presentational (`button`, `img`, `option`…).
    lazy var presentationalChildren = InheritedFlag { [unowned self] ancestor in
        role(of: ancestor).flatMap { ARIA.roles[$0]?.childrenPresentational } ?? false
    }
    var focusableCache = ElementMemo<Bool>()
    var hiddenCache = ElementMemo<Bool>()

    /// `isHiddenByStyle` says whether an element's own style takes it out of rendering
    /// (`display: none`, or `visibility: hidden`/`collapse`); the context applies it to the
    /// element and every ancestor. The default reads only the inline `style` attribute.
    /// `isInvisible` answers from an inherited computed `visibility`, so it is asked of the
    /// element alone: a `visibility: visible` child of a hidden parent shows, as in browsers.
    public init(
        document: HTMLDocument,
        isHiddenByStyle: @escaping (Element) -> Bool = AccessibilityContext.inlineStyleHidden,
        isInvisible: @escaping (Element) -> Bool = { _ in false }
    ) {
        self.document = document
        self.isHiddenByStyle = isHiddenByStyle
        self.isInvisible = isInvisible
    }

    /// Wraps an optional role so a cached "no role" differs from "not computed yet".
    struct RoleEntry {
        let role: String?
    }

    // MARK: Indexes

    /// The first element with each `id`, in tree order (what `getElementById` returns).
    public private(set) lazy var idIndex: [String: Element] = {
        var index: [String: Element] = [:]
        for element in document.elements {
            if let id = element.attribute("id"), !id.isEmpty, index[id] == nil { index[id] = element }
        }
        return index
    }()

    /// The elements with each role, in tree order: checks that look for a few roles ask this
    /// instead of the role of every element.
    public func elements(withRole role: String) -> [Element] {
        roleIndex[role] ?? []
    }

    private lazy var roleIndex: [String: [Element]] = {
        var index: [String: [Element]] = [:]
        for element in document.elements {
            if let role = role(of: element) { index[role, default: []].append(element) }
        }
        return index
    }()

    /// Each labelable control's `label` elements, in tree order.
    lazy var labelIndex: [Element: [Element]] = {
        var index: [Element: [Element]] = [:]
        for label in document.elements(named: "label") {
            if let control = labeledControl(of: label) { index[control, default: []].append(label) }
        }
        return index
    }()

    /// The elements an ID-reference-list attribute points at, in order; missing IDs are left out.
    func references(_ element: Element, _ attribute: String) -> [Element] {
        guard let value = element.attribute(attribute) else { return [] }
        return value.whitespaceTokens.compactMap { idIndex[$0] }
    }

    func labels(of element: Element) -> [Element] {
        labelIndex[element] ?? []
    }

    private func labeledControl(of label: Element) -> Element? {
        if let target = label.attribute("for") {
            guard let control = idIndex[target], isLabelable(control) else { return nil }
            return control
        }
        return label.descendants.first(where: isLabelable)
    }

    func isLabelable(_ element: Element) -> Bool {
        switch element.name {
        case "button", "meter", "output", "progress", "select", "textarea": return true
        case "input": return inputType(element) != "hidden"
        default: return false
        }
    }

    /// The `type` of an `input`, lower-cased; missing or unknown types are `text`.
    func inputType(_ input: Element) -> String {
        guard let type = input.attribute("type")?.trimmingWhitespace().lowercased() else { return "text" }
        return Self.inputTypes.contains(type) ? type : "text"
    }

    private static let inputTypes: Set<String> = [
        "button", "checkbox", "color", "date", "datetime-local", "email", "file", "hidden", "image",
        "month", "number", "password", "radio", "range", "reset", "search", "submit", "tel", "text",
        "time", "url", "week",
    ]

    // MARK: Hidden

    /// Whether the element is excluded from the accessibility tree: not rendered (the `hidden`
    /// attribute, hiding style, content that is never rendered such as `head`, `template`,
    /// `script` or `noscript` with scripting on, a closed `dialog` or `details`), or
    /// `aria-hidden="true"` on it or an ancestor.
    ///
    public func isHidden(_ element: Element) -> Bool {
        // Remembered: most checks ask it of every element they judge.
        if let known = hiddenCache[element] { return known }
        let hidden = isNotRendered(element) || isAriaHidden(element)
        hiddenCache[element] = hidden
        return hidden
    }

    /// Whether `aria-hidden="true"` is set on the element or an ancestor: hidden from assistive
    /// technologies whatever its style.
    public func isAriaHidden(_ element: Element) -> Bool {
        ariaHidden.selfOrAncestor(element)
    }

    /// Whether the element itself carries `aria-hidden="true"`: the root of content that
    /// `isAriaHidden` hides.
    public static func setsAriaHidden(_ element: Element) -> Bool {
        element.attribute("aria-hidden")?.trimmingWhitespace().lowercased() == "true"
    }

    /// Whether the element is not rendered (see `isHidden`), leaving `aria-hidden` aside:
    /// content hidden only from assistive technologies is still visible on screen.
    public func isNotRendered(_ element: Element) -> Bool {
        notRendered.selfOrAncestor(element) || isInvisible(element)
    }

    private static let neverRendered: Set<String> = [
        "head", "script", "style", "template", "noscript", "title", "meta", "link", "base", "datalist",
        "param", "source", "track", "rp", "noembed", "noframes",
    ]

    private func ownNotRendered(_ element: Element) -> Bool {
        if element.hasAttribute("hidden") || Self.neverRendered.contains(element.name) { return true }
        switch element.name {
        case "input" where inputType(element) == "hidden": return true
        case "dialog" where !element.hasAttribute("open"): return true
        default: break
        }
        // A closed details renders only its first summary.
        if let parent = element.parent, parent.isNamed("details"), !parent.hasAttribute("open"),
           parent.firstChild(named: "summary") != element {
            return true
        }
        return isHiddenByStyle(element)
    }

    /// Reads `display` and `visibility` from the inline `style` attribute; the last declaration
    /// of a property wins, as in the cascade.
    public static func inlineStyleHidden(_ element: Element) -> Bool {
        guard let style = element.attribute("style") else { return false }
        var display = ""
        var visibility = ""
        for declaration in style.split(separator: ";") {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            let property = String(declaration[..<colon]).trimmingWhitespace().lowercased()
            var value = String(declaration[declaration.index(after: colon)...]).lowercased()
            if let bang = value.firstIndex(of: "!") { value = String(value[..<bang]) }
            value = value.trimmingWhitespace()
            if property == "display" { display = value }
            if property == "visibility" { visibility = value }
        }
        return display == "none" || visibility == "hidden" || visibility == "collapse"
    }

    // MARK: Focus

    /// Whether the element can take focus: links and areas with `href`, enabled form controls,
    /// a parseable `tabindex`, `iframe`, a details' first `summary`, editing hosts, and media
    /// with `controls`. Elements that are not rendered or are inert cannot; `aria-hidden` does
    /// not change focusability.
    public func isFocusable(_ element: Element) -> Bool {
        if let cached = focusableCache[element] { return cached }
        let result = computeFocusable(element)
        focusableCache[element] = result
        return result
    }

    private func computeFocusable(_ element: Element) -> Bool {
        // The markup is read first: most elements are not focusable whatever their style, and
        // rendering needs the computed style of the element and its ancestors.
        isFocusableByMarkup(element) && !isDisabled(element) && !inert.selfOrAncestor(element)
            && !isNotRendered(element)
    }

    private func isFocusableByMarkup(_ element: Element) -> Bool {
        if let tabindex = element.attribute("tabindex"), parseHTMLInteger(tabindex) != nil { return true }
        switch element.name {
        case "a", "area": return element.hasAttribute("href")
        case "button", "input", "select", "textarea", "iframe": return true
        case "summary":
            guard let details = element.parent, details.isNamed("details") else { return false }
            return details.firstChild(named: "summary") == element
        case "audio", "video": return element.hasAttribute("controls")
        default:
            guard let editable = element.attribute("contenteditable")?.trimmingWhitespace().lowercased() else {
                return false
            }
            return editable == "" || editable == "true" || editable == "plaintext-only"
        }
    }

    /// A form control that is disabled itself or by a disabled fieldset ancestor (outside that
    /// fieldset's first legend).
    func isDisabled(_ element: Element) -> Bool {
        switch element.name {
        case "button", "input", "select", "textarea", "optgroup", "option", "fieldset": break
        default: return false
        }
        if element.hasAttribute("disabled") { return true }
        var child = element
        for ancestor in element.ancestors {
            if ancestor.isNamed("fieldset"), ancestor.hasAttribute("disabled"),
               ancestor.firstChild(named: "legend") != child {
                return true
            }
            child = ancestor
        }
        return false
    }
}
