import ShilaoCore
import ShilaoDOM

/// A visible entry to the elder or accessible version near the top of every page (App spec 3.1,
/// applied to websites as evaluators do). Page-level: passes on the first named entry in the
/// header, the navigation or the first 30% of the body; inapplicable on the elder pages
/// themselves, which need no entry to themselves.
struct ElderModeEntry: BuiltInCheck {
    static let id = "elder-mode-entry"
    /// "Near the top": the first 30% of the body's elements, and never fewer than 20 of them,
    /// so a short page's top bar always counts.
    static let earlyShare = 0.3
    static let earlyMinimum = 20
    /// Words in the image or address of an entry drawn as a picture (wza = 无障碍).
    static let imageEntryWords: Set<String> = ["wza", "wuzhangai", "care", "elder", "older", "laoren", "zhangbei", "guanhuai", "shilao"]

    func run(on page: Page, into results: inout Results) {
        guard let body = page.document.body, !PageKind.isElderPage(page) else { return }
        let elements = Array(body.descendants)
        let earlyLimit = max(Int((Double(elements.count) * ElderModeEntry.earlyShare).rounded(.up)), ElderModeEntry.earlyMinimum)
        var late: Element?
        var unnamedImage: Element?
        for (index, element) in elements.enumerated() where ControlText.isControl(element) {
            let text = ControlText.words(of: element, in: page)
            if PageKind.namesElderVersion(text) {
                if index < earlyLimit || ElderModeEntry.isInPageTop(element) {
                    results.pass(element)
                    return
                }
                late = late ?? element
            } else if text.isEmpty, unnamedImage == nil, let image = ElderModeEntry.entryImage(in: element) {
                unnamedImage = image
            }
        }
        if let image = unnamedImage {
            results.fail(image, "fail.unnamed-image", ["src": image.attribute("src") ?? ""])
        } else if let late {
            results.review(late, "review.late", ["text": ControlText.words(of: late, in: page)])
        } else if let toolbar = PageKind.toolbarScript(page) {
            results.review(toolbar, "review.toolbar")
        } else {
            results.fail(body, "fail.missing")
        }
    }

    static func isInPageTop(_ element: Element) -> Bool {
        element.ancestors.contains { ancestor in
            let role = (ancestor.attribute("role") ?? "").lowercased()
            return ancestor.isNamed("header") || ancestor.isNamed("nav") || role == "banner" || role == "navigation"
        }
    }

    /// The image of a control with no words whose file or link address reads like the entry.
    static func entryImage(in control: Element) -> Element? {
        let image = control.isNamed("img") || control.isNamed("input") ? control : control.descendants.first { $0.isNamed("img") }
        guard let image else { return nil }
        let addresses = [image.attribute("src"), control.attribute("href")].compactMap { $0 }.joined(separator: " ")
        return NameTokens.words(addresses).contains(where: imageEntryWords.contains) ? image : nil
    }
}
