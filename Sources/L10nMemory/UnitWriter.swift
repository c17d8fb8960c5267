import GRDB
import GRDBSQLite

/// Inserts unit rows through one prepared statement bound with SQLite's C API: building GRDB's
/// `StatementArguments` for the 20 columns of every unit cost a third of the insert.
///
/// Lives for one write transaction on `db`'s connection; ``close()`` before it ends.
final class UnitWriter {
    private let prepared: SQLiteCStatement
    private var statement: OpaquePointer? { prepared.pointer }

    init(_ db: Database) throws {
        let sql = """
            INSERT INTO unit (source_language, target_language, source_key, previous_hash, next_hash, project, market,
            shape_key, match_text, word_count, source_text, source_codes, target_text, target_codes, document, origin, properties,
            notes, created_at, changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """
        prepared = try SQLiteCStatement(db, sql)
    }

    /// The record's text columns, copied into one buffer per row and bound without SQLite
    /// copying each (SQLITE_STATIC): 17 bound copies and their frees cost more than the insert.
    private var buffer: [UInt8] = []
    /// Where each text column ends in `buffer` (-1: NULL), reused from row to row.
    private var ends: [Int] = []

    /// The new row's id, or nil when a unit with the same key is stored.
    func insert(_ r: UnitRecord) throws -> Int64? {
        guard let statement else { return nil }
        // Parameters 1–9 and 11–18 are text (18: notes), 10 the word count, 19–20 the times.
        // Appended one by one (no array of the 17 strings, each retained and released per row),
        // into local copies of the reused buffers (no exclusivity check per append).
        var buffer = self.buffer, ends = self.ends
        self.buffer = []
        self.ends = []
        buffer.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        func append(_ text: String?) {
            guard let text else { return ends.append(-1) }
            // The UTF-8 view is copied in one go (contiguous UTF-8), without copying the string.
            buffer.append(contentsOf: text.utf8)
            ends.append(buffer.count)
        }
        append(r.sourceLanguage); append(r.targetLanguage); append(r.sourceKey); append(r.previousHash); append(r.nextHash)
        append(r.project); append(r.market); append(r.shapeKey); append(r.matchText); append(r.sourceText); append(r.sourceCodes)
        append(r.targetText); append(r.targetCodes); append(r.document); append(r.origin); append(r.properties); append(r.notes)
        defer { (self.buffer, self.ends) = (buffer, ends) }
        let code = buffer.withUnsafeBufferPointer { bytes -> CInt in
            let base = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
            var start = 0
            for (i, end) in ends.enumerated() {
                let index = Int32(i < 9 ? i + 1 : i + 2)
                if end < 0 {
                    sqlite3_bind_null(statement, index)
                } else {
                    // SQLITE_STATIC (a null destructor): the bytes outlive the step below.
                    sqlite3_bind_text(statement, index, base + start, Int32(end - start), nil)
                    start = end
                }
            }
            sqlite3_bind_int64(statement, 10, Int64(r.wordCount))
            sqlite3_bind_double(statement, 19, r.createdAt)
            sqlite3_bind_double(statement, 20, r.changedAt)
            let code = sqlite3_step(statement)
            // Every parameter is bound again for the next row; reset drops no binding, and the
            // buffer's bytes stay valid until then.
            sqlite3_reset(statement)
            return code
        }
        guard code == SQLITE_DONE else { throw prepared.error(code) }
        let connection = sqlite3_db_handle(statement)
        return sqlite3_changes(connection) > 0 ? sqlite3_last_insert_rowid(connection) : nil
    }

    func close() { prepared.close() }
}
