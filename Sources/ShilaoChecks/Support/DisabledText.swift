import ShilaoCore
import ShilaoDOM

/// Text that contrast requirements exempt as part of an inactive control: inside a disabled
/// control or group, or in the label of a disabled control (ACT "disabled ancestor" and
/// "disabled label"). Both are inherited: each element's answer is remembered for the page.
struct DisabledText {
    private let labelled: InheritedFlag
    private let page: Page

    static let formControls: Set<String> = ["button", "input", "select", "textarea", "fieldset", "optgroup", "option"]
    static let labelable: Set<String> = ["button", "input", "select", "textarea", "meter", "output", "progress"]

    init(_ page: Page) {
        self.page = page
        let document = page.document
        var labelsFor: [String: [Element]] = [:]
        for label in document.elements(named: "label") {
            if let target = label.attribute("for") { labelsFor[target, default: []].append(label) }
        }
        var labels: Set<Element> = []
        for element in document.elements {
            let isControl = Self.labelable.contains(element.name) || element.attribute("aria-labelledby") != nil
            guard isControl, Self.isDisabled(element, in: page) else { continue }
            if let id = element.attribute("id") { labels.formUnion(labelsFor[id] ?? []) }
            if let wrapping = element.closest("label"), wrapping.attribute("for") == nil { labels.insert(wrapping) }
            for id in (element.attribute("aria-labelledby") ?? "").split(whereSeparator: \.quickIsWhitespace) {
                if let target = document.element(id: String(id)) { labels.insert(target) }
            }
        }
        labelled = InheritedFlag { labels.contains($0) }
    }

    /// The element or an ancestor is disabled, or is the label of a disabled control.
    func covers(_ element: Element) -> Bool {
        Self.isDisabled(element, in: page) || labelled.selfOrAncestor(element)
    }

    /// Disabled natively (`disabled` on a form control or an ancestor fieldset) or through
    /// `aria-disabled="true"` on it or an ancestor.
    static func isDisabled(_ element: Element, in page: Page) -> Bool {
        page.memo.value("DisabledText.disabled") {
            InheritedFlag { node in
                if node.attribute("aria-disabled")?.trimmingWhitespace().lowercased() == "true" { return true }
                return formControls.contains(node.name) && node.hasAttribute("disabled")
            }
        }.selfOrAncestor(element)
    }
}
