import Foundation
import GRDB
import L10nCore
import L10nMemory
import L10nTestSupport
import Testing

/// What only the SQLite engine does: files that are not memories, WAL.
@Suite struct SQLiteMemoryStoreTests {
    typealias S = MemoryTestSupport

    @Test func aFileThatIsNotADatabaseIsNamedAsCorrupt() throws {
        let path = try TemporaryDirectory.make("l10n-tm").appendingPathComponent("notes.sqlite").path
        try Data("These are my notes, not a database. ".utf8.map { $0 } + Array(repeating: 0x41, count: 4096)).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: MemoryError.self) { try SQLiteMemoryStore(path: path) }
        #expect(error.code == .corrupt)
        #expect(error.exitCategory == .dataError)
        #expect(error.description.hasPrefix(path + ": translation memory:"))
    }

    @Test func anotherProgramsDatabaseIsForeign() throws {
        let path = try TemporaryDirectory.make("l10n-tm").appendingPathComponent("app.sqlite").path
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE contacts (name TEXT)") }
        let error = try #require(throws: MemoryError.self) { try SQLiteMemoryStore(path: path) }
        #expect(error.code == .foreign)
        #expect(error.description.contains(path))
    }

    @Test func aMemoryFromANewerVersionIsRefused() throws {
        let path = try TemporaryDirectory.make("l10n-tm").appendingPathComponent("new.sqlite").path
        _ = try SQLiteMemoryStore(path: path)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')") }
        let error = try #require(throws: MemoryError.self) { try SQLiteMemoryStore(path: path) }
        #expect(error.code == .schemaVersion)
        #expect(error.description.contains("v9-future"))
        #expect(error.description.contains(path))
    }

    @Test func aMissingMemoryIsReportedWhenItMustExist() throws {
        let path = try TemporaryDirectory.make("l10n-tm").appendingPathComponent("absent.sqlite").path
        let error = try #require(throws: MemoryError.self) { try SQLiteMemoryStore(path: path, create: false) }
        #expect(error.code == .missing)
        #expect(error.exitCategory == .noInput)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func theDatabaseIsInWALMode() async throws {
        let store = try await S.store()
        let mode = try await DatabaseQueue(path: store.location).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }
}
