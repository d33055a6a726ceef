/// Selectors Level 4 as we match them: a complex selector is a chain of compound selectors
/// joined by combinators, stored right to left because matching starts at the subject.
struct ComplexSelector: Sendable {
    /// `compounds[0]` is the subject (rightmost); `combinators[i]` joins `compounds[i]` to `compounds[i + 1]`.
    var compounds: [[SimpleSelector]]
    var combinators: [Combinator]
    /// For relative selectors (`:has(> img)`): how the leftmost compound relates to the anchor.
    var leadingCombinator: Combinator?

    var specificity: Specificity {
        compounds.reduce(Specificity.zero) { total, compound in
            compound.reduce(total) { $0 + $1.specificity }
        }
    }

    /// True when matching depends on focus (`:focus`, `:focus-visible`, `:focus-within`), so
    /// the focus check can find the rules that style a focused control.
    var involvesFocus: Bool {
        compounds.contains { $0.contains { $0.involvesFocus } }
    }
}

enum Combinator: Sendable {
    case descendant, child, nextSibling, subsequentSibling
}

enum SimpleSelector: Sendable {
    case type(String)
    case universal
    case id(String)
    case className(String)
    case attribute(AttributeSelector)
    case structural(Structural)
    case nth(NthSelector)
    case not([ComplexSelector])
    case `is`([ComplexSelector])
    case `where`([ComplexSelector])
    case has([ComplexSelector])
    case lang([String])
    case dynamic(Dynamic)
    /// `:scope`: the root, as no scoping element exists in a document's style sheets.
    case scope
    /// Pseudo-elements: valid, but they never match an element.
    case pseudoElement(String)

    var specificity: Specificity {
        switch self {
        case .universal: return .zero
        case .type: return Specificity(a: 0, b: 0, c: 1)
        case .pseudoElement: return Specificity(a: 0, b: 0, c: 1)
        case .id: return Specificity(a: 1, b: 0, c: 0)
        case .className, .attribute, .structural, .lang, .dynamic, .scope: return Specificity(a: 0, b: 1, c: 0)
        case .nth(let nth):
            return Specificity(a: 0, b: 1, c: 0) + (nth.of.map(Specificity.maximum) ?? .zero)
        case .not(let list), .is(let list), .has(let list): return Specificity.maximum(list)
        case .where: return .zero
        }
    }

    var involvesFocus: Bool {
        switch self {
        case .dynamic(let d): return d == .focus || d == .focusVisible || d == .focusWithin
        case .not(let list), .is(let list), .where(let list), .has(let list):
            return list.contains { $0.involvesFocus }
        case .nth(let nth): return nth.of?.contains { $0.involvesFocus } ?? false
        default: return false
        }
    }
}

struct AttributeSelector: Sendable {
    enum Operator: Sendable {
        case exists, equals, includes, dashMatch, prefix, suffix, substring
    }

    var name: String
    var op: Operator
    var value: String
    var caseInsensitive: Bool
}

/// Pseudo-classes that depend only on the tree and its attributes.
enum Structural: Sendable {
    case root, firstChild, lastChild, onlyChild, firstOfType, lastOfType, onlyOfType, empty
    case link, checked, disabled, enabled, required, optional, readOnly, readWrite, placeholderShown
    case defined
}

/// Pseudo-classes that depend on user interaction. None matches when computing styles;
/// the focus ones match the one element a focus query pretends is focused.
enum Dynamic: Sendable {
    case hover, active, visited, focus, focusVisible, focusWithin, target, never
}

/// `:nth-child(An+B [of S])` and its relatives.
struct NthSelector: Sendable {
    enum Kind: Sendable { case child, lastChild, ofType, lastOfType }
    var kind: Kind
    var a: Int
    var b: Int
    var of: [ComplexSelector]?

    /// True when some n ≥ 0 gives a·n + b = position (1-based).
    func matches(position: Int) -> Bool {
        if a == 0 { return position == b }
        let diff = position - b
        return diff % a == 0 && diff / a >= 0
    }
}

/// Specificity (Selectors 4 §17) as (a, b, c), ordered lexicographically.
public struct Specificity: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var a: Int
    public var b: Int
    public var c: Int

    public init(a: Int, b: Int, c: Int) {
        self.a = a
        self.b = b
        self.c = c
    }

    public static let zero = Specificity(a: 0, b: 0, c: 0)

    static func + (lhs: Specificity, rhs: Specificity) -> Specificity {
        Specificity(a: lhs.a + rhs.a, b: lhs.b + rhs.b, c: lhs.c + rhs.c)
    }

    /// `:is()`, `:not()` and `:has()` take the most specific of their arguments.
    static func maximum(_ list: [ComplexSelector]) -> Specificity {
        list.map(\.specificity).max() ?? .zero
    }

    public static func < (lhs: Specificity, rhs: Specificity) -> Bool {
        (lhs.a, lhs.b, lhs.c) < (rhs.a, rhs.b, rhs.c)
    }

    /// One integer that sorts the same way, for the cascade's sort key.
    var packed: Int { min(a, 1023) << 20 | min(b, 1023) << 10 | min(c, 1023) }

    public var description: String { "(\(a),\(b),\(c))" }
}
