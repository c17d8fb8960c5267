import Foundation
import L10nCore
import L10nMemory
import L10nTestSupport
import Testing

/// What only the PostgreSQL engine does: logins, an unreachable server, a database that is not a
/// memory, schema versions; messages name the URL and never the password.
@Suite(.enabled(if: TestPostgres.shared != nil, "needs a PostgreSQL test cluster (tools/setup installs postgresql)"))
struct PostgresMemoryStoreTests {
    typealias S = MemoryTestSupport

    var server: TestPostgres { TestPostgres.shared! }

    @Test func anUnreachableServerIsNamedWithoutThePassword() async throws {
        let url = "postgres://ci:hunter2@127.0.0.1:\(try TestPostgres.freePort())/tm"
        let error = try await #require(throws: MemoryError.self) { try await MemoryLocation.open(url) }
        #expect(error.code == .unreachable)
        #expect(error.exitCategory == .unavailable)
        #expect(error.description.contains("postgres://ci@127.0.0.1:"))
        #expect(!error.description.contains("hunter2"))
    }

    @Test func aWrongPasswordIsAnAuthenticationError() async throws {
        let database = try server.makeDatabase(owner: TestPostgres.secretUser)
        let wrong = database.replacingOccurrences(of: "\(TestPostgres.secretUser)@", with: "\(TestPostgres.secretUser):hunter2@")
        let error = try await #require(throws: MemoryError.self) { try await MemoryLocation.open(wrong) }
        #expect(error.code == .authentication)
        #expect(!error.description.contains("hunter2"))
        let none = try await #require(throws: MemoryError.self) { try await MemoryLocation.open(database, environment: [:]) }
        #expect(none.code == .authentication)
    }

    @Test func thePasswordComesFromTheURLOrPGPASSWORD() async throws {
        let database = try server.makeDatabase(owner: TestPostgres.secretUser)
        let store = try await MemoryLocation.open(database, environment: ["PGPASSWORD": TestPostgres.secretPassword])
        #expect(try await store.add([S.unit("Colour", "Cor")]) == 1)
        #expect(!store.location.contains(TestPostgres.secretPassword))
        let inURL = database.replacingOccurrences(of: "\(TestPostgres.secretUser)@", with: "\(TestPostgres.secretUser):\(TestPostgres.secretPassword)@")
        let again = try await MemoryLocation.open(inURL, create: false, environment: [:])
        #expect(try await again.stats().units == 1)
        #expect(again.location == database)
    }

    @Test func anEmptyDatabaseIsMissingWhenTheMemoryMustExist() async throws {
        let url = try server.makeDatabase()
        let error = try await #require(throws: MemoryError.self) { try await MemoryLocation.open(url, create: false) }
        #expect(error.code == .missing)
        #expect(error.description.hasPrefix(url + ": translation memory:"))
        let absent = url + "_absent"
        let noDatabase = try await #require(throws: MemoryError.self) { try await MemoryLocation.open(absent) }
        #expect(noDatabase.code == .missing)
    }

    @Test func aMemoryFromANewerVersionIsRefused() async throws {
        let url = try server.makeDatabase()
        let stats = try await MemoryLocation.open(url).stats()
        #expect(stats.schemaVersion == "v6-compact-match-text")
        try server.psql("INSERT INTO l10n_migration (identifier) VALUES ('v9-future')", database: String(url.split(separator: "/").last!))
        let error = try await #require(throws: MemoryError.self) { try await MemoryLocation.open(url) }
        #expect(error.code == .schemaVersion)
        #expect(error.description.contains("v9-future"))
    }

    /// Runners that start together migrate the schema once, under the advisory lock.
    @Test func runnersOpeningAtOnceMigrateOnce() async throws {
        let url = try server.makeDatabase()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { _ = try await MemoryLocation.open(url) } }
            try await group.waitForAll()
        }
        #expect(try await MemoryLocation.open(url).stats().units == 0)
    }
}
