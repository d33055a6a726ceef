/// Parses Selectors Level 4 from component values. Anything we do not understand makes the
/// selector invalid (nil), which drops the whole rule, as browsers do; `:is()` and `:where()`
/// take forgiving lists and only drop their invalid arguments.
enum SelectorParser {
    /// Nesting of `:is(:not(:has(…)))` beyond this is rejected rather than recursed into.
    static let maximumDepth = 32

    static func parseList(_ values: [ComponentValue]) -> [ComplexSelector]? {
        parseList(values, depth: 0, relative: false)
    }

    static func parseList(_ text: String) -> [ComplexSelector]? {
        parseList(Parser.parseComponentValues(text))
    }

    private static func parseList(_ values: [ComponentValue], depth: Int, relative: Bool) -> [ComplexSelector]? {
        guard depth < maximumDepth else { return nil }
        var result: [ComplexSelector] = []
        for part in values.commaSeparated {
            guard let selector = parseComplex(Array(part.trimmed), depth: depth, relative: relative) else { return nil }
            result.append(selector)
        }
        return result.isEmpty ? nil : result
    }

    private static func parseForgivingList(_ values: [ComponentValue], depth: Int) -> [ComplexSelector]? {
        guard depth < maximumDepth else { return nil }
        return values.commaSeparated.compactMap { parseComplex(Array($0.trimmed), depth: depth, relative: false) }
    }

    private static func parseComplex(_ values: [ComponentValue], depth: Int, relative: Bool) -> ComplexSelector? {
        var compounds: [[SimpleSelector]] = []
        var combinators: [Combinator] = []
        var leading: Combinator?
        var current: [SimpleSelector] = []
        var pendingCombinator: Combinator?
        var sawWhitespace = false
        var index = 0

        func combinator(_ value: ComponentValue) -> Combinator? {
            guard case .token(.delim(let d)) = value else { return nil }
            switch d {
            case ">": return .child
            case "+": return .nextSibling
            case "~": return .subsequentSibling
            default: return nil
            }
        }

        while index < values.count {
            let value = values[index]
            if value.isWhitespace {
                sawWhitespace = true
                index += 1
                continue
            }
            if let explicit = combinator(value) {
                if current.isEmpty {
                    // Only a relative selector may start with a combinator, and two in a row are invalid.
                    guard relative, compounds.isEmpty, leading == nil, pendingCombinator == nil else { return nil }
                    leading = explicit
                } else {
                    compounds.append(current)
                    current = []
                    pendingCombinator = explicit
                }
                sawWhitespace = false
                index += 1
                continue
            }
            if sawWhitespace, !current.isEmpty {
                compounds.append(current)
                current = []
                pendingCombinator = .descendant
            }
            sawWhitespace = false
            if current.isEmpty, let combinator = pendingCombinator {
                combinators.append(combinator)
                pendingCombinator = nil
            }
            guard let consumed = parseSimple(values, at: index, compoundSoFar: current, depth: depth) else { return nil }
            current.append(contentsOf: consumed.selectors)
            index = consumed.next
        }
        guard !current.isEmpty, pendingCombinator == nil else { return nil }
        compounds.append(current)
        if relative, leading == nil { leading = .descendant }
        return ComplexSelector(compounds: compounds.reversed(), combinators: combinators.reversed(), leadingCombinator: leading)
    }

    /// One simple selector (or a namespaced type selector) starting at `index`.
    private static func parseSimple(
        _ values: [ComponentValue], at index: Int, compoundSoFar: [SimpleSelector], depth: Int
    ) -> (selectors: [SimpleSelector], next: Int)? {
        let afterPseudoElement = compoundSoFar.contains {
            if case .pseudoElement = $0 { return true }
            return false
        }
        let value = values[index]
        switch value {
        case .token(.ident(let name)):
            guard compoundSoFar.isEmpty else { return nil }
            if index + 1 < values.count, values[index + 1].token?.isDelim("|") == true { return nil }
            return ([.type(name.asciiLowercased)], index + 1)
        case .token(.delim("*")):
            guard compoundSoFar.isEmpty else { return nil }
            // `*|name` is any namespace, which in an HTML document is the plain name.
            if index + 2 < values.count, values[index + 1].token?.isDelim("|") == true {
                if let name = values[index + 2].keyword { return ([.type(name)], index + 3) }
                if values[index + 2].token?.isDelim("*") == true { return ([.universal], index + 3) }
                return nil
            }
            return ([.universal], index + 1)
        case .token(.hash(let name, let isID)):
            guard isID, !afterPseudoElement else { return nil }
            return ([.id(name)], index + 1)
        case .token(.delim(".")):
            guard !afterPseudoElement, index + 1 < values.count, case .token(.ident(let name)) = values[index + 1] else {
                return nil
            }
            return ([.className(name)], index + 2)
        case .block(.bracket, let contents):
            guard !afterPseudoElement, let attribute = parseAttribute(contents) else { return nil }
            return ([.attribute(attribute)], index + 1)
        case .token(.colon):
            guard index + 1 < values.count else { return nil }
            if case .token(.colon) = values[index + 1] {
                guard index + 2 < values.count else { return nil }
                let name: String
                switch values[index + 2] {
                case .token(.ident(let n)): name = n.asciiLowercased
                case .function(let n, _): name = n.asciiLowercased
                default: return nil
                }
                guard isPseudoElement(name) else { return nil }
                return ([.pseudoElement(name)], index + 3)
            }
            switch values[index + 1] {
            case .token(.ident(let raw)):
                let name = raw.asciiLowercased
                if legacyPseudoElements.contains(name) { return ([.pseudoElement(name)], index + 2) }
                guard let selector = pseudoClass(name) else { return nil }
                // After a pseudo-element only user-action states are allowed; they never match anyway.
                if afterPseudoElement {
                    guard case .dynamic = selector else { return nil }
                }
                return ([selector], index + 2)
            case .function(let raw, let args):
                guard !afterPseudoElement,
                      let selector = functionalPseudoClass(raw.asciiLowercased, args, depth: depth) else { return nil }
                return ([selector], index + 2)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    private static let legacyPseudoElements: Set<String> = ["before", "after", "first-line", "first-letter"]

    private static let knownPseudoElements: Set<String> = [
        "before", "after", "first-line", "first-letter", "marker", "placeholder", "selection", "backdrop",
        "file-selector-button", "cue", "cue-region", "part", "slotted", "grammar-error", "spelling-error",
        "target-text", "highlight", "view-transition", "details-content",
    ]

    /// Browsers accept vendor-prefixed pseudo-elements they know; we accept any `-webkit-` and
    /// `-moz-` one so a sheet's placeholder rules do not poison their selector lists for us.
    private static func isPseudoElement(_ name: String) -> Bool {
        knownPseudoElements.contains(name) || name.hasPrefix("-webkit-") || name.hasPrefix("-moz-")
    }

    private static func pseudoClass(_ name: String) -> SimpleSelector? {
        switch name {
        case "root": return .structural(.root)
        case "first-child": return .structural(.firstChild)
        case "last-child": return .structural(.lastChild)
        case "only-child": return .structural(.onlyChild)
        case "first-of-type": return .structural(.firstOfType)
        case "last-of-type": return .structural(.lastOfType)
        case "only-of-type": return .structural(.onlyOfType)
        case "empty": return .structural(.empty)
        case "link", "any-link", "-webkit-any-link": return .structural(.link)
        case "checked": return .structural(.checked)
        case "disabled": return .structural(.disabled)
        case "enabled": return .structural(.enabled)
        case "required": return .structural(.required)
        case "optional": return .structural(.optional)
        case "read-only": return .structural(.readOnly)
        case "read-write": return .structural(.readWrite)
        case "placeholder-shown": return .structural(.placeholderShown)
        case "defined": return .structural(.defined)
        case "scope": return .scope
        case "hover": return .dynamic(.hover)
        case "active": return .dynamic(.active)
        case "visited": return .dynamic(.visited)
        case "focus": return .dynamic(.focus)
        case "focus-visible": return .dynamic(.focusVisible)
        case "focus-within": return .dynamic(.focusWithin)
        case "target": return .dynamic(.target)
        case "target-within", "indeterminate", "default", "valid", "invalid", "in-range", "out-of-range",
             "user-valid", "user-invalid", "autofill", "-webkit-autofill", "fullscreen", "modal", "open",
             "popover-open", "playing", "paused", "picture-in-picture", "current", "past", "future",
             "local-link", "blank", "host", "muted", "seeking", "stalled", "buffering", "volume-locked":
            return .dynamic(.never)
        default: return nil
        }
    }

    private static func functionalPseudoClass(_ name: String, _ args: [ComponentValue], depth: Int) -> SimpleSelector? {
        switch name {
        case "not":
            return parseList(args, depth: depth + 1, relative: false).map { .not($0) }
        case "is", "matches", "-webkit-any", "-moz-any":
            return parseForgivingList(args, depth: depth + 1).map { .is($0) }
        case "where":
            return parseForgivingList(args, depth: depth + 1).map { .where($0) }
        case "has":
            return parseList(args, depth: depth + 1, relative: true).map { .has($0) }
        case "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type":
            return parseNth(name, args, depth: depth)
        case "lang":
            let ranges = args.commaSeparated.compactMap { part -> String? in
                guard let first = Array(part.trimmed).first else { return nil }
                switch first {
                case .token(.ident(let s)), .token(.string(let s)): return s.asciiLowercased
                default: return nil
                }
            }
            return ranges.isEmpty ? nil : .lang(ranges)
        case "dir", "host", "host-context", "state":
            return .dynamic(.never)
        default:
            return nil
        }
    }

    private static func parseNth(_ name: String, _ args: [ComponentValue], depth: Int) -> SimpleSelector? {
        let kind: NthSelector.Kind
        switch name {
        case "nth-child": kind = .child
        case "nth-last-child": kind = .lastChild
        case "nth-of-type": kind = .ofType
        default: kind = .lastOfType
        }
        var formula = args
        var of: [ComplexSelector]?
        if kind == .child || kind == .lastChild,
           let ofIndex = args.firstIndex(where: { $0.keyword == "of" }) {
            formula = Array(args[..<ofIndex])
            guard let list = parseList(Array(args[(ofIndex + 1)...]), depth: depth + 1, relative: false) else { return nil }
            of = list
        }
        guard let (a, b) = parseAnPlusB(formula) else { return nil }
        return .nth(NthSelector(kind: kind, a: a, b: b, of: of))
    }

    /// The An+B microsyntax (CSS Syntax §6), read from the tokens' source text.
    static func parseAnPlusB(_ values: [ComponentValue]) -> (Int, Int)? {
        let text = values.withoutWhitespace.map(\.text).joined().asciiLowercased
        if text == "odd" { return (2, 1) }
        if text == "even" { return (2, 0) }
        guard let nIndex = text.firstIndex(of: "n") else {
            return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text).map { (0, $0) }
        }
        let before = String(text[..<nIndex])
        let after = String(text[text.index(after: nIndex)...])
        let a: Int
        switch before {
        case "", "+": a = 1
        case "-": a = -1
        default:
            guard let parsed = Int(before.hasPrefix("+") ? String(before.dropFirst()) : before) else { return nil }
            a = parsed
        }
        if after.isEmpty { return (a, 0) }
        guard after.hasPrefix("+") || after.hasPrefix("-"), let b = Int(after.hasPrefix("+") ? String(after.dropFirst()) : after) else {
            return nil
        }
        return (a, b)
    }

    private static func parseAttribute(_ contents: [ComponentValue]) -> AttributeSelector? {
        let values = contents.withoutWhitespace
        guard let first = values.first, case .token(.ident(let rawName)) = first else { return nil }
        let name = rawName.asciiLowercased
        if values.count == 1 {
            return AttributeSelector(name: name, op: .exists, value: "", caseInsensitive: false)
        }
        var index = 1
        let op: AttributeSelector.Operator
        guard case .token(.delim(let d)) = values[index] else { return nil }
        if d == "=" {
            op = .equals
            index += 1
        } else {
            guard index + 1 < values.count, values[index + 1].token?.isDelim("=") == true else { return nil }
            switch d {
            case "~": op = .includes
            case "|": op = .dashMatch
            case "^": op = .prefix
            case "$": op = .suffix
            case "*": op = .substring
            default: return nil
            }
            index += 2
        }
        guard index < values.count else { return nil }
        let value: String
        switch values[index] {
        case .token(.ident(let s)), .token(.string(let s)): value = s
        default: return nil
        }
        index += 1
        var caseInsensitive = caseInsensitiveAttributes.contains(name)
        if index < values.count {
            switch values[index].keyword {
            case "i": caseInsensitive = true
            case "s": caseInsensitive = false
            default: return nil
            }
            index += 1
        }
        guard index == values.count else { return nil }
        return AttributeSelector(name: name, op: op, value: value, caseInsensitive: caseInsensitive)
    }

    /// HTML attributes whose values selectors compare ASCII case-insensitively (HTML §4.16.2).
    private static let caseInsensitiveAttributes: Set<String> = [
        "accept", "accept-charset", "align", "alink", "axis", "bgcolor", "charset", "checked", "clear",
        "codetype", "color", "compact", "declare", "defer", "dir", "direction", "disabled", "enctype", "face",
        "frame", "hreflang", "http-equiv", "lang", "language", "link", "media", "method", "multiple", "nohref",
        "noresize", "noshade", "nowrap", "readonly", "rel", "rev", "rules", "scope", "scrolling", "selected",
        "shape", "target", "text", "type", "valign", "valuetype", "vlink",
    ]
}
