import ShilaoCore
import ShilaoDOM

/// ACT a25f45: each id in a cell's `headers` attribute names another cell of the same table.
struct TDHeadersAttr: BuiltInCheck {
    static let id = "td-headers-attr"

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        let ids = tree.idIndex
        for table in page.document.elements where table.isNamed("table") {
            guard let role = tree.role(of: table), TableGrid.tableRoles.contains(role), !tree.isHidden(table) else { continue }
            for cell in TableGrid(table, tree).cells.map(\.element) {
                guard let headers = cell.attribute("headers"), !headers.allSatisfy(\.quickIsWhitespace) else { continue }
                let wrong = headers.whitespaceTokens.first { id in
                    guard let target = ids[id], target != cell else { return true }
                    return !(target.isNamed("td") || target.isNamed("th")) || TableGrid.owningTable(of: target, tree) != table
                }
                if let wrong {
                    results.fail(cell, "fail", ["id": wrong])
                } else {
                    results.pass(cell)
                }
            }
        }
    }
}
