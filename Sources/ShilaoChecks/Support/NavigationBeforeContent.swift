import ShilaoCore
import ShilaoDOM

/// Navigation (links or a nav landmark) that stands before a page's content: the repeated
/// blocks the ACT bypass rules are about. Without layout or the site's other pages, the
/// content is taken to be the page's longest passage of text outside links.
struct NavigationBeforeContent {
    /// Body descendants that are rendered, in document order. Content hidden only with
    /// `aria-hidden` still shows on screen, as the blocks to bypass do.
    let rendered: [Element]
    /// Indexes into `rendered`.
    let firstNavigation: Int
    let content: Int
    /// Links with `href` that are in the accessibility tree.
    let links: [Element]

    /// The page's layout, worked out once for the checks that read it (bypass, heading).
    static func of(_ page: Page) -> NavigationBeforeContent? {
        page.memo.value("NavigationBeforeContent") { NavigationBeforeContent(page) }
    }

    private init?(_ page: Page) {
        guard let body = page.document.body else { return nil }
        let tree = page.accessibility
        // Whether an element is inside a link is carried down one walk rather than asked of
        // every element's ancestors, which is quadratic on deep pages.
        var rendered: [Element] = []
        var inLink: [Bool] = []
        body.walk(from: false) { element, parentInLink in
            let linked = parentInLink || element.isNamed("a")
            if element != body, !tree.isNotRendered(element) {
                rendered.append(element)
                inLink.append(linked)
            }
            return linked
        }
        self.rendered = rendered
        links = rendered.filter { ($0.isNamed("a") || $0.isNamed("area")) && $0.hasAttribute("href") && !tree.isHidden($0) }
        let linkSet = Set(links)
        guard let navigation = rendered.firstIndex(where: { linkSet.contains($0) || tree.role(of: $0) == "navigation" }),
              let content = Self.longestPassage(rendered, inLink: inLink), navigation < content else { return nil }
        firstNavigation = navigation
        self.content = content
    }

    /// The index of the element with the most text of its own, outside links.
    /// `inLink[i]` says whether `elements[i]` is a link or inside one.
    static func longestPassage(_ elements: [Element], inLink: [Bool]) -> Int? {
        var best: (index: Int, length: Int)?
        for (index, element) in elements.enumerated() where !inLink[index] {
            let length = element.ownText.reduce(0) { $1.quickIsWhitespace ? $0 : $0 + 1 }
            if length > (best?.length ?? 0) { best = (index, length) }
        }
        return best?.index
    }
}
