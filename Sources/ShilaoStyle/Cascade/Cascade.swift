/// One element's cascade (CSS Cascade 4 §6): the winning declaration for each property, by
/// origin and importance, then specificity, then order of appearance.
struct Cascade {
    enum Value {
        case specified(SpecifiedValue)
        /// A declaration with `var()` (an index into `pending`); parsed once the element's
        /// custom properties are known.
        case pending(Int)
    }

    /// Where the winning declaration is, not a copy of its value: the two tables of winners
    /// are made and dropped for every element, and copying values into them (and destroying
    /// the copies) was a fifth of computing a style.
    struct Winner {
        /// A rule number; `inlineSource` for the style attribute, `hintSource` for a
        /// presentational hint.
        var source: Int32
        /// The declaration's place in its rule, attribute or hints.
        var declaration: Int32
        /// The longhand's place in the declaration's values; for a `var()` declaration,
        /// -1 - its index in `pending`.
        var longhand: Int32
        /// 1 user agent, 2 author, 3 inline style.
        var origin: UInt8
        var important: Bool
    }

    static let inlineSource: Int32 = -1
    static let hintSource: Int32 = -2

    var winners = [Winner?](repeating: nil, count: CSSProperty.allCases.count)
    /// The user-agent winners, for `revert`.
    var userAgentWinners = [Winner?](repeating: nil, count: CSSProperty.allCases.count)
    var customs: [String: [ComponentValue]] = [:]
    var pending: [Declaration] = []
    private let rules: [ActiveRule]
    private let hints: [Declaration]
    private let inline: [Declaration]

    /// Applies matched rules and the style attribute in cascade order: normal declarations
    /// (UA, author by specificity and order, inline), then important ones (author, inline, UA).
    /// Whether quirks-only declarations (unitless lengths) apply.
    let quirks: Bool

    /// `hints` are the element's presentational attributes (`bgcolor`, `<font color>`), which
    /// count as author declarations placed before every author rule (HTML §15.3.1).
    init(matches: [(rule: Int, key: Int)], rules: [ActiveRule], hints: [Declaration] = [], inline: [Declaration], quirks: Bool) {
        self.quirks = quirks
        self.rules = rules
        self.hints = hints
        self.inline = inline
        var hintsApplied = false
        func applyHints() {
            for (index, declaration) in hints.enumerated() { apply(declaration, Cascade.hintSource, index, origin: 2) }
            hintsApplied = true
        }
        for (ruleIndex, _) in matches {
            let active = rules[ruleIndex]
            let origin: UInt8 = active.origin == .userAgent ? 1 : 2
            if origin == 2, !hintsApplied { applyHints() }
            for (index, declaration) in active.rule.declarations.enumerated() where !declaration.important {
                apply(declaration, Int32(ruleIndex), index, origin: origin)
            }
        }
        if !hintsApplied { applyHints() }
        for (index, declaration) in inline.enumerated() where !declaration.important {
            apply(declaration, Cascade.inlineSource, index, origin: 3)
        }
        for (ruleIndex, _) in matches where rules[ruleIndex].origin != .userAgent {
            for (index, declaration) in rules[ruleIndex].rule.declarations.enumerated() where declaration.important {
                apply(declaration, Int32(ruleIndex), index, origin: 2)
            }
        }
        for (index, declaration) in inline.enumerated() where declaration.important {
            apply(declaration, Cascade.inlineSource, index, origin: 3)
        }
        for (ruleIndex, _) in matches where rules[ruleIndex].origin == .userAgent {
            for (index, declaration) in rules[ruleIndex].rule.declarations.enumerated() where declaration.important {
                apply(declaration, Int32(ruleIndex), index, origin: 1)
            }
        }
    }

    /// The winner's specified value, or its place in `pending`.
    func value(of winner: Winner) -> Value {
        if winner.longhand < 0 { return .pending(Int(-1 - winner.longhand)) }
        let declaration: Declaration
        switch winner.source {
        case Cascade.inlineSource: declaration = inline[Int(winner.declaration)]
        case Cascade.hintSource: declaration = hints[Int(winner.declaration)]
        default: declaration = rules[Int(winner.source)].rule.declarations[Int(winner.declaration)]
        }
        switch declaration.payload {
        case .longhands(let values), .quirks(let values): return .specified(values[Int(winner.longhand)].1)
        case .pending, .custom: return .specified(.wide(.unset))  // never stored as a longhand winner
        }
    }

    private mutating func apply(_ declaration: Declaration, _ source: Int32, _ index: Int, origin: UInt8) {
        func winner(_ longhand: Int) -> Winner {
            Winner(source: source, declaration: Int32(index), longhand: Int32(longhand), origin: origin, important: declaration.important)
        }
        switch declaration.payload {
        case .custom(let name, let value):
            customs[name] = value
        case .quirks(let values):
            guard quirks else { return }
            for (longhand, (property, _)) in values.enumerated() { set(property, winner(longhand)) }
        case .longhands(let values):
            for (longhand, (property, _)) in values.enumerated() { set(property, winner(longhand)) }
        case .pending(let properties, _):
            pending.append(declaration)
            for property in properties { set(property, winner(-pending.count)) }
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
