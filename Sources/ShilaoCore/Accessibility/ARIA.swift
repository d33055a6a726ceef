/// Where a role's accessible name may come from (WAI-ARIA 1.2, "Name From").
public enum ARIANameFrom: Sendable, Equatable {
    /// From the author (`aria-label`, `aria-labelledby`, host-language labels) or, failing
    /// that, from the element's content.
    case contents
    /// From the author only.
    case author
    /// Naming is prohibited: `aria-label` and `aria-labelledby` must not be used.
    case prohibited
}

/// The WAI-ARIA 1.2 role categories a role belongs to (abstract roles apart).
public enum ARIARoleCategory: Sendable, Equatable {
    case abstract
    case widget
    case compositeWidget
    case documentStructure
    case landmark
    case liveRegion
    case window
}

/// One role of WAI-ARIA 1.2 (plus the DPUB-ARIA and Graphics-ARIA modules, which HTML pages
/// use and which the ACT rules accept as valid). Attribute lists already include what the
/// role inherits from its superclasses, except the global states and properties.
public struct ARIARole: Sendable {
    public let name: String
    public let category: ARIARoleCategory
    public let requiredStates: [String]
    /// Non-global states and properties the role supports, required ones not repeated.
    public let supportedStates: [String]
    public let prohibitedStates: [String]
    /// Roles one of which must contain this role (empty: no constraint).
    public let requiredContextRoles: [String]
    /// Owned-element paths: `["group", "option"]` is an option inside a group.
    public let requiredOwnedElements: [[String]]
    /// Descendants are presentational: assistive technology sees only this element.
    public let childrenPresentational: Bool
    public let nameFrom: ARIANameFrom
    public let isDeprecated: Bool

    public var isAbstract: Bool { category == .abstract }
    public var isWidget: Bool { category == .widget || category == .compositeWidget }
    public var isLandmark: Bool { category == .landmark }

    /// Whether `attribute` may be used on this role: a global not prohibited here, or a
    /// required or supported state or property.
    public func allows(_ attribute: String) -> Bool {
        if prohibitedStates.contains(attribute) { return false }
        if ARIA.attributes[attribute]?.isGlobal == true { return true }
        return requiredStates.contains(attribute) || supportedStates.contains(attribute)
    }
}

/// The value a state or property takes (WAI-ARIA 1.2, "Value").
public enum ARIAValueType: Sendable, Equatable {
    case trueFalse
    case tristate
    case trueFalseUndefined
    case idReference
    case idReferenceList
    case integer
    case number
    case string
    case token([String])
    case tokenList([String])
}

/// One WAI-ARIA 1.2 state or property (and `aria-description`, from ARIA 1.3, which AccName
/// already uses).
public struct ARIAAttribute: Sendable {
    public let name: String
    public let valueType: ARIAValueType
    public let isGlobal: Bool
    public let isDeprecated: Bool
}

/// WAI-ARIA 1.2 as data.
public enum ARIA {
    public static let roles: [String: ARIARole] = {
        var table: [String: ARIARole] = [:]
        for role in roleList { table[role.name] = role }
        return table
    }()

    public static let attributes: [String: ARIAAttribute] = {
        var table: [String: ARIAAttribute] = [:]
        for attribute in attributeList { table[attribute.name] = attribute }
        return table
    }()

    /// The role named `name` if it is a concrete (non-abstract) role.
    public static func concreteRole(_ name: String) -> ARIARole? {
        guard let role = roles[name], !role.isAbstract else { return nil }
        return role
    }

    /// Required states of `role`; a focusable separator is a widget and needs `aria-valuenow`.
    public static func requiredStates(of role: String, focusable: Bool) -> [String] {
        if role == "separator" && focusable { return ["aria-valuenow"] }
        return roles[role]?.requiredStates ?? []
    }

    /// Whether `value` is allowed for `attribute` (nil for an unknown attribute). Values are
    /// compared ASCII case-insensitively, as browsers do; an empty value is the default and valid.
    public static func isValid(_ value: String, for attribute: String) -> Bool? {
        guard let definition = attributes[attribute] else { return nil }
        let trimmed = value.trimmingWhitespace().lowercased()
        if trimmed.isEmpty { return true }
        switch definition.valueType {
        case .trueFalse: return trimmed == "true" || trimmed == "false"
        case .tristate: return ["true", "false", "mixed"].contains(trimmed)
        case .trueFalseUndefined: return ["true", "false", "undefined"].contains(trimmed)
        case .idReference: return !trimmed.contains(where: \.quickIsWhitespace)
        case .idReferenceList, .string: return true
        case .integer: return parseHTMLInteger(trimmed, strict: true) != nil
        case .number: return isValidFloatingPoint(trimmed)
        case .token(let tokens): return tokens.contains(trimmed)
        case .tokenList(let tokens): return trimmed.whitespaceTokens.allSatisfy { tokens.contains($0) }
        }
    }

    // MARK: Roles

    private static let naming = ["aria-label", "aria-labelledby"]
    private static let cellProperties = ["aria-colindex", "aria-colspan", "aria-rowindex", "aria-rowspan"]
    private static let headerProperties = cellProperties
        + ["aria-expanded", "aria-readonly", "aria-required", "aria-selected", "aria-sort"]
    private static let rangeProperties = ["aria-valuemax", "aria-valuemin", "aria-valuetext"]
    private static let setProperties = ["aria-posinset", "aria-setsize"]
    private static let textboxProperties = [
        "aria-activedescendant", "aria-autocomplete", "aria-multiline", "aria-placeholder",
        "aria-readonly", "aria-required",
    ]
    private static let menuOwned: [[String]] = [
        ["group", "menuitem"], ["group", "menuitemcheckbox"], ["group", "menuitemradio"],
        ["menuitem"], ["menuitemcheckbox"], ["menuitemradio"],
    ]
    private static let tableOwned: [[String]] = [["row"], ["rowgroup", "row"]]

    private static func role(
        _ name: String, _ category: ARIARoleCategory = .documentStructure,
        required: [String] = [], supported: [String] = [], prohibited: [String] = [],
        context: [String] = [], owned: [[String]] = [], presentationalChildren: Bool = false,
        nameFrom: ARIANameFrom = .author, deprecated: Bool = false
    ) -> ARIARole {
        ARIARole(
            name: name, category: category, requiredStates: required, supportedStates: supported,
            prohibitedStates: prohibited, requiredContextRoles: context, requiredOwnedElements: owned,
            childrenPresentational: presentationalChildren, nameFrom: nameFrom, isDeprecated: deprecated
        )
    }

    private static func abstract(_ name: String) -> ARIARole { role(name, .abstract) }

    /// Text-level roles whose naming is prohibited.
    private static func unnamed(_ name: String) -> ARIARole {
        role(name, prohibited: naming, nameFrom: .prohibited)
    }

    private static let roleList: [ARIARole] = [
        abstract("command"), abstract("composite"), abstract("input"), abstract("landmark"),
        abstract("range"), abstract("roletype"), abstract("section"), abstract("sectionhead"),
        abstract("select"), abstract("structure"), abstract("widget"), abstract("window"),

        role("alert", .liveRegion),
        role("alertdialog", .window, supported: ["aria-modal"]),
        role("application", supported: ["aria-activedescendant", "aria-expanded"]),
        role("article", supported: setProperties),
        role("banner", .landmark),
        role("blockquote"),
        role("button", .widget, supported: ["aria-expanded", "aria-pressed"], presentationalChildren: true,
             nameFrom: .contents),
        role("caption", prohibited: naming, context: ["figure", "grid", "table", "treegrid"], nameFrom: .prohibited),
        role("cell", supported: cellProperties, context: ["row"], nameFrom: .contents),
        role("checkbox", .widget, required: ["aria-checked"],
             supported: ["aria-expanded", "aria-readonly", "aria-required"], presentationalChildren: true,
             nameFrom: .contents),
        unnamed("code"),
        role("columnheader", .widget, supported: headerProperties, context: ["row"], nameFrom: .contents),
        role("combobox", .widget, required: ["aria-controls", "aria-expanded"],
             supported: ["aria-activedescendant", "aria-autocomplete", "aria-readonly", "aria-required"]),
        role("complementary", .landmark),
        role("contentinfo", .landmark),
        role("definition"),
        unnamed("deletion"),
        role("dialog", .window, supported: ["aria-modal"]),
        role("directory", deprecated: true),
        role("document"),
        unnamed("emphasis"),
        role("feed", owned: [["article"]]),
        role("figure"),
        role("form", .landmark),
        unnamed("generic"),
        role("grid", .compositeWidget,
             supported: ["aria-activedescendant", "aria-colcount", "aria-multiselectable", "aria-readonly", "aria-rowcount"],
             owned: tableOwned),
        role("gridcell", .widget,
             supported: cellProperties + ["aria-expanded", "aria-readonly", "aria-required", "aria-selected"],
             context: ["row"], nameFrom: .contents),
        role("group", supported: ["aria-activedescendant"]),
        role("heading", required: ["aria-level"], nameFrom: .contents),
        role("img", presentationalChildren: true),
        unnamed("insertion"),
        role("link", .widget, supported: ["aria-expanded"], nameFrom: .contents),
        role("list", owned: [["listitem"]]),
        role("listbox", .compositeWidget,
             supported: ["aria-activedescendant", "aria-expanded", "aria-multiselectable", "aria-orientation",
                         "aria-readonly", "aria-required"],
             owned: [["group", "option"], ["option"]]),
        role("listitem", supported: ["aria-level"] + setProperties, context: ["directory", "list"]),
        role("log", .liveRegion),
        role("main", .landmark),
        role("marquee", .liveRegion),
        role("math", presentationalChildren: true),
        role("menu", .compositeWidget, supported: ["aria-activedescendant", "aria-orientation"], owned: menuOwned),
        role("menubar", .compositeWidget, supported: ["aria-activedescendant", "aria-orientation"], owned: menuOwned),
        role("menuitem", .widget, supported: ["aria-expanded"] + setProperties,
             context: ["group", "menu", "menubar"], nameFrom: .contents),
        role("menuitemcheckbox", .widget, required: ["aria-checked"], supported: ["aria-expanded"] + setProperties,
             context: ["group", "menu", "menubar"], presentationalChildren: true, nameFrom: .contents),
        role("menuitemradio", .widget, required: ["aria-checked"], supported: ["aria-expanded"] + setProperties,
             context: ["group", "menu", "menubar"], presentationalChildren: true, nameFrom: .contents),
        role("meter", required: ["aria-valuenow"], supported: rangeProperties, presentationalChildren: true),
        role("navigation", .landmark),
        role("none", prohibited: naming, nameFrom: .prohibited),
        role("note"),
        role("option", .widget, supported: ["aria-checked", "aria-selected"] + setProperties,
             context: ["group", "listbox"], presentationalChildren: true, nameFrom: .contents),
        unnamed("paragraph"),
        role("presentation", prohibited: naming, nameFrom: .prohibited),
        role("progressbar", .widget, supported: rangeProperties + ["aria-valuenow"], presentationalChildren: true),
        role("radio", .widget, required: ["aria-checked"], supported: setProperties, presentationalChildren: true,
             nameFrom: .contents),
        role("radiogroup", .compositeWidget,
             supported: ["aria-activedescendant", "aria-orientation", "aria-readonly", "aria-required"],
             owned: [["radio"]]),
        role("region", .landmark),
        role("row",
             supported: ["aria-activedescendant", "aria-colindex", "aria-expanded", "aria-level", "aria-rowindex",
                         "aria-selected"] + setProperties,
             context: ["grid", "rowgroup", "table", "treegrid"],
             owned: [["cell"], ["columnheader"], ["gridcell"], ["rowheader"]], nameFrom: .contents),
        role("rowgroup", context: ["grid", "table", "treegrid"], owned: [["row"]], nameFrom: .contents),
        role("rowheader", .widget, supported: headerProperties, context: ["row"], nameFrom: .contents),
        role("scrollbar", .widget, required: ["aria-controls", "aria-valuenow"],
             supported: rangeProperties + ["aria-orientation"], presentationalChildren: true),
        role("search", .landmark),
        role("searchbox", .widget, supported: textboxProperties),
        role("separator", supported: rangeProperties + ["aria-orientation", "aria-valuenow"],
             presentationalChildren: true),
        role("slider", .widget, required: ["aria-valuenow"],
             supported: rangeProperties + ["aria-orientation", "aria-readonly"], presentationalChildren: true),
        role("spinbutton", .compositeWidget,
             supported: rangeProperties + ["aria-activedescendant", "aria-readonly", "aria-required", "aria-valuenow"]),
        role("status", .liveRegion),
        unnamed("strong"),
        unnamed("subscript"),
        unnamed("superscript"),
        role("switch", .widget, required: ["aria-checked"],
             supported: ["aria-expanded", "aria-readonly", "aria-required"], presentationalChildren: true,
             nameFrom: .contents),
        role("tab", .widget, supported: ["aria-expanded", "aria-selected"] + setProperties, context: ["tablist"],
             presentationalChildren: true, nameFrom: .contents),
        role("table", supported: ["aria-colcount", "aria-rowcount"], owned: tableOwned),
        role("tablist", .compositeWidget,
             supported: ["aria-activedescendant", "aria-multiselectable", "aria-orientation"], owned: [["tab"]]),
        role("tabpanel", .widget),
        role("term"),
        role("textbox", .widget, supported: textboxProperties),
        role("time"),
        role("timer", .liveRegion),
        role("toolbar", supported: ["aria-activedescendant", "aria-orientation"]),
        role("tooltip", nameFrom: .contents),
        role("tree", .compositeWidget,
             supported: ["aria-activedescendant", "aria-multiselectable", "aria-orientation", "aria-required"],
             owned: [["group", "treeitem"], ["treeitem"]]),
        role("treegrid", .compositeWidget,
             supported: ["aria-activedescendant", "aria-colcount", "aria-multiselectable", "aria-orientation",
                         "aria-readonly", "aria-required", "aria-rowcount"],
             owned: tableOwned),
        role("treeitem", .widget,
             supported: ["aria-checked", "aria-expanded", "aria-level", "aria-selected"] + setProperties,
             context: ["group", "tree"], nameFrom: .contents),
    ] + dpubRoles + graphicsRoles

    /// DPUB-ARIA 1.0: mostly landmark-like sections of a publication.
    private static let dpubRoles: [ARIARole] = [
        "doc-acknowledgments", "doc-afterword", "doc-appendix", "doc-bibliography", "doc-chapter",
        "doc-conclusion", "doc-credits", "doc-endnotes", "doc-epilogue", "doc-errata", "doc-foreword",
        "doc-glossary", "doc-index", "doc-introduction", "doc-pagelist", "doc-part", "doc-preface",
        "doc-prologue", "doc-toc",
    ].map { role($0, .landmark) } + [
        "doc-abstract", "doc-colophon", "doc-credit", "doc-dedication", "doc-epigraph", "doc-example",
        "doc-footnote", "doc-notice", "doc-pullquote", "doc-qna", "doc-subtitle", "doc-tip",
    ].map { role($0) } + [
        role("doc-backlink", .widget, supported: ["aria-expanded"], nameFrom: .contents),
        role("doc-biblioref", .widget, supported: ["aria-expanded"], nameFrom: .contents),
        role("doc-glossref", .widget, supported: ["aria-expanded"], nameFrom: .contents),
        role("doc-noteref", .widget, supported: ["aria-expanded"], nameFrom: .contents),
        role("doc-biblioentry", supported: ["aria-level"] + setProperties, context: ["list"], deprecated: true),
        role("doc-endnote", supported: ["aria-level"] + setProperties, context: ["list"], deprecated: true),
        role("doc-cover", presentationalChildren: true),
        role("doc-pagebreak", supported: rangeProperties + ["aria-orientation", "aria-valuenow"],
             presentationalChildren: true),
    ]

    /// Graphics-ARIA 1.0.
    private static let graphicsRoles: [ARIARole] = [
        role("graphics-document"),
        role("graphics-object"),
        role("graphics-symbol", presentationalChildren: true),
    ]

    // MARK: States and properties

    private static func global(_ name: String, _ type: ARIAValueType, deprecated: Bool = false) -> ARIAAttribute {
        ARIAAttribute(name: name, valueType: type, isGlobal: true, isDeprecated: deprecated)
    }

    private static func local(_ name: String, _ type: ARIAValueType) -> ARIAAttribute {
        ARIAAttribute(name: name, valueType: type, isGlobal: false, isDeprecated: false)
    }

    private static let attributeList: [ARIAAttribute] = [
        local("aria-activedescendant", .idReference),
        global("aria-atomic", .trueFalse),
        local("aria-autocomplete", .token(["inline", "list", "both", "none"])),
        global("aria-busy", .trueFalse),
        local("aria-checked", .tristate),
        local("aria-colcount", .integer),
        local("aria-colindex", .integer),
        local("aria-colspan", .integer),
        global("aria-controls", .idReferenceList),
        global("aria-current", .token(["page", "step", "location", "date", "time", "true", "false"])),
        global("aria-describedby", .idReferenceList),
        global("aria-description", .string),
        global("aria-details", .idReference),
        global("aria-disabled", .trueFalse),
        global("aria-dropeffect", .tokenList(["copy", "execute", "link", "move", "none", "popup"]), deprecated: true),
        global("aria-errormessage", .idReference),
        local("aria-expanded", .trueFalseUndefined),
        global("aria-flowto", .idReferenceList),
        global("aria-grabbed", .trueFalseUndefined, deprecated: true),
        global("aria-haspopup", .token(["false", "true", "menu", "listbox", "tree", "grid", "dialog"])),
        global("aria-hidden", .trueFalseUndefined),
        global("aria-invalid", .token(["grammar", "false", "spelling", "true"])),
        global("aria-keyshortcuts", .string),
        global("aria-label", .string),
        global("aria-labelledby", .idReferenceList),
        local("aria-level", .integer),
        global("aria-live", .token(["assertive", "off", "polite"])),
        local("aria-modal", .trueFalse),
        local("aria-multiline", .trueFalse),
        local("aria-multiselectable", .trueFalse),
        local("aria-orientation", .token(["horizontal", "undefined", "vertical"])),
        global("aria-owns", .idReferenceList),
        local("aria-placeholder", .string),
        local("aria-posinset", .integer),
        local("aria-pressed", .tristate),
        local("aria-readonly", .trueFalse),
        global("aria-relevant", .tokenList(["additions", "all", "removals", "text"])),
        local("aria-required", .trueFalse),
        global("aria-roledescription", .string),
        local("aria-rowcount", .integer),
        local("aria-rowindex", .integer),
        local("aria-rowspan", .integer),
        local("aria-selected", .trueFalseUndefined),
        local("aria-setsize", .integer),
        local("aria-sort", .token(["ascending", "descending", "none", "other"])),
        local("aria-valuemax", .number),
        local("aria-valuemin", .number),
        local("aria-valuenow", .number),
        local("aria-valuetext", .string),
    ]
}
