/// A component value (CSS Syntax §5): a preserved token, a function with its arguments, or a
/// simple block with its contents.
enum ComponentValue: Equatable, Sendable {
    case token(Token)
    case function(String, [ComponentValue])
    case block(BlockKind, [ComponentValue])

    var isWhitespace: Bool {
        if case .token(.whitespace) = self { return true }
        return false
    }

    var token: Token? {
        if case .token(let t) = self { return t }
        return nil
    }

    /// Lower-cased identifier, for keyword matching.
    var keyword: String? { token?.keyword }

    var text: String {
        switch self {
        case .token(let t): return t.text
        case .function(let name, let args): return name + "(" + args.cssText + ")"
        case .block(let kind, let items): return kind.open + items.cssText + kind.close
        }
    }
}

enum BlockKind: Equatable, Sendable {
    case paren, bracket, brace

    var open: String {
        switch self {
        case .paren: return "("
        case .bracket: return "["
        case .brace: return "{"
        }
    }

    var close: String {
        switch self {
        case .paren: return ")"
        case .bracket: return "]"
        case .brace: return "}"
        }
    }
}

extension Array where Element == ComponentValue {
    var cssText: String { map(\.text).joined() }

    /// Without leading and trailing whitespace.
    var trimmed: ArraySlice<ComponentValue> {
        var slice = self[...]
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return slice
    }

    /// Without any whitespace, for value grammars where whitespace only separates.
    var withoutWhitespace: [ComponentValue] { filter { !$0.isWhitespace } }

    /// Split at top-level commas.
    var commaSeparated: [[ComponentValue]] {
        var parts: [[ComponentValue]] = [[]]
        for value in self {
            if case .token(.comma) = value {
                parts.append([])
            } else {
                parts[parts.count - 1].append(value)
            }
        }
        return parts
    }
}

/// A rule as the syntax sees it, before any grammar is applied to its prelude.
enum RawRule: Sendable {
    case qualified(prelude: [ComponentValue], block: [ComponentValue])
    case at(name: String, prelude: [ComponentValue], block: [ComponentValue]?)
}

struct RawDeclaration: Equatable, Sendable {
    var name: String
    var value: [ComponentValue]
    var important: Bool
}

/// CSS Syntax §5 parsing: tokens to component values, rule lists and declaration lists, with
/// the spec's error recovery (a broken rule or declaration is skipped, never the sheet).
enum Parser {
    static func parseStylesheet(_ text: String) -> [RawRule] {
        parseRules(componentValues(Tokenizer.tokenize(text)), topLevel: true)
    }

    static func parseDeclarations(_ text: String) -> [RawDeclaration] {
        parseDeclarations(componentValues(Tokenizer.tokenize(text)))
    }

    static func parseComponentValues(_ text: String) -> [ComponentValue] {
        componentValues(Tokenizer.tokenize(text))
    }

    /// Blocks nested deeper than this stay flat tokens: later passes (and freeing the values)
    /// recurse over the nesting, so hostile input like 100,000 `(` must not reach them.
    static let maximumNesting = 256

    /// Groups tokens into functions and blocks with an explicit stack. Blocks left open at the
    /// end of input close there.
    static func componentValues(_ tokens: [Token]) -> [ComponentValue] {
        struct Open {
            var kind: BlockKind
            var function: String?
            var items: [ComponentValue]
        }
        var stack: [Open] = [Open(kind: .brace, function: nil, items: [])]
        func close() {
            let open = stack.removeLast()
            let value: ComponentValue = open.function.map { .function($0, open.items) } ?? .block(open.kind, open.items)
            stack[stack.count - 1].items.append(value)
        }
        var flattened = 0
        for token in tokens {
            if stack.count > maximumNesting {
                var closesRealBlock = false
                switch token {
                case .openParen, .openBracket, .openBrace, .function: flattened += 1
                case .closeParen, .closeBracket, .closeBrace:
                    if flattened > 0 { flattened -= 1 } else { closesRealBlock = true }
                default: break
                }
                if !closesRealBlock {
                    stack[stack.count - 1].items.append(.token(token))
                    continue
                }
            }
            switch token {
            case .openParen: stack.append(Open(kind: .paren, function: nil, items: []))
            case .openBracket: stack.append(Open(kind: .bracket, function: nil, items: []))
            case .openBrace: stack.append(Open(kind: .brace, function: nil, items: []))
            case .function(let name): stack.append(Open(kind: .paren, function: name, items: []))
            case .closeParen where stack.count > 1 && stack[stack.count - 1].kind == .paren: close()
            case .closeBracket where stack.count > 1 && stack[stack.count - 1].kind == .bracket: close()
            case .closeBrace where stack.count > 1 && stack[stack.count - 1].kind == .brace: close()
            default: stack[stack.count - 1].items.append(.token(token))
            }
        }
        while stack.count > 1 { close() }
        return stack[0].items
    }

    /// Consume a list of rules (§5.4.1). A qualified rule whose input ends before its block is
    /// dropped; a stray `}` at the top level becomes part of the next rule's prelude, which
    /// then fails selector parsing, as in browsers.
    static func parseRules(_ values: [ComponentValue], topLevel: Bool) -> [RawRule] {
        var rules: [RawRule] = []
        var index = 0
        while index < values.count {
            let value = values[index]
            switch value {
            case .token(.whitespace):
                index += 1
            case .token(.cdo) where topLevel, .token(.cdc) where topLevel:
                index += 1
            case .token(.atKeyword(let name)):
                index += 1
                var prelude: [ComponentValue] = []
                var block: [ComponentValue]?
                while index < values.count {
                    let item = values[index]
                    index += 1
                    if case .token(.semicolon) = item { break }
                    if case .block(.brace, let contents) = item {
                        block = contents
                        break
                    }
                    prelude.append(item)
                }
                rules.append(.at(name: name.asciiLowercased, prelude: prelude, block: block))
            default:
                var prelude: [ComponentValue] = []
                var block: [ComponentValue]?
                while index < values.count {
                    let item = values[index]
                    index += 1
                    if case .block(.brace, let contents) = item {
                        block = contents
                        break
                    }
                    prelude.append(item)
                }
                if let block { rules.append(.qualified(prelude: prelude, block: block)) }
            }
        }
        return rules
    }

    /// Consume a style block's contents (§5.4.4): declarations, with nested rules and
    /// at-rules skipped whole (`&:hover { … }` ends at its block, not at the next `;`).
    static func parseDeclarations(_ values: [ComponentValue]) -> [RawDeclaration] {
        var declarations: [RawDeclaration] = []
        var index = 0
        while index < values.count {
            switch values[index] {
            case .token(.whitespace), .token(.semicolon):
                index += 1
            case .token(.ident(let name)):
                let isCustom = name.hasPrefix("--")
                var items: [ComponentValue] = []
                var nestedRule = false
                while index < values.count {
                    let item = values[index]
                    if case .token(.semicolon) = item { break }
                    index += 1
                    if !isCustom, case .block(.brace, _) = item {
                        nestedRule = true
                        break
                    }
                    items.append(item)
                }
                if !nestedRule, let declaration = declaration(name: name, items: items) {
                    declarations.append(declaration)
                }
            default:
                // An at-rule or a nested rule: skip to the end of its block or the next `;`.
                while index < values.count {
                    let item = values[index]
                    index += 1
                    if case .token(.semicolon) = item { break }
                    if case .block(.brace, _) = item { break }
                }
            }
        }
        return declarations
    }

    /// Consume a declaration (§5.4.6) from its tokens, the name included.
    private static func declaration(name: String, items: [ComponentValue]) -> RawDeclaration? {
        var index = 1
        while index < items.count, items[index].isWhitespace { index += 1 }
        guard index < items.count, case .token(.colon) = items[index] else { return nil }
        var value = Array(Array(items[(index + 1)...]).trimmed)
        var important = false
        if let last = value.last, last.keyword == "important" {
            var bang = value.count - 2
            while bang >= 0, value[bang].isWhitespace { bang -= 1 }
            if bang >= 0, value[bang].token?.isDelim("!") == true {
                important = true
                value = Array(Array(value[..<bang]).trimmed)
            }
        }
        let isCustom = name.hasPrefix("--")
        return RawDeclaration(name: isCustom ? name : name.asciiLowercased, value: value, important: important)
    }
}
