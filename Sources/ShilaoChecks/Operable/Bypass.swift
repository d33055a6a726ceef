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
        guard let body = page.document.body, let layout = NavigationBeforeContent.of(page) else { return }
        let tree = page.accessibility
        let visible = layout.rendered.filter { !tree.isHidden($0) }
        let links = layout.links
        if let main = visible.first(where: { tree.role(of: $0) == "main" }) {
            results.pass(main)
            return
        }
        let ids = tree.idIndex
        var broken: Element?
        // Collected once: scanning the page for every in-page link is quadratic.
        var anchorNames: Set<String>?
        for link in links {
            guard let href = link.attribute("href")?.trimmed(.whitespaces), href.hasPrefix("#"),
                  href.count > 1, href.lowercased() != "#top" else { continue }
            let target = String(href.dropFirst())
            let fragment = target.removingPercentEncoding ?? target
            if ids[fragment] == nil, anchorNames == nil {
                anchorNames = Set(page.document.elements(named: "a").compactMap { $0.attribute("name") })
            }
            if ids[fragment] != nil || anchorNames?.contains(fragment) == true {
                results.pass(link)
                return
            }
            // A skip link comes first; a later link to a missing place is another problem.
            if link == links.first { broken = link }
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
}
