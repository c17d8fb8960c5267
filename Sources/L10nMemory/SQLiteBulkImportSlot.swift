import Foundation

/// Where an ``SQLiteMemoryStore`` keeps the ``SQLiteBulkImport`` it runs: the store is a
/// `Sendable` value, the import's state (keys, postings in memory) lives across its batches.
final class SQLiteBulkImportSlot: @unchecked Sendable {
    // @unchecked: `value` is only touched while holding `lock`.
    private let lock = NSLock()
    private var value: SQLiteBulkImport?

    /// The import, leaving the slot empty (so its dictionaries are not shared while it writes).
    func take() -> SQLiteBulkImport? {
        lock.lock()
        defer { lock.unlock() }
        let taken = value
        value = nil
        return taken
    }

    func put(_ bulkImport: SQLiteBulkImport?) {
        lock.lock()
        value = bulkImport
        lock.unlock()
    }

    var isEmpty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value == nil
    }
}
