/// A style rule that applies in this page and viewport, in cascade order.
struct ActiveRule {
    let rule: StyleRule
    let origin: StyleOrigin
    /// The sheet's URL, or `<style>` for an embedded sheet.
    let sheet: String
}

/// Selectors bucketed by the most selective part of their subject compound (id, then class,
/// then an attribute's exact value or prefix, then tag, else universal), as browsers do, so an
/// element is only tested against selectors that could match it.
/// A class: the engine reads it for every element, and a struct of dictionaries was copied
/// (retained and released) on each read.
final class RuleIndex: Sendable {
    struct Entry {
        let selector: ComplexSelector
        let rule: Int
        /// Origin, specificity and rule order in one integer that sorts in cascade order.
        let key: Int
        /// Groups of features of which an ancestor must have at least one each: the
        /// alternatives of an `:is()` or `:where()` in an ancestor compound, one filter each.
        let ancestorAlternatives: [[AncestorFilter]]
    }

    /// The entries under one key, each with the features some ancestor must have for it to
    /// match, kept in a dense array of their own: an element's filter rejects most of a big
    /// bucket, and the scan reads only the filters.
    struct Bucket {
        let filters: [AncestorFilter]
        let entries: [Entry]

        init(_ filtered: [Filtered]) {
            self.filters = filtered.map(\.ancestors)
            self.entries = filtered.map(\.entry)
        }
    }

    typealias Filtered = (entry: Entry, ancestors: AncestorFilter)

    private let byID: [String: Bucket]
    private let byClass: [String: Bucket]
    private let byAttribute: [String: AttributeBucket]
    private let byTag: [String: Bucket]
    private let universal: Bucket

    /// Selectors keyed by one attribute's `[name=value]` or `[name^=prefix]` test. A sheet of
    /// `a[href^='/path']` rules would otherwise try every one on every link; here a link costs
    /// one look-up per distinct prefix length.
    private struct AttributeBucket {
        let exact: [String: Bucket]
        let prefixes: [String: Bucket]
        /// The distinct prefix lengths in UTF-8 bytes, ascending.
        let prefixLengths: [Int]

        init(_ entries: [(filtered: Filtered, selector: AttributeSelector)]) {
            var exact: [String: [Filtered]] = [:]
            var prefixes: [String: [Filtered]] = [:]
            for (filtered, selector) in entries {
                if selector.op == .equals {
                    exact[selector.value, default: []].append(filtered)
                } else {
                    prefixes[selector.value, default: []].append(filtered)
                }
            }
            self.exact = exact.mapValues(Bucket.init)
            self.prefixes = prefixes.mapValues(Bucket.init)
            self.prefixLengths = Set(prefixes.keys.map(\.utf8.count)).sorted()
        }

        func candidates(for value: String, _ test: (Bucket?) -> Void) {
            test(exact[value])
            let bytes = value.utf8
            for length in prefixLengths {
                guard length <= bytes.count else { break }
                // A cut through a character decodes to U+FFFD and finds nothing the matcher would keep.
                test(prefixes[String(decoding: bytes.prefix(length), as: UTF8.self)])
            }
        }
    }

    /// Attribute tests the index can key on: the value is compared as code points (no `i`
    /// flag) and `^=` has something to compare.
    private static func indexable(_ simple: SimpleSelector) -> AttributeSelector? {
        guard case .attribute(let selector) = simple, !selector.caseInsensitive else { return nil }
        switch selector.op {
        case .equals: return selector
        case .prefix: return selector.value.isEmpty ? nil : selector
        default: return nil
        }
    }

    /// In quirks mode the table holds lower-cased ids and classes, so the keys are lower-cased too.
    /// `including` picks the selectors indexed (all by default) and `start` the first rule;
    /// rule numbers stay those of `rules`.
    init(rules: [ActiveRule], from start: Int = 0, quirks: Bool, including: (ComplexSelector) -> Bool = { _ in true }) {
        func fold(_ value: String) -> String { quirks ? value.asciiLowercased : value }
        var byID: [String: [Filtered]] = [:]
        var byClass: [String: [Filtered]] = [:]
        var byAttribute: [String: [(filtered: Filtered, selector: AttributeSelector)]] = [:]
        var byTag: [String: [Filtered]] = [:]
        var universal: [Filtered] = []
        for ruleIndex in start..<max(start, rules.count) {
            let active = rules[ruleIndex]
            let originRank = active.origin == .userAgent ? 0 : 1
            for selector in active.rule.selectors where including(selector) {
                let key = originRank << 58 | selector.specificity.packed << 26 | ruleIndex
                let (hashes, alternatives) = RuleIndex.ancestorFeatures(selector, quirks: quirks)
                let filtered: Filtered = (Entry(selector: selector, rule: ruleIndex, key: key,
                                                ancestorAlternatives: alternatives.map { $0.map { AncestorFilter([$0]) } }),
                                          AncestorFilter(hashes))
                let subject = selector.compounds[0]
                var id: String?
                var className: String?
                var tag: String?
                var attribute: AttributeSelector?
                for simple in subject {
                    switch simple {
                    case .id(let value): id = fold(value)
                    case .className(let value): className = className ?? fold(value)
                    case .type(let value): tag = value
                    default: attribute = attribute ?? RuleIndex.indexable(simple)
                    }
                }
                if let id {
                    byID[id, default: []].append(filtered)
                } else if let className {
                    byClass[className, default: []].append(filtered)
                } else if let attribute {
                    byAttribute[attribute.name, default: []].append((filtered, attribute))
                } else if let tag {
                    byTag[tag, default: []].append(filtered)
                } else {
                    universal.append(filtered)
                }
            }
        }
        self.byID = byID.mapValues(Bucket.init)
        self.byClass = byClass.mapValues(Bucket.init)
        self.byAttribute = byAttribute.mapValues(AttributeBucket.init)
        self.byTag = byTag.mapValues(Bucket.init)
        self.universal = Bucket(universal)
    }

    /// The tags, ids and classes of compounds that must be ancestors of the subject: those
    /// reached from it through descendant and child combinators only. An `:is()`/`:where()`
    /// there whose alternatives are single compounds adds a group: each alternative's first
    /// feature, one of which some ancestor must have (`ul li:is(.c1, .d1) span`).
    static func ancestorFeatures(_ selector: ComplexSelector, quirks: Bool) -> (all: [Int], anyOf: [[Int]]) {
        func fold(_ value: String) -> String { quirks ? value.asciiLowercased : value }
        func feature(_ simple: SimpleSelector) -> Int? {
            switch simple {
            case .type(let name): return AncestorFilter.hash(tag: name)
            case .id(let id): return AncestorFilter.hash(id: fold(id))
            case .className(let name): return AncestorFilter.hash(className: fold(name))
            default: return nil
            }
        }
        var hashes: [Int] = []
        var groups: [[Int]] = []
        for (position, combinator) in selector.combinators.enumerated() {
            guard combinator == .descendant || combinator == .child else { break }
            for simple in selector.compounds[position + 1] {
                if let hash = feature(simple) { hashes.append(hash) }
                switch simple {
                case .is(let list), .where(let list):
                    let group = list.map { alternative -> Int? in
                        guard alternative.compounds.count == 1 else { return nil }
                        return alternative.compounds[0].lazy.compactMap(feature).first
                    }
                    if !group.isEmpty, group.allSatisfy({ $0 != nil }) { groups.append(group.compactMap { $0 }) }
                default: break
                }
            }
        }
        return (hashes, groups)
    }

    /// Matched rules for one element as (rule, sort key), in cascade order.
    func matches(_ element: Int, table: ElementTable, matcher: SelectorMatcher) -> [(rule: Int, key: Int)] {
        var result: [(rule: Int, key: Int)] = []
        let filter = table.ancestorFilters[element]
        func test(_ bucket: Bucket?) {
            guard let bucket else { return }
            for (position, required) in bucket.filters.enumerated() where filter.contains(all: required) {
                let entry = bucket.entries[position]
                if entry.ancestorAlternatives.allSatisfy({ $0.contains(where: filter.contains(all:)) }),
                   matcher.matches(entry.selector, element) {
                    result.append((entry.rule, entry.key))
                }
            }
        }
        if let id = table.ids[element] { test(byID[id]) }
        // Each class once, or a selector bucketed under a repeated class would apply twice.
        let classes = table.classes[element]
        for (position, name) in classes.enumerated() where !classes[..<position].contains(name) {
            test(byClass[name])
        }
        for (name, bucket) in byAttribute {
            if let value = table.attribute(element, name) { bucket.candidates(for: value, test) }
        }
        test(byTag[table.names[element]])
        test(universal)
        result.sort { $0.key < $1.key }
        return result
    }
}
