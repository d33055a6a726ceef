import ShilaoCore
import ShilaoDOM

/// ACT d0f69e: every column or row header in a table heads at least one cell, either by its
/// position (cells below a column header, right of a row header, that carry no `headers`
/// attribute of their own; a row-group header heads the rest of its group) or because a cell's
/// `headers` attribute names it.
struct THHasDataCells: BuiltInCheck {
    static let id = "th-has-data-cells"

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        for table in page.document.elements {
            guard let role = tree.role(of: table), TableGrid.tableRoles.contains(role), !tree.isHidden(table) else { continue }
            let cells = TableGrid(table, tree).cells
            for header in cells {
                let headerRole = tree.role(of: header.element)
                guard headerRole == "columnheader" || headerRole == "rowheader", !tree.isHidden(header.element) else { continue }
                let id = header.element.attribute("id")
                // A `scope="rowgroup"` header heads the rest of its row group, below it as well.
                let rowGroupHeader = header.element.attribute("scope")?.trimmed(.whitespaces).lowercased() == "rowgroup"
                let heads = cells.contains { cell in
                    guard cell.element != header.element else { return false }
                    if let headers = cell.element.attribute("headers"), !headers.allSatisfy(\.quickIsWhitespace) {
                        return id.map(headers.whitespaceTokens.contains) ?? false
                    }
                    if rowGroupHeader {
                        return cell.element.parent?.parent == header.element.parent?.parent && cell.row >= header.row
                    }
                    return headerRole == "columnheader"
                        ? cell.row >= header.row + header.height && cell.coversColumn(of: header)
                        : cell.column >= header.column + header.width && cell.coversRow(of: header)
                }
                if heads {
                    results.pass(header.element)
                } else {
                    results.fail(header.element)
                }
            }
        }
    }
}
