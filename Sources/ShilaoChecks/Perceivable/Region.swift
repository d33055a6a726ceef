import ShilaoCore
import ShilaoDOM

/// Best practice (axe region): on a page that uses landmarks, content sits inside one, or
/// screen-reader users who move by landmark never hear it. Skip links are meant to stand
/// outside. Whether the stray text matters is a person's call, so this check asks for review.
struct Region: BuiltInCheck {
    static let id = "region"

    func run(on page: Page, into results: inout Results) {
        guard let body = page.document.body else { return }
        let tree = page.accessibility
        let isLandmark = { (element: Element) in tree.role(of: element).flatMap { ARIA.roles[$0]?.isLandmark } ?? false }
        guard body.descendants.contains(where: { isLandmark($0) && !tree.isHidden($0) }) else { return }
        // Asked of every element on the way down to a landmark: one pass each, not one per element.
        let landmarkInside = FirstDescendant(in: page.document, where: isLandmark)
        let linkInside = FirstDescendant(in: page.document) { $0.isNamed("a") }
        let outsideLinkInside = FirstDescendant(in: page.document) { $0.isNamed("a") && !Self.isInPageLink($0) }
        var stray: [Element] = []
        var pending = Array(body.children.reversed())
        if !body.ownText.allSatisfy(\.quickIsWhitespace) { stray.append(body) }
        while let element = pending.popLast() {
            if tree.isHidden(element) || isLandmark(element) { continue }
            // Reading the text is left for blocks whose every link is an in-page one.
            let onlyInPageLinks = linkInside.of(element) != nil && outsideLinkInside.of(element) == nil
            if element.isNamed("a") || onlyInPageLinks, Self.isSkipLink(element) { continue }
            if landmarkInside.of(element) != nil {
                if !element.ownText.allSatisfy(\.quickIsWhitespace) { stray.append(element) }
                pending.append(contentsOf: element.children.reversed())
            } else if !element.textContent.allSatisfy(\.quickIsWhitespace) || !(element.attribute("alt") ?? "").isEmpty {
                stray.append(element)
            }
        }
        if stray.isEmpty {
            results.pass()
        } else {
            for element in stray { results.review(element) }
        }
    }

    /// A link to a place in the same page, or a block of only such links.
    static func isSkipLink(_ element: Element) -> Bool {
        let links = element.isNamed("a") ? [element] : element.descendants.filter { $0.isNamed("a") }
        guard !links.isEmpty, links.allSatisfy(isInPageLink) else { return false }
        // Text outside the links is content of its own.
        return element.textContent.filter { !$0.quickIsWhitespace } == links.map(\.textContent).joined().filter { !$0.quickIsWhitespace }
    }

    static func isInPageLink(_ link: Element) -> Bool {
        link.attribute("href")?.hasPrefix("#") == true
    }
}
