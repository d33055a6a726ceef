import Foundation
import ShilaoCore
import ShilaoDOM

/// ACT cf77f2, ye5d6e, b40fd1: a page with navigation links gives keyboard and screen-reader
/// users a way past them to the main content: a `main` landmark, or an in-page ("skip") link to
/// an element that exists. Headings or scripted link-like controls may also do it, which only a
/// person can confirm; a page with none of these fails.
struct Bypass: BuiltInCheck {
    static let id = "bypass"

    func run(on page: Page, into results: inout Results) {
        guard let body = page.document.body else { return }
        let tree = page.accessibility
        // Content hidden only with aria-hidden still shows on screen, as the blocks to bypass do.
        let rendered = body.descendants.filter { !tree.isNotRendered($0) }
        let visible = rendered.filter { !tree.isHidden($0) }
        let links = visible.filter { ($0.isNamed("a") || $0.isNamed("area")) && $0.hasAttribute("href") }
        // Repeated blocks are navigation in practice: links or a nav landmark. They are in the way
        // only when they come before the content, whose longest passage stands for it here.
        let linkSet = Set(links)
        guard let firstNavigation = rendered.firstIndex(where: { linkSet.contains($0) || tree.role(of: $0) == "navigation" }),
              let content = Self.longestPassage(rendered), firstNavigation < content else { return }
        if let main = visible.first(where: { tree.role(of: $0) == "main" }) {
            results.pass(main)
            return
        }
        let ids = firstElementsByID(page.document)
        var broken: Element?
        for link in links {
            guard let href = link.attribute("href")?.trimmingCharacters(in: .whitespaces), href.hasPrefix("#"),
                  href.count > 1, href.lowercased() != "#top" else { continue }
            let target = String(href.dropFirst())
            let fragment = target.removingPercentEncoding ?? target
            if ids[fragment] != nil || page.document.elements.contains(where: { $0.isNamed("a") && $0.attribute("name") == fragment }) {
                results.pass(link)
                return
            }
            broken = broken ?? link
        }
        if let heading = visible.first(where: { tree.role(of: $0) == "heading" }) {
            results.review(heading, "review.headings")
        } else if let scripted = visible.first(where: Self.isScriptedLink) {
            results.review(scripted, "review.scripted")
        } else if let broken {
            results.fail(broken, "fail.broken", ["href": broken.attribute("href") ?? ""])
        } else {
            results.fail(body)
        }
    }

    /// An element with an `onclick` handler: script may make it a skip link, or hide the navigation.
    static func isScriptedLink(_ element: Element) -> Bool {
        element.hasAttribute("onclick")
    }

    /// The index of the element with the most text of its own, outside links.
    static func longestPassage(_ elements: [Element]) -> Int? {
        var best: (index: Int, length: Int)?
        for (index, element) in elements.enumerated() where element.closest("a") == nil {
            let length = element.ownText.filter { !$0.isWhitespace }.count
            if length > (best?.length ?? 0) { best = (index, length) }
        }
        return best?.index
    }
}
