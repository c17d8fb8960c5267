/// What a format reader hands over for one unit, before segmentation: text and codes, each with
/// the byte range it came from. Pieces tile the unit's range with no gap.
public enum Piece: Hashable, Sendable {
    /// Text as the reader decoded it. `verbatim` means the decoded text *is* the raw bytes (so it
    /// may be split anywhere); entities and escapes (`&amp;`, `\*`) are single non-verbatim pieces.
    case text(String, bytes: Range<Int>, verbatim: Bool)
    case code(InlineCode, bytes: Range<Int>)
    /// Text that is the document's own bytes (valid UTF-8, whole characters), not copied into a
    /// string: the builder reads it from the document. What readers emit for plain text; the
    /// same as `.text(<those bytes>, bytes: bytes, verbatim: true)`.
    case verbatim(bytes: Range<Int>)

    public var bytes: Range<Int> {
        switch self {
        case .text(_, let r, _), .code(_, let r), .verbatim(let r): return r
        }
    }
}

/// One unit as a format reader found it.
public struct UnitDraft: Hashable, Sendable {
    public var type: String?
    public var name: String?
    public var pieces: [Piece]
    public var notes: [Note]
    /// Units nested in this one's markup: translatable attribute values (`title`, `alt`) inside
    /// the bytes of one of its code pieces. Each becomes a unit of its own, referenced from that
    /// code (XLIFF 2 `subFlows`), so a translation that moves the code cannot tear its tag apart.
    public var subflows: [UnitDraft]
    /// Its place in a table, when it is a table cell whose row and column are certain.
    public var cell: TableCell?
}

extension UnitDraft {
    // Delegating to the memberwise initializer: see ``TextUnit``'s initializer for why.
    public init(type: String? = nil, name: String? = nil, pieces: [Piece], notes: [Note] = [], subflows: [UnitDraft] = []) {
        self.init(type: type, name: name, pieces: pieces, notes: notes, subflows: subflows, cell: nil)
    }
}
