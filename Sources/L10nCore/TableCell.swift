/// Where a unit sits in a table, as its reader found it: so adaptation can read a column's
/// header ("Chest (in)") or a row's label ("Weight (lb)") as the unit of the bare figures under
/// or beside it. Readers give it only where rows and columns are certain (no `colspan` or
/// `rowspan` in the table).
public struct TableCell: Hashable, Sendable, Codable {
    /// The table's number in its document, from 0.
    public var table: Int
    /// The row, from 0, header rows included.
    public var row: Int
    /// The column, from 0, counting empty cells.
    public var column: Int
    /// In a header row (`<th>` or `<thead>` in HTML; the first row of a Markdown table).
    public var isHeader: Bool

    public init(table: Int, row: Int, column: Int, isHeader: Bool) {
        self.table = table
        self.row = row
        self.column = column
        self.isHeader = isHeader
    }
}
