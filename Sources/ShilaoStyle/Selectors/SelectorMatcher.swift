/// Matches selectors right to left over an `ElementTable`. Failures carry how far they
/// reach (the classic browser scheme), so `.a div div` on a very deep tree walks the ancestors
/// once per element instead of once per ancestor pair.
struct SelectorMatcher {
    let table: ElementTable
    /// The element a focus query pretends is focused; nil when computing ordinary styles.
    var focused: Int?

    private enum Result {
        case matched
        /// This element fails; another element in the same position might not.
        case failsLocally
        /// This element and its preceding siblings fail; an ancestor level might not.
        case failsAllSiblings
        /// No element here or above can match.
        case failsCompletely
    }

    func matches(_ selector: ComplexSelector, _ element: Int) -> Bool {
        matches(selector, element, anchor: nil)
    }

    func matchesAny(_ list: [ComplexSelector], _ element: Int) -> Bool {
        list.contains { matches($0, element) }
    }

    private func matches(_ selector: ComplexSelector, _ element: Int, anchor: Int?) -> Bool {
        if case .matched = match(selector, 0, element, anchor: anchor) { return true }
        return false
    }

    private func match(_ selector: ComplexSelector, _ position: Int, _ element: Int, anchor: Int?) -> Result {
        for simple in selector.compounds[position] where !matchesSimple(simple, element) {
            return .failsLocally
        }
        guard position + 1 < selector.compounds.count else {
            guard let anchor, let leading = selector.leadingCombinator else { return .matched }
            return related(element, to: anchor, by: leading) ? .matched : .failsLocally
        }
        switch selector.combinators[position] {
        case .descendant:
            var ancestor = table.parent[element]
            while ancestor >= 0 {
                let result = match(selector, position + 1, ancestor, anchor: anchor)
                switch result {
                case .matched, .failsCompletely: return result
                case .failsLocally, .failsAllSiblings: ancestor = table.parent[ancestor]
                }
            }
            return .failsCompletely
        case .child:
            let p = table.parent[element]
            guard p >= 0 else { return .failsCompletely }
            let result = match(selector, position + 1, p, anchor: anchor)
            switch result {
            case .matched, .failsCompletely: return result
            case .failsLocally, .failsAllSiblings: return .failsAllSiblings
            }
        case .nextSibling:
            let s = table.previousSibling[element]
            guard s >= 0 else { return .failsAllSiblings }
            return match(selector, position + 1, s, anchor: anchor)
        case .subsequentSibling:
            var s = table.previousSibling[element]
            while s >= 0 {
                let result = match(selector, position + 1, s, anchor: anchor)
                switch result {
                case .matched, .failsAllSiblings, .failsCompletely: return result
                case .failsLocally: s = table.previousSibling[s]
                }
            }
            return .failsAllSiblings
        }
    }

    /// Whether `element` stands in `combinator` relation to `anchor` (the `:has()` subject).
    private func related(_ element: Int, to anchor: Int, by combinator: Combinator) -> Bool {
        switch combinator {
        case .child: return table.parent[element] == anchor
        case .descendant: return element > anchor && element < table.subtreeEnd[anchor]
        case .nextSibling: return table.previousSibling[element] == anchor
        case .subsequentSibling:
            return table.parent[element] == table.parent[anchor] && element > anchor
        }
    }

    private func matchesSimple(_ simple: SimpleSelector, _ element: Int) -> Bool {
        switch simple {
        case .universal: return true
        case .type(let name): return table.names[element] == name
        case .id(let id):
            guard let value = table.ids[element] else { return false }
            return table.quirks ? asciiCaseInsensitiveEquals(value, id) : value == id
        case .className(let name):
            return table.quirks ? table.classes[element].contains { asciiCaseInsensitiveEquals($0, name) }
                : table.classes[element].contains(name)
        case .attribute(let attribute): return matchesAttribute(attribute, element)
        case .structural(let kind): return matchesStructural(kind, element)
        case .nth(let nth): return matchesNth(nth, element)
        case .not(let list): return !list.contains { matches($0, element) }
        case .is(let list), .where(let list): return list.contains { matches($0, element) }
        case .has(let list): return list.contains { matchesRelative($0, anchor: element) }
        case .lang(let ranges): return matchesLang(ranges, element)
        case .scope: return table.parent[element] < 0
        case .pseudoElement: return false
        case .dynamic(let kind):
            guard let focused else { return false }
            switch kind {
            case .focus, .focusVisible: return element == focused
            case .focusWithin: return focused >= element && focused < table.subtreeEnd[element]
            default: return false
            }
        }
    }

    private func matchesRelative(_ selector: ComplexSelector, anchor: Int) -> Bool {
        let candidates: Range<Int>
        switch selector.leadingCombinator ?? .descendant {
        case .child, .descendant:
            candidates = (anchor + 1)..<table.subtreeEnd[anchor]
        case .nextSibling, .subsequentSibling:
            // Later siblings and their subtrees end where the parent's subtree does.
            let p = table.parent[anchor]
            candidates = table.subtreeEnd[anchor]..<(p >= 0 ? table.subtreeEnd[p] : table.count)
        }
        return candidates.contains { matches(selector, $0, anchor: anchor) }
    }

    private func matchesAttribute(_ selector: AttributeSelector, _ element: Int) -> Bool {
        guard let raw = table.attribute(element, selector.name) else { return false }
        let value = selector.caseInsensitive ? raw.asciiLowercased : raw
        let wanted = selector.caseInsensitive ? selector.value.asciiLowercased : selector.value
        switch selector.op {
        case .exists: return true
        // Values compare as code points, as in browsers (not by Swift's canonical equivalence,
        // which would make a KELVIN SIGN equal to "K"); the rule index relies on it.
        case .equals: return value.utf8.elementsEqual(wanted.utf8)
        case .includes: return !wanted.isEmpty && splitOnWhitespace(value).contains { $0.utf8.elementsEqual(wanted.utf8) }
        case .dashMatch:
            return value.utf8.elementsEqual(wanted.utf8) || value.utf8.starts(with: wanted.utf8 + [UInt8(ascii: "-")])
        case .prefix: return !wanted.isEmpty && value.utf8.starts(with: wanted.utf8)
        case .suffix: return !wanted.isEmpty && value.utf8.reversed().starts(with: wanted.utf8.reversed())
        case .substring: return !wanted.isEmpty && value.contains(wanted)
        }
    }

    private func attribute(_ element: Int, _ name: String) -> String? {
        table.attribute(element, name)
    }

    private func matchesStructural(_ kind: Structural, _ element: Int) -> Bool {
        let name = table.names[element]
        switch kind {
        case .root: return table.parent[element] < 0
        case .firstChild: return table.previousSibling[element] < 0
        case .lastChild: return table.nextSibling[element] < 0
        case .onlyChild: return table.previousSibling[element] < 0 && table.nextSibling[element] < 0
        case .firstOfType: return typePosition(element, forward: false) == 1
        case .lastOfType: return typePosition(element, forward: true) == 1
        case .onlyOfType: return typePosition(element, forward: false) == 1 && typePosition(element, forward: true) == 1
        case .empty: return table.elements[element].childNodes.isEmpty
        case .link: return (name == "a" || name == "area") && attribute(element, "href") != nil
        case .checked:
            if name == "input" {
                let type = attribute(element, "type")?.asciiLowercased
                return (type == "checkbox" || type == "radio") && attribute(element, "checked") != nil
            }
            return name == "option" && attribute(element, "selected") != nil
        case .disabled: return isFormControl(name) && isDisabled(element)
        case .enabled: return isFormControl(name) && !isDisabled(element)
        case .required: return isRequirable(name) && attribute(element, "required") != nil
        case .optional: return isRequirable(name) && attribute(element, "required") == nil
        case .readWrite: return isEditable(element)
        case .readOnly: return !isEditable(element)
        case .placeholderShown:
            guard (name == "input" || name == "textarea"), attribute(element, "placeholder") != nil else { return false }
            return name == "textarea" ? table.elements[element].textContent.isEmpty : (attribute(element, "value") ?? "").isEmpty
        case .defined: return true
        }
    }

    private func isFormControl(_ name: String) -> Bool {
        ["button", "input", "select", "textarea", "optgroup", "option", "fieldset"].contains(name)
    }

    private func isRequirable(_ name: String) -> Bool {
        name == "input" || name == "select" || name == "textarea"
    }

    /// Disabled by its own attribute or by a disabled ancestor fieldset.
    private func isDisabled(_ element: Int) -> Bool {
        if attribute(element, "disabled") != nil { return true }
        var ancestor = table.parent[element]
        while ancestor >= 0 {
            if table.names[ancestor] == "fieldset", attribute(ancestor, "disabled") != nil { return true }
            ancestor = table.parent[ancestor]
        }
        return false
    }

    private func isEditable(_ element: Int) -> Bool {
        let name = table.names[element]
        if name == "textarea" || name == "input" {
            if attribute(element, "readonly") != nil || isDisabled(element) { return false }
            if name == "input" {
                let type = attribute(element, "type")?.asciiLowercased ?? "text"
                return ["text", "search", "url", "tel", "email", "password", "date", "month", "week", "time",
                        "datetime-local", "number"].contains(type)
            }
            return true
        }
        var current = element
        while current >= 0 {
            if let editable = attribute(current, "contenteditable")?.asciiLowercased {
                return editable != "false"
            }
            current = table.parent[current]
        }
        return false
    }

    /// 1-based position among same-named siblings, counted from the start or the end.
    private func typePosition(_ element: Int, forward: Bool) -> Int {
        let name = table.names[element]
        var position = 1
        var sibling = forward ? table.nextSibling[element] : table.previousSibling[element]
        while sibling >= 0 {
            if table.names[sibling] == name { position += 1 }
            sibling = forward ? table.nextSibling[sibling] : table.previousSibling[sibling]
        }
        return position
    }

    private func matchesNth(_ nth: NthSelector, _ element: Int) -> Bool {
        if let of = nth.of, !of.contains(where: { matches($0, element) }) { return false }
        let forward = nth.kind == .lastChild || nth.kind == .lastOfType
        let name = table.names[element]
        var position = 1
        var sibling = forward ? table.nextSibling[element] : table.previousSibling[element]
        while sibling >= 0 {
            switch nth.kind {
            case .child, .lastChild:
                if let of = nth.of {
                    if of.contains(where: { matches($0, sibling) }) { position += 1 }
                } else {
                    position += 1
                }
            case .ofType, .lastOfType:
                if table.names[sibling] == name { position += 1 }
            }
            sibling = forward ? table.nextSibling[sibling] : table.previousSibling[sibling]
        }
        return nth.matches(position: position)
    }

    /// `:lang()`: the nearest `lang` attribute, matched as a language range prefix.
    private func matchesLang(_ ranges: [String], _ element: Int) -> Bool {
        var current = element
        while current >= 0 {
            if let lang = attribute(current, "lang") ?? attribute(current, "xml:lang") {
                let value = lang.asciiLowercased
                return ranges.contains { $0 == "*" ? !value.isEmpty : value == $0 || value.hasPrefix($0 + "-") }
            }
            current = table.parent[current]
        }
        return false
    }
}
