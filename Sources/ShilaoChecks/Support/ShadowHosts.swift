import ShilaoCore
import ShilaoDOM

/// Elements that host a shadow root, whose rendered content Shilao does not see: a declarative
/// one (`<template shadowrootmode>`, whose content the DOM keeps out of the tree like any
/// template's) or one an inline script attaches to an element it finds by id
/// (`document.getElementById('x').attachShadow(…)`, `querySelector('#x')`). The shadow tree
/// replaces what the host shows: its own children render only where the tree puts a `<slot>`,
/// inheriting from the tree's elements, so neither they nor the tree can be judged statically.
struct ShadowHosts {
    /// The hosts in document order, with what made their shadow root.
    private(set) var hosts: [(element: Element, madeBy: String)] = []
    private var madeBy: [Element: String] = [:]
    private var inHost: InheritedFlag?

    /// Elements that may host a shadow root (DOM `attachShadow`), besides custom elements.
    static let validHosts: Set<String> = [
        "article", "aside", "blockquote", "body", "div", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "main", "nav", "p", "section", "span",
    ]

    static var byID: Regex<(Substring, Substring, Substring)> { #/getElementById\(\s*(['"`])([^'"`]+)\1\s*\)\s*\??\.\s*attachShadow\s*\(/# }
    static var bySelector: Regex<(Substring, Substring, Substring)> { #/querySelector\(\s*(['"`])#([A-Za-z0-9_\-]+)\1\s*\)\s*\??\.\s*attachShadow\s*\(/# }

    init(_ page: Page) {
        let document = page.document
        for template in document.elements(named: "template") {
            let mode = (template.attribute("shadowrootmode") ?? template.attribute("shadowroot"))?.lowercased()
            guard mode == "open" || mode == "closed", let host = template.parent else { continue }
            add(host, "<template shadowrootmode>")
        }
        for script in document.elements(named: "script") where script.attribute("src") == nil {
            let code = script.textContent
            guard code.contains("attachShadow") else { continue }
            let ids = code.matches(of: Self.byID).map { String($0.2) } + code.matches(of: Self.bySelector).map { String($0.2) }
            for id in ids {
                if let host = document.element(id: id) { add(host, "attachShadow") }
            }
        }
        guard !madeBy.isEmpty else { return }
        hosts = document.elements.compactMap { element in madeBy[element].map { (element, $0) } }
        let made = madeBy
        inHost = InheritedFlag { made[$0] != nil }
    }

    private mutating func add(_ host: Element, _ how: String) {
        guard Self.validHosts.contains(host.name) || host.name.contains("-"), madeBy[host] == nil else { return }
        madeBy[host] = how
    }

    /// The element is a host or inside one: what it shows depends on the shadow tree.
    func covers(_ element: Element) -> Bool {
        inHost?.selfOrAncestor(element) ?? false
    }
}
