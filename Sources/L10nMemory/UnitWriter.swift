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

    /// The new row's id, or nil when a unit with the same key is stored.
    func insert(_ r: UnitRecord) throws -> Int64? {
        guard let statement else { return nil }
        let texts: [String?] = [r.sourceLanguage, r.targetLanguage, r.sourceKey, r.previousHash, r.nextHash, r.project, r.market,
                                r.shapeKey, r.matchText]
        for (i, text) in texts.enumerated() { bind(text, at: Int32(i + 1)) }
        sqlite3_bind_int64(statement, 10, Int64(r.wordCount))
        let more: [String?] = [r.sourceText, r.sourceCodes, r.targetText, r.targetCodes, r.document, r.origin, r.properties, r.notes]
        for (i, text) in more.enumerated() { bind(text, at: Int32(i + 11)) }
        sqlite3_bind_double(statement, 19, r.createdAt)
        sqlite3_bind_double(statement, 20, r.changedAt)
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        guard code == SQLITE_DONE else { throw prepared.error(code) }
        let connection = sqlite3_db_handle(statement)
        return sqlite3_changes(connection) > 0 ? sqlite3_last_insert_rowid(connection) : nil
    }

    private func bind(_ text: String?, at index: Int32) {
        guard var text else {
            sqlite3_bind_null(statement, index)
            return
        }
        // SQLITE_TRANSIENT (the C macro is a cast of -1): SQLite copies the bytes now.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                _ = sqlite3_bind_text(statement, index, "", 0, transient)
                return
            }
            _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(statement, index, $0, Int32(bytes.count), transient)
            }
        }
    }

    func close() { prepared.close() }
}
