import ShilaoCore
import ShilaoDOM

extension Results {
    /// Passes an element whose accessible name has words; fails one whose name is blank or only
    /// the user agent's stand-in (an image button's "Submit Query").
    mutating func judgeName(of element: Element, in tree: AccessibilityContext, _ key: String = "fail", _ data: [String: String] = [:]) {
        if tree.name(of: element).allSatisfy(\.quickIsWhitespace) || tree.hasDefaultName(element) {
            fail(element, key, data)
        } else {
            pass(element)
        }
    }
}
