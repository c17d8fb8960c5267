import PostgresNIO

extension PostgresMemoryStore {
    /// One statement: a key nobody holds is inserted, one whose claim expired (on the server's
    /// clock) or that `owner` holds is taken or renewed, and `RETURNING` names exactly those; a
    /// key another live owner holds is left alone. Row locks make two owners claiming one key at
    /// once take turns, and the second sees the first's claim.
    public func claim(keys: [String], owner: String, ttl: Duration) async throws -> Set<String> {
        // Sorted, so that two runners claiming overlapping keys lock them in the same order.
        let keys = Set(keys).sorted()
        guard !keys.isEmpty else { return [] }
        let seconds = Double(ttl.components.seconds) + Double(ttl.components.attoseconds) / 1e18
        return try await withTransaction { connection in
            var held: Set<String> = []
            for try await key in try await connection.query("""
                INSERT INTO l10n_claim (key, owner, expires_at)
                SELECT k, \(owner), clock_timestamp() + make_interval(secs => \(seconds)) FROM unnest(\(keys)::text[]) AS k
                ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
                WHERE l10n_claim.expires_at < clock_timestamp() OR l10n_claim.owner = EXCLUDED.owner
                RETURNING key
                """, logger: Self.logger).decode(String.self) {
                held.insert(key)
            }
            return held
        }
    }

    public func release(keys: [String], owner: String) async throws {
        guard !keys.isEmpty else { return }
        let keys = Set(keys).sorted()
        try await withConnection { connection in
            try await Self.run("DELETE FROM l10n_claim WHERE owner = \(owner) AND key = ANY(\(keys))", on: connection)
        }
    }
}
