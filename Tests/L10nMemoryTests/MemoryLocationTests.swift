import Foundation
import L10nMemory
import Testing

/// `--tm` values: paths and PostgreSQL URLs, and a password that is never shown.
@Suite struct MemoryLocationTests {
    @Test func aPathIsAnSQLiteFile() throws {
        #expect(try MemoryLocation("tm.sqlite", environment: [:]) == .file("tm.sqlite"))
        #expect(try MemoryLocation("/var/cache/l10n/tm.sqlite", environment: [:]).description == "/var/cache/l10n/tm.sqlite")
    }

    @Test func aURLIsAPostgreSQLDatabase() throws {
        guard case .postgres(let pg) = try MemoryLocation("postgres://ci:p%40ss@db.internal:6543/catalogue", environment: [:]) else {
            Issue.record("not read as PostgreSQL")
            return
        }
        #expect(pg.host == "db.internal")
        #expect(pg.port == 6543)
        #expect(pg.user == "ci")
        #expect(pg.password == "p@ss")
        #expect(pg.database == "catalogue")
        #expect(pg.tls == .prefer)
        #expect(pg.description == "postgres://ci@db.internal:6543/catalogue")
    }

    @Test func defaultsFollowLibpq() throws {
        let env = ["PGPASSWORD": "from-env", "USER": "builder"]
        guard case .postgres(let pg) = try MemoryLocation("postgresql://localhost?sslmode=disable", environment: env) else {
            Issue.record("not read as PostgreSQL")
            return
        }
        #expect(pg.port == 5432)
        #expect(pg.user == "builder")
        #expect(pg.database == "builder")
        #expect(pg.password == "from-env")
        #expect(pg.tls == .disable)
        #expect(pg.description == "postgres://builder@localhost:5432/builder?sslmode=disable")
        // The URL's password wins over the environment's.
        guard case .postgres(let given) = try MemoryLocation("postgres://u:mine@h/d", environment: env) else { return }
        #expect(given.password == "mine")
    }

    @Test func thePasswordNeverAppearsInErrors() throws {
        for bad in ["postgres://u:hunter2@h:99999/d", "postgres://u:hunter2@h/d?sslmode=verify-full", "postgres://u:hunter2@h/d?pool=9",
                    "mysql://u:hunter2@h/d"] {
            let error = try #require(throws: MemoryError.self) { try MemoryLocation(bad, environment: [:]) }
            #expect(error.code == .invalidLocation)
            #expect(!error.description.contains("hunter2"), "\(error.description)")
            #expect(error.exitCategory == .usage)
        }
    }

    @Test func redactionDropsOnlyThePassword() {
        #expect(PostgresLocation.redact("postgres://u:pw@h:1/d") == "postgres://u@h:1/d")
        #expect(PostgresLocation.redact("postgres://u:p:w@h/d?x=1") == "postgres://u@h/d?x=1")
        #expect(PostgresLocation.redact("postgres://u@h/d") == "postgres://u@h/d")
        #expect(PostgresLocation.redact("tm.sqlite") == "tm.sqlite")
    }
}
