import ShilaoCore
import ShilaoDOM

/// ACT akn7bn: an `iframe` taken out of the tab order (negative `tabindex`) must not hold
/// content that keyboard users need to reach. Content given in `srcdoc` is parsed and judged;
/// a page loaded from `src` is out of a static tool's sight, so a person checks it.
struct FrameFocusableContent: BuiltInCheck {
    static let id = "frame-focusable-content"

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        for frame in page.document.elements where frame.isNamed("iframe") {
            // isFocusable leaves out frames that are not rendered or are inert.
            guard let tabindex = frame.attribute("tabindex").flatMap(htmlInteger), tabindex < 0,
                  tree.isFocusable(frame), !Self.tooSmallToShowContent(frame) else { continue }
            if let srcdoc = frame.attribute("srcdoc") {
                guard let content = try? Loader.load(Array(srcdoc.utf8)) else { continue }
                let inner = AccessibilityContext(document: content)
                let reachable = content.elements.first { element in
                    inner.isFocusable(element) && (element.attribute("tabindex").flatMap(htmlInteger) ?? 0) >= 0
                }
                if let reachable {
                    results.fail(frame, "fail", ["element": reachable.snippet(limit: 80)])
                }
            } else if !(frame.attribute("src") ?? "").allSatisfy(\.quickIsWhitespace) {
                results.review(frame)
            }
        }
    }

    /// A frame 1 pixel wide or high shows nothing of its content.
    static func tooSmallToShowContent(_ frame: Element) -> Bool {
        ["width", "height"].contains { frame.attribute($0).flatMap(htmlInteger).map { $0 <= 1 } ?? false }
    }
}
