import Foundation
import GRDB

extension SQLiteMemoryStore {
    /// One immediate transaction: it takes SQLite's write lock before reading, so two processes
    /// on one file claim in turn and never both win a key.
    public func claim(keys: [String], owner: String, ttl: Duration) async throws -> Set<String> {
        let keys = Array(Set(keys))
        guard !keys.isEmpty else { return [] }
        let now = Date().timeIntervalSince1970
        let expires = now + Double(ttl.components.seconds) + Double(ttl.components.attoseconds) / 1e18
        return try run {
            try pool.writeWithoutTransaction { db in
                var held: Set<String> = []
                try db.inTransaction(.immediate) {
                    let take = try db.cachedStatement(sql: """
                        INSERT INTO claim (key, owner, expires_at) VALUES (?, ?, ?)
                        ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
                        WHERE claim.expires_at < ? OR claim.owner = excluded.owner
                        """)
                    for key in keys {
                        try take.execute(arguments: [key, owner, expires, now])
                        if db.changesCount > 0 { held.insert(key) }
                    }
                    return .commit
                }
                return held
            }
        }
    }

    public func release(keys: [String], owner: String) async throws {
        guard !keys.isEmpty else { return }
        try run {
            try pool.write { db in
                let drop = try db.cachedStatement(sql: "DELETE FROM claim WHERE key = ? AND owner = ?")
                for key in Set(keys) { try drop.execute(arguments: [key, owner]) }
            }
        }
    }
}
