import GRDB
import GRDBSQLite

/// Reads a term's ``PostingList`` blocks through SQLite's C API, decoding each blob in place:
/// a lookup reads tens of thousands of postings, and copying each block into `Data` first would
/// cost more than decoding it.
///
/// Lives for one read on `db`'s connection; ``close()`` before it ends.
final class PostingReader {
    private let prepared: SQLiteCStatement
    private var statement: OpaquePointer? { prepared.pointer }

    init(_ db: Database) throws {
        prepared = try SQLiteCStatement(db, "SELECT first_unit, entries FROM posting_block WHERE term = ? ORDER BY first_unit")
    }

    /// The units holding `term` whose word count is in `lengths`, ascending.
    func entries(of term: Int64, lengths: ClosedRange<Int>) throws -> [PostingList.Entry] {
        guard let statement else { return [] }
        defer { sqlite3_reset(statement) }
        sqlite3_bind_int64(statement, 1, term)
        var out: [PostingList.Entry] = []
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw prepared.error(code) }
            let first = sqlite3_column_int64(statement, 0)
            guard let blob = sqlite3_column_blob(statement, 1) else { continue }
            PostingList.decode(UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(statement, 1))),
                               first: first, lengths: lengths, into: &out)
        }
        // Blocks never overlap while unit ids only grow; should they not, order them here.
        if out.count > 1, !(1..<out.count).allSatisfy({ out[$0 - 1].unit < out[$0].unit }) { out.sort { $0.unit < $1.unit } }
        return out
    }

    func close() { prepared.close() }
}
