import ShilaoCore
import ShilaoDOM

/// Related to ACT 0ssw9k: a region that scrolls must be reachable by keyboard. Whether content
/// overflows needs layout, so an element whose inline style makes it a scroll box, with content
/// but nothing focusable inside, is for a person to check; everything else is left alone.
struct ScrollableRegionFocusable: BuiltInCheck {
    static let id = "scrollable-region-focusable"

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        var text = TextFacts()
        let image = FirstDescendant(in: page.document) { $0.isNamed("img") }
        let focusable = FirstDescendant(in: page.document, where: tree.isFocusable)
        for element in page.document.elements {
            guard let style = element.attribute("style"), Self.scrolls(style), !tree.isNotRendered(element),
                  text.hasNonWhitespace(in: element) || image.of(element) != nil
            else { continue }
            if tree.isFocusable(element) || focusable.of(element) != nil {
                results.pass(element)
            } else {
                results.review(element)
            }
        }
    }

    /// An `overflow`, `overflow-x` or `overflow-y` declaration of `scroll` or `auto`.
    static func scrolls(_ style: String) -> Bool {
        style.split(separator: ";").contains { declaration in
            let parts = declaration.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return false }
            let property = parts[0].trimmed(.whitespaces).lowercased()
            guard property == "overflow" || property == "overflow-x" || property == "overflow-y" else { return false }
            return parts[1].lowercased().split(whereSeparator: { $0.quickIsWhitespace || $0 == "!" })
                .contains { $0 == "scroll" || $0 == "auto" }
        }
    }
}
