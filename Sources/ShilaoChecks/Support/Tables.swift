import ShilaoCore
import ShilaoDOM

/// The cells of one table (HTML or ARIA) laid out on a grid of slots, as the HTML table model
/// places them: `colspan` and `rowspan` widen a cell, earlier row spans push cells right.
struct TableGrid {
    struct Cell {
        let element: Element
        let row: Int
        let column: Int
        let width: Int
        let height: Int

        func coversColumn(of other: Cell) -> Bool {
            column < other.column + other.width && other.column < column + width
        }

        func coversRow(of other: Cell) -> Bool {
            row < other.row + other.height && other.row < row + height
        }
    }

    private(set) var cells: [Cell] = []

    static let tableRoles: Set<String> = ["table", "grid", "treegrid"]
    static let cellRoles: Set<String> = ["cell", "gridcell", "columnheader", "rowheader"]

    /// The grid of `table`, which has a table role: an HTML `table`'s own rows and cells (nested
    /// tables left out), or the elements with row and cell roles that belong to an ARIA table.
    init(_ table: Element, _ tree: AccessibilityContext) {
        // One walk that stops at nested tables, rather than asking every descendant for its
        // owning table (quadratic in the nesting depth).
        var rows: [Element] = []
        if let role = tree.role(of: table), Self.tableRoles.contains(role) {
            table.walk(from: ()) { element, _ in
                guard element != table else { return () }
                if Self.isRow(element, tree) { rows.append(element) }
                let nestedTable = element.isNamed("table") || tree.role(of: element).map(Self.tableRoles.contains) == true
                return nestedTable ? nil : ()
            }
        }
        var occupied: Set<[Int]> = []
        for (rowIndex, row) in rows.enumerated() {
            var column = 0
            for cell in row.children where Self.isCell(cell, tree) {
                while occupied.contains([rowIndex, column]) { column += 1 }
                let width = cell.isNamed("td") || cell.isNamed("th") ? Self.span(cell, "colspan", limit: 1000) : 1
                let height = cell.isNamed("td") || cell.isNamed("th") ? Self.span(cell, "rowspan", limit: 65534) : 1
                // Rows past the last one are never visited: a rowspan of 65,534 must not fill them.
                for r in rowIndex..<(rowIndex + min(height, rows.count - rowIndex)) {
                    for c in column..<(column + width) { occupied.insert([r, c]) }
                }
                cells.append(Cell(element: cell, row: rowIndex, column: column, width: width, height: height))
                column += width
            }
        }
    }

    /// The nearest ancestor with a table role, unless a nearer `table` element (presentational
    /// or not) or another table stands in between.
    static func owningTable(of element: Element, _ tree: AccessibilityContext) -> Element? {
        for ancestor in element.ancestors {
            if let role = tree.role(of: ancestor), tableRoles.contains(role) { return ancestor }
            if ancestor.isNamed("table") { return nil }
        }
        return nil
    }

    private static func isRow(_ element: Element, _ tree: AccessibilityContext) -> Bool {
        element.isNamed("tr") || tree.role(of: element) == "row"
    }

    private static func isCell(_ element: Element, _ tree: AccessibilityContext) -> Bool {
        element.isNamed("td") || element.isNamed("th") || tree.role(of: element).map(cellRoles.contains) == true
    }

    /// A span attribute as a positive integer; 0, missing or invalid values count as 1.
    private static func span(_ cell: Element, _ attribute: String, limit: Int) -> Int {
        guard let text = cell.attribute(attribute)?.trimmed(.whitespaces),
              let value = Int(text.prefix { $0.isASCII && $0.isNumber }), value > 0 else { return 1 }
        return min(value, limit)
    }
}
