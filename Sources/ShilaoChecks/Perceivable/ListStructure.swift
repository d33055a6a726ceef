import ShilaoCore

/// Best practice (axe list): a `ul` or `ol` that is a list holds only `li` items (and the
/// script-supporting `script` and `template`), so a screen reader announces the right count.
struct ListStructure: BuiltInCheck {
    static let id = "list"

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        for list in page.document.elements where list.isNamed("ul") || list.isNamed("ol") {
            guard tree.role(of: list) == "list", !tree.isHidden(list) else { continue }
            let stray = list.children.first { child in
                if child.isNamed("script") || child.isNamed("template") { return false }
                guard child.isNamed("li") else { return true }
                let role = tree.role(of: child)
                return role != "listitem" && role != nil && !tree.isHidden(child)
            }
            if let stray {
                results.fail(list, "fail", ["child": stray.name])
            } else {
                results.pass(list)
            }
        }
    }
}
