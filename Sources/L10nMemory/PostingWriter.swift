import GRDB
import GRDBSQLite

/// Writes a batch's candidate-index postings as ``PostingList`` blocks (`posting_block`) and
/// their document frequencies (`term`), through statements bound with SQLite's C API.
///
/// Postings are collected per term while the batch's units are inserted, then written in term
/// order at ``flush()``: one block row per distinct word of the batch, appended to the term's
/// last block while that is small (so many small batches, as `tm learn` writes, do not leave a
/// lookup thousands of tiny blocks to read), else a new block.
///
/// Lives for one write transaction on `db`'s connection; ``flush()`` before it ends.
final class PostingWriter {
    /// A block at or above this many entries is not appended to: appending rewrites the blob.
    static let appendLimit = 512

    private var pending: [Int64: [PostingList.Entry]] = [:]
    private let lastBlock, update, insert, frequency: SQLiteCStatement
    private var last: OpaquePointer? { lastBlock.pointer }

    init(_ db: Database) throws {
        lastBlock = try SQLiteCStatement(db, "SELECT first_unit, last_unit, count, entries FROM posting_block WHERE term = ? ORDER BY first_unit DESC LIMIT 1")
        update = try SQLiteCStatement(db, "UPDATE posting_block SET last_unit = ?, count = ?, entries = ? WHERE term = ? AND first_unit = ?")
        insert = try SQLiteCStatement(db, "INSERT INTO posting_block (term, first_unit, last_unit, count, entries) VALUES (?, ?, ?, ?, ?)")
        frequency = try SQLiteCStatement(db, "INSERT INTO term (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df")
    }

    /// Records that `unit` (of `length` words) holds `term`; units must come in ascending order.
    func add(term: Int64, length: Int, unit: Int64) {
        pending[term, default: []].append(PostingList.Entry(unit: unit, length: length))
    }

    /// Writes what was recorded since the last flush.
    func flush() throws {
        try write(pending)
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes `postings` (each term's units ascending, above those it already has), in term
    /// order, and adds their counts to the terms' document frequencies.
    func write(_ postings: [Int64: [PostingList.Entry]]) throws {
        var bytes: [UInt8] = []
        for term in postings.keys.sorted() {
            let entries = postings[term]!
            try write(term: term, entries: entries[...], bytes: &bytes)
            try step(frequency, term, Int64(entries.count))
        }
    }

    private func write(term: Int64, entries: ArraySlice<PostingList.Entry>, bytes: inout [UInt8]) throws {
        guard let first = entries.first else { return }
        var rest = entries
        bytes.removeAll(keepingCapacity: true)
        sqlite3_bind_int64(last, 1, term)
        let code = sqlite3_step(last)
        if code == SQLITE_ROW, sqlite3_column_int64(last, 1) < first.unit, sqlite3_column_int64(last, 2) < Self.appendLimit {
            let blockFirst = sqlite3_column_int64(last, 0), blockLast = sqlite3_column_int64(last, 1)
            let count = sqlite3_column_int64(last, 2)
            if let blob = sqlite3_column_blob(last, 3) {
                bytes.append(contentsOf: UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(last, 3))))
            }
            sqlite3_reset(last)
            // Filled up to a rebuilt block's size; what is left goes into blocks of its own.
            let appended = rest.prefix(SQLiteMemoryStore.rebuiltBlockSize - Int(count))
            rest = rest.dropFirst(appended.count)
            PostingList.encode(appended, after: blockLast, into: &bytes)
            try step(update, appended.last!.unit, count + Int64(appended.count), .blob(bytes), .int(term), .int(blockFirst))
        } else {
            sqlite3_reset(last)
            guard code == SQLITE_ROW || code == SQLITE_DONE else { throw lastBlock.error(code) }
        }
        // New blocks of at most a rebuilt block's size, as the v4 rebuild writes them: a bulk
        // import writes a common word's hundreds of thousands of units at once, which would
        // otherwise be one blob of megabytes.
        while let blockFirst = rest.first {
            let block = rest.prefix(SQLiteMemoryStore.rebuiltBlockSize)
            rest = rest.dropFirst(block.count)
            bytes.removeAll(keepingCapacity: true)
            PostingList.encode(block, after: blockFirst.unit, into: &bytes)
            try step(insert, term, blockFirst.unit, .int(block.last!.unit), .int(Int64(block.count)), .blob(bytes))
        }
    }

    /// A statement's values, bound without boxing them as `Any` (one per term of a batch, three times).
    private enum Value {
        case int(Int64)
        case blob([UInt8])
    }

    private func step(_ prepared: SQLiteCStatement, _ a: Int64, _ b: Int64, _ rest: Value...) throws {
        let statement = prepared.pointer
        sqlite3_bind_int64(statement, 1, a)
        sqlite3_bind_int64(statement, 2, b)
        for (i, value) in rest.enumerated() {
            let index = Int32(i + 3)
            switch value {
            case .int(let v): sqlite3_bind_int64(statement, index, v)
            case .blob(let v):
                // SQLITE_TRANSIENT (the C macro is a cast of -1): SQLite copies the bytes now.
                let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
                _ = v.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), transient) }
            }
        }
        try prepared.execute()
    }

    func close() {
        for statement in [lastBlock, update, insert, frequency] { statement.close() }
    }
}
