import GRDB
import GRDBSQLite

/// Writes candidate-index postings (`term, length, unit`) through one prepared statement bound
/// with SQLite's C API: an import writes about ten per unit, and building GRDB's
/// `StatementArguments` for each cost more than SQLite's insert itself.
///
/// Lives for one write transaction on `db`'s connection; ``close()`` before the transaction ends.
final class PostingWriter {
    private let db: Database
    private var statement: OpaquePointer?

    init(_ db: Database) throws {
        self.db = db
        let sql = "INSERT OR IGNORE INTO posting (term, length, unit) VALUES (?, ?, ?)"
        let code = sqlite3_prepare_v2(db.sqliteConnection, sql, -1, &statement, nil)
        guard code == SQLITE_OK, statement != nil else { throw error(code) }
    }

    func add(term: Int64, length: Int64, unit: Int64) throws {
        guard let statement else { return }
        sqlite3_bind_int64(statement, 1, term)
        sqlite3_bind_int64(statement, 2, length)
        sqlite3_bind_int64(statement, 3, unit)
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    func close() {
        sqlite3_finalize(statement)
        statement = nil
    }

    deinit { sqlite3_finalize(statement) }

    private func error(_ code: CInt) -> DatabaseError {
        let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: "INSERT OR IGNORE INTO posting")
    }
}
