import ShilaoCore

/// ACT 2t702h: the `summary` that opens and closes a `details` (its first `summary` child) has
/// a name, so screen-reader users know what the hidden part holds.
struct SummaryName: BuiltInCheck {
    static let id = "summary-name"

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        for details in page.document.elements(named: "details") {
            guard let summary = details.firstChild(named: "summary"), !tree.isHidden(summary) else { continue }
            results.judgeName(of: summary, in: tree)
        }
    }
}
