import GRDB
import GRDBSQLite

/// One statement prepared on a GRDB connection for SQLite's C API, for the hot paths where
/// GRDB's argument and row values cost more than the work (``UnitWriter``, ``PostingWriter``,
/// ``PostingReader``): prepared once, finalized on ``close()`` or release, its errors as GRDB's.
///
/// Lives no longer than the access to `db` it was made in.
final class SQLiteCStatement {
    private let db: Database
    private let sql: String
    /// Nil once closed.
    private(set) var pointer: OpaquePointer?

    init(_ db: Database, _ sql: String) throws {
        self.db = db
        self.sql = sql
        let code = sqlite3_prepare_v2(db.sqliteConnection, sql, -1, &pointer, nil)
        guard code == SQLITE_OK, pointer != nil else {
            sqlite3_finalize(pointer)
            pointer = nil
            throw error(code)
        }
    }

    /// Runs a statement that returns no rows and makes it ready for the next bindings.
    func execute() throws {
        guard let pointer else { return }
        let code = sqlite3_step(pointer)
        sqlite3_reset(pointer)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// The connection's error for `code`, naming the statement.
    func error(_ code: CInt) -> DatabaseError {
        let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }

    func close() {
        sqlite3_finalize(pointer)
        pointer = nil
    }

    deinit { sqlite3_finalize(pointer) }
}
