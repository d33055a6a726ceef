import ShilaoCore
import ShilaoDOM

/// Per-element judgements of page text, reported without flooding: one CSS rule usually makes
/// a whole list or column too small, so a run of neighbouring elements judged alike is one
/// finding at its first element with the run's length (`key-run`, `{count}`); past `limit`
/// findings, the rest are counted in one `fail.more` / `review.more` finding. Neighbours sit in
/// the same block, sibling blocks, or blocks whose parents are siblings (items of one list,
/// cells of one column); passing text in between (a list's dates) does not end a run.
struct TextJudgements {
    struct Item {
        let element: Element
        /// The block the text lays out in (a paragraph, list item, cell).
        let block: Element
        let outcome: Outcome
        let key: String
        let data: [String: String]
    }

    static let limit = 20
    private(set) var items: [Item] = []

    mutating func pass(_ element: Element) {
        items.append(Item(element: element, block: element, outcome: .passed, key: "pass", data: [:]))
    }

    mutating func add(_ element: Element, block: Element, _ outcome: Outcome, _ key: String, _ data: [String: String]) {
        items.append(Item(element: element, block: block, outcome: outcome, key: key, data: data))
    }

    static func areNeighbours(_ a: Element, _ b: Element) -> Bool {
        if a == b || a.parent == b.parent { return true }
        guard let up = a.parent?.parent else { return false }
        return up == b.parent?.parent
    }

    /// Records the runs; a page where everything judged passed gets one pass.
    func report(into results: inout Results) {
        var runs: [(first: Item, count: Int)] = []
        var last: Item?
        for item in items where item.outcome != .passed {
            if let last, last.outcome == item.outcome, last.key == item.key, last.data == item.data,
               TextJudgements.areNeighbours(last.block, item.block) {
                runs[runs.count - 1].count += 1
            } else {
                runs.append((item, 1))
            }
            last = item
        }
        if runs.isEmpty {
            if let first = items.first { results.pass(first.element) }
            return
        }
        for (first, count) in runs.prefix(Self.limit) {
            var data = first.data
            if count > 1 { data["count"] = String(count) }
            record(first.outcome, first.element, count > 1 ? first.key + "-run" : first.key, data, into: &results)
        }
        for outcome in [Outcome.failed, .needsReview] {
            let rest = runs.dropFirst(Self.limit).filter { $0.first.outcome == outcome }
            guard let first = rest.first else { continue }
            let count = rest.reduce(0) { $0 + $1.count }
            record(outcome, first.first.element, outcome == .failed ? "fail.more" : "review.more", ["count": String(count)], into: &results)
        }
    }

    private func record(_ outcome: Outcome, _ element: Element, _ key: String, _ data: [String: String], into results: inout Results) {
        if outcome == .failed {
            results.fail(element, key, data)
        } else {
            results.review(element, key, data)
        }
    }
}
