/// A parsed style sheet: rules with their selectors and checked declarations. It does not
/// depend on the page or the viewport, so one parse serves every page that links the sheet.
public struct Stylesheet: Sendable {
    let rules: [SheetRule]
    /// Names declared by `@keyframes`, for checks that ask whether an animation exists.
    let keyframes: [String]

    public init(parsing text: String) {
        // A byte-order mark would otherwise become part of the first selector.
        let source = text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
        var keyframes: [String] = []
        rules = Stylesheet.build(Parser.parseStylesheet(source), keyframes: &keyframes, depth: 0)
        self.keyframes = keyframes
    }

    /// Number of style rules, nested ones included (for reports and tests).
    public var styleRuleCount: Int {
        var count = 0
        var pending = rules[...]
        var stack: [ArraySlice<SheetRule>] = []
        while true {
            guard let rule = pending.first else {
                guard let next = stack.popLast() else { return count }
                pending = next
                continue
            }
            pending = pending.dropFirst()
            switch rule {
            case .style: count += 1
            case .media(_, let inner):
                stack.append(pending)
                pending = inner[...]
            case .importRule: break
            }
        }
    }

    /// At-rule nesting beyond this is dropped rather than recursed into.
    static let maximumDepth = 32

    private static func build(_ raw: [RawRule], keyframes: inout [String], depth: Int) -> [SheetRule] {
        guard depth < maximumDepth else { return [] }
        var rules: [SheetRule] = []
        // @import is only valid before any other rule except @charset and @layer statements.
        var importsAllowed = depth == 0
        for rule in raw {
            switch rule {
            case .qualified(let prelude, let block):
                importsAllowed = false
                guard let selectors = SelectorParser.parseList(prelude) else { continue }
                rules.append(.style(StyleRule(selectors: selectors, declarations: Parser.parseDeclarations(block),
                                              selectorText: Array(prelude.trimmed).cssText)))
            case .at(let name, let prelude, let block):
                switch name {
                case "charset":
                    continue
                case "import":
                    guard importsAllowed, block == nil, let parsed = ImportRule(prelude) else { continue }
                    rules.append(.importRule(parsed))
                case "layer":
                    // Layers are treated as unlayered, in order (a documented simplification).
                    guard let block else { continue }
                    importsAllowed = false
                    rules += build(Parser.parseRules(block, topLevel: false), keyframes: &keyframes, depth: depth + 1)
                case "media":
                    importsAllowed = false
                    guard let block else { continue }
                    let inner = build(Parser.parseRules(block, topLevel: false), keyframes: &keyframes, depth: depth + 1)
                    rules.append(.media(MediaQueryList(prelude), inner))
                case "supports":
                    importsAllowed = false
                    guard let block, SupportsCondition.evaluate(prelude) else { continue }
                    rules += build(Parser.parseRules(block, topLevel: false), keyframes: &keyframes, depth: depth + 1)
                case "keyframes", "-webkit-keyframes", "-moz-keyframes":
                    importsAllowed = false
                    if let first = prelude.withoutWhitespace.first {
                        switch first {
                        case .token(.ident(let s)), .token(.string(let s)): keyframes.append(s)
                        default: break
                        }
                    }
                default:
                    // @font-face, @page, @namespace, @container, … do not style elements here.
                    importsAllowed = false
                }
            }
        }
        return rules
    }
}

enum SheetRule: Sendable {
    case style(StyleRule)
    case media(MediaQueryList, [SheetRule])
    case importRule(ImportRule)
}

struct StyleRule: Sendable {
    var selectors: [ComplexSelector]
    var declarations: [Declaration]
    var selectorText: String
    /// The declarations as written, for checks that read the author's rules: written out with
    /// the parse, so a sheet linked from every page of a site is not serialised for each page.
    let written: [DeclarationInfo]

    init(selectors: [ComplexSelector], declarations raw: [RawDeclaration], selectorText: String) {
        self.selectors = selectors
        self.selectorText = selectorText
        (declarations, written) = Declaration.accepted(raw)
    }
}

struct ImportRule: Sendable {
    var url: String
    var media: MediaQueryList

    init?(_ prelude: [ComponentValue]) {
        let items = Array(prelude.trimmed)
        guard let first = items.first else { return nil }
        switch first {
        case .token(.string(let s)), .token(.url(let s)): url = s
        case .function(let name, let args) where name.asciiLowercased == "url":
            guard let string = args.withoutWhitespace.first, case .token(.string(let s)) = string else { return nil }
            url = s
        default: return nil
        }
        // layer(...) and supports(...) conditions come before the media list.
        var rest = Array(items.dropFirst())
        while let next = rest.first(where: { !$0.isWhitespace }) {
            if next.keyword == "layer" {
                rest.removeFirst(rest.firstIndex(where: { !$0.isWhitespace })! + 1)
                continue
            }
            if case .function(let name, let args) = next, ["layer", "supports"].contains(name.asciiLowercased) {
                if name.asciiLowercased == "supports", !SupportsCondition.evaluate(args) { return nil }
                rest.removeFirst(rest.firstIndex(where: { !$0.isWhitespace })! + 1)
                continue
            }
            break
        }
        media = MediaQueryList(rest)
    }
}

/// One declaration of a rule or a style attribute, checked against its property's grammar.
/// Only custom properties and values with `var()` keep their tokens: the others are parsed for
/// good, and kept tokens were the biggest single part of a parsed sheet in memory.
struct Declaration: Sendable {
    enum Payload: Sendable {
        case longhands([(CSSProperty, SpecifiedValue)])
        /// Contains `var()`: parsed once the custom properties are known (CSS Variables §3).
        case pending([CSSProperty], [ComponentValue])
        case custom(String, [ComponentValue])
        /// Valid only with the quirks-mode unitless length rule (`width: 100`).
        case quirks([(CSSProperty, SpecifiedValue)])
    }

    var name: String
    var important: Bool
    var payload: Payload

    init?(_ raw: RawDeclaration) {
        name = raw.name
        important = raw.important
        if raw.name.hasPrefix("--") {
            payload = .custom(raw.name, raw.value)
            return
        }
        if Declaration.containsVar(raw.value) {
            let targets = PropertyParser.longhands(of: raw.name)
            guard !targets.isEmpty else { return nil }
            payload = .pending(targets, raw.value)
            return
        }
        if let parsed = PropertyParser.parse(name: raw.name, value: raw.value) {
            payload = .longhands(parsed)
        } else if let quirky = QuirksMode.unitlessLengths(raw.name, raw.value),
                  let parsed = PropertyParser.parse(name: raw.name, value: quirky) {
            payload = .quirks(parsed)
        } else {
            return nil
        }
    }

    /// The declarations the engine accepts out of `raw`, and each as written.
    static func accepted(_ raw: [RawDeclaration]) -> (declarations: [Declaration], written: [DeclarationInfo]) {
        var declarations: [Declaration] = []
        var written: [DeclarationInfo] = []
        declarations.reserveCapacity(raw.count)
        written.reserveCapacity(raw.count)
        for item in raw {
            guard let declaration = Declaration(item) else { continue }
            declarations.append(declaration)
            written.append(DeclarationInfo(item))
        }
        return (declarations, written)
    }

    static func containsVar(_ values: [ComponentValue]) -> Bool {
        values.contains { value in
            switch value {
            case .function(let name, let args): return name.asciiLowercased == "var" || containsVar(args)
            case .block(_, let items): return containsVar(items)
            case .token: return false
            }
        }
    }
}

/// `@supports`: a condition counts as supported when it parses; `not`, `and`, `or` combine.
enum SupportsCondition {
    static func evaluate(_ prelude: [ComponentValue]) -> Bool {
        let items = prelude.withoutWhitespace
        guard let first = items.first else { return false }
        if first.keyword == "not" {
            return items.count == 2 && !evaluateInParens(items[1])
        }
        var result = evaluateInParens(first)
        var index = 1
        while index + 1 < items.count {
            switch items[index].keyword {
            case "and": result = result && evaluateInParens(items[index + 1])
            case "or": result = result || evaluateInParens(items[index + 1])
            default: return false
            }
            index += 2
        }
        return index == items.count && result
    }

    private static func evaluateInParens(_ item: ComponentValue) -> Bool {
        switch item {
        case .block(.paren, let contents):
            let items = contents.withoutWhitespace
            if let first = items.first {
                if first.keyword == "not" { return evaluate(contents) }
                if case .block(.paren, _) = first { return evaluate(contents) }
            }
            // (property: value)
            return items.count >= 3 && items[0].keyword != nil && items[1].token == .colon
        case .function(let name, let args):
            switch name.asciiLowercased {
            case "selector": return SelectorParser.parseList(args) != nil
            default: return false
            }
        default:
            return false
        }
    }
}
