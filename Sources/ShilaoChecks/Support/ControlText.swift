import ShilaoCore
import ShilaoDOM

/// Every word written on or in a control, wherever it is written, for the checks that look for
/// keywords (长辈版, 下载APP, A+). Unlike the accessible name, nothing wins over anything else:
/// an `aria-label` does not hide the text a sighted user reads.
enum ControlText {
    /// Every word a control carries (aria-label, content, image alts and titles, its own title),
    /// for checks that look for a keyword wherever it is written.
    static func allText(of element: Element) -> String {
        var parts = [element.attribute("aria-label") ?? "", contentText(of: element), element.attribute("title") ?? ""]
        parts += element.descendants.compactMap { $0.isNamed("img") ? $0.attribute("title") : nil }
        return PageText.collapsed(parts.joined(separator: " "))
    }

    /// `allText` without whitespace (`PageText.compact`), the form keyword checks match, upper-cased
    /// for those whose keywords hold Latin letters (A+, APP). Half a dozen checks read every
    /// control of a page this way, so each control's words are worked out once per page.
    static func words(of element: Element, in page: Page, uppercased: Bool = false) -> String {
        let memo = page.memo.value("ControlText.words") { WordsMemo() }
        if uppercased {
            if let known = memo.upper[element] { return known }
            let words = self.words(of: element, in: page).uppercased()
            memo.upper[element] = words
            return words
        }
        if let known = memo.compact[element] { return known }
        let words = PageText.compact(allText(of: element))
        memo.compact[element] = words
        return words
    }

    private final class WordsMemo {
        var compact = ElementMemo<String>()
        var upper = ElementMemo<String>()
    }

    /// Text content with the alt of images and the value of input buttons in their place.
    static func contentText(of element: Element) -> String {
        if element.isNamed("input") || element.isNamed("img") { return replacement(for: element) }
        return PageText.visible(element) { child in
            child.isNamed("img") || child.isNamed("input") ? " " + replacement(for: child) + " " : nil
        }
    }

    private static func replacement(for element: Element) -> String {
        if element.isNamed("img") { return element.attribute("alt") ?? "" }
        switch (element.attribute("type") ?? "text").lowercased() {
        case "image": return element.attribute("alt") ?? element.attribute("value") ?? ""
        case "button", "submit", "reset": return element.attribute("value") ?? ""
        default: return ""
        }
    }

    /// Links, buttons and other things people click: what induced-button and entry checks read.
    static func isControl(_ element: Element) -> Bool {
        switch element.name {
        case "a": return element.hasAttribute("href") || element.hasAttribute("onclick")
        case "button": return true
        case "input":
            return ["button", "submit", "image", "reset"].contains((element.attribute("type") ?? "").lowercased())
        default:
            let role = (element.attribute("role") ?? "").lowercased()
            return role == "button" || role == "link" || element.hasAttribute("onclick")
        }
    }
}
