/// One element's cascade (CSS Cascade 4 §6): the winning declaration for each property, by
/// origin and importance, then specificity, then order of appearance.
struct Cascade {
    enum Value {
        case specified(SpecifiedValue)
        /// A declaration with `var()` (an index into `pending`); parsed once the element's
        /// custom properties are known.
        case pending(Int)
    }

    struct Winner {
        var value: Value
        /// 1 user agent, 2 author, 3 inline style.
        var origin: UInt8
        var important: Bool
    }

    var winners = [Winner?](repeating: nil, count: CSSProperty.allCases.count)
    /// The user-agent winners, for `revert`.
    var userAgentWinners = [Winner?](repeating: nil, count: CSSProperty.allCases.count)
    var customs: [String: [ComponentValue]] = [:]
    var pending: [Declaration] = []

    /// Applies matched rules and the style attribute in cascade order: normal declarations
    /// (UA, author by specificity and order, inline), then important ones (author, inline, UA).
    /// Whether quirks-only declarations (unitless lengths) apply.
    let quirks: Bool

    /// `hints` are the element's presentational attributes (`bgcolor`, `<font color>`), which
    /// count as author declarations placed before every author rule (HTML §15.3.1).
    init(matches: [(rule: Int, key: Int)], rules: [ActiveRule], hints: [Declaration] = [], inline: [Declaration], quirks: Bool) {
        self.quirks = quirks
        var hintsApplied = false
        for (ruleIndex, _) in matches {
            let active = rules[ruleIndex]
            let origin: UInt8 = active.origin == .userAgent ? 1 : 2
            if origin == 2, !hintsApplied {
                hints.forEach { apply($0, origin: 2) }
                hintsApplied = true
            }
            for declaration in active.rule.declarations where !declaration.important {
                apply(declaration, origin: origin)
            }
        }
        if !hintsApplied { hints.forEach { apply($0, origin: 2) } }
        for declaration in inline where !declaration.important {
            apply(declaration, origin: 3)
        }
        for (ruleIndex, _) in matches where rules[ruleIndex].origin != .userAgent {
            for declaration in rules[ruleIndex].rule.declarations where declaration.important {
                apply(declaration, origin: 2)
            }
        }
        for declaration in inline where declaration.important {
            apply(declaration, origin: 3)
        }
        for (ruleIndex, _) in matches where rules[ruleIndex].origin == .userAgent {
            for declaration in rules[ruleIndex].rule.declarations where declaration.important {
                apply(declaration, origin: 1)
            }
        }
    }

    private mutating func apply(_ declaration: Declaration, origin: UInt8) {
        switch declaration.payload {
        case .custom(let name):
            customs[name] = declaration.value
        case .quirks(let values):
            guard quirks else { return }
            for (property, value) in values {
                set(property, Winner(value: .specified(value), origin: origin, important: declaration.important))
            }
        case .longhands(let values):
            for (property, value) in values {
                set(property, Winner(value: .specified(value), origin: origin, important: declaration.important))
            }
        case .pending(let properties):
            pending.append(declaration)
            for property in properties {
                set(property, Winner(value: .pending(pending.count - 1), origin: origin, important: declaration.important))
            }
        }
    }

    private mutating func set(_ property: CSSProperty, _ winner: Winner) {
        winners[property.rawValue] = winner
        if winner.origin == 1 { userAgentWinners[property.rawValue] = winner }
    }
}

/// `var()` substitution (CSS Custom Properties §3).
enum VariableSubstitution {
    /// Substituted output beyond this many component values is treated as invalid, so that
    /// exponentially growing references cannot exhaust memory.
    static let maximumSize = 50_000
    static let maximumDepth = 32

    /// The element's computed custom properties: inherited ones, overridden by its own
    /// declarations with their references resolved. A reference cycle makes every property
    /// in it invalid (removed).
    static func resolveCustoms(own: [String: [ComponentValue]], inherited: [String: [ComponentValue]]) -> [String: [ComponentValue]] {
        guard !own.isEmpty else { return inherited }
        var result = inherited
        var state: [String: Bool] = [:]  // false: in progress, true: done

        func resolve(_ name: String, depth: Int) -> [ComponentValue]? {
            guard let value = own[name] else { return inherited[name] }
            if let done = state[name] { return done ? result[name] : nil }
            guard depth < maximumDepth else { return nil }
            state[name] = false
            var resolved: [ComponentValue]?
            if let wide = CSSWideKeyword(value) {
                // Custom properties inherit, so unset and revert inherit too; initial is the guaranteed-invalid value.
                resolved = wide == .initial ? nil : inherited[name]
            } else {
                resolved = substitute(value, depth: depth) { resolve($0, depth: depth + 1) }
            }
            result[name] = resolved
            state[name] = true
            return resolved
        }

        for name in own.keys {
            _ = resolve(name, depth: 0)
        }
        return result
    }

    /// Replaces every `var(--name[, fallback])` in `values`; nil when a reference has neither a
    /// value nor a fallback (the declaration is then invalid at computed-value time).
    static func substitute(
        _ values: [ComponentValue], depth: Int = 0, lookup: (String) -> [ComponentValue]?
    ) -> [ComponentValue]? {
        guard depth < maximumDepth else { return nil }
        var output: [ComponentValue] = []
        for value in values {
            switch value {
            case .function(let name, let args) where name.asciiLowercased == "var":
                let items = Array(args.trimmed)
                guard let first = items.first, case .token(.ident(let custom)) = first, custom.hasPrefix("--") else { return nil }
                if let found = lookup(custom) {
                    output += found
                } else {
                    var rest = items.dropFirst().drop { $0.isWhitespace }
                    guard case .token(.comma)? = rest.first else { return nil }
                    rest = rest.dropFirst()
                    guard let fallback = substitute(Array(rest), depth: depth + 1, lookup: lookup) else { return nil }
                    output += fallback
                }
            case .function(let name, let args):
                guard let inner = substitute(args, depth: depth + 1, lookup: lookup) else { return nil }
                output.append(.function(name, inner))
            case .block(let kind, let items):
                guard let inner = substitute(items, depth: depth + 1, lookup: lookup) else { return nil }
                output.append(.block(kind, inner))
            case .token:
                output.append(value)
            }
            if output.count > maximumSize { return nil }
        }
        return output
    }
}
