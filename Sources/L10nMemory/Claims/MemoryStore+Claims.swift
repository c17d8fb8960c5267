import L10nCore

extension MemoryStore {
    /// Claims the sentences of `queries` (their ``ClaimKey``s) for `owner`: the keys held now.
    public func claim(_ queries: [MemoryQuery], owner: String, ttl: Duration) async throws -> Set<String> {
        try await claim(keys: Array(Set(queries.map(ClaimKey.key(for:)))), owner: owner, ttl: ttl)
    }

    /// Waits until every query either has an exact match in the memory (another runner stored its
    /// translation) or is claimed by `owner` (its holder released it or its claim expired, so this
    /// runner takes it over). Polls every `pollInterval`; ends at the latest when the other claims
    /// expire, unless their owners keep renewing them (a live runner still working).
    ///
    /// The usual round for a runner, with `owner` unique to it (host and process id, or the CI job):
    /// 1. `held = claim(queries, owner:ttl:)`; 2. translate the held ones, ``add(_:)`` them,
    /// ``release(keys:owner:)``; 3. `waitForTranslations(of:)` the rest; translate (then add and
    /// release) what it hands back in ``ClaimWaitResult/claimed``, use its matches for the others.
    public func waitForTranslations(of queries: [MemoryQuery], owner: String, ttl: Duration,
                                    pollInterval: Duration = .milliseconds(250)) async throws -> ClaimWaitResult {
        var matches = [MemoryMatch?](repeating: nil, count: queries.count)
        var claimed: Set<String> = []
        var pending = Array(queries.indices)
        while true {
            let found = try await bestMatches(for: pending.map { queries[$0] }, minimumQuality: 100)
            for (index, match) in zip(pending, found) { matches[index] = match }
            pending = pending.filter { matches[$0] == nil }
            let keys = Set(pending.map { ClaimKey.key(for: queries[$0]) }).subtracting(claimed)
            let taken = keys.isEmpty ? [] : try await claim(keys: Array(keys), owner: owner, ttl: ttl)
            if !taken.isEmpty {
                // The holder may have stored its translation and released the claim between the
                // lookup above and this claim: look once more before paying for it.
                let recheck = pending.filter { taken.contains(ClaimKey.key(for: queries[$0])) }
                for (index, match) in zip(recheck, try await bestMatches(for: recheck.map { queries[$0] }, minimumQuality: 100)) {
                    matches[index] = match
                }
                let needed = Set(recheck.filter { matches[$0] == nil }.map { ClaimKey.key(for: queries[$0]) })
                let landed = taken.subtracting(needed)
                if !landed.isEmpty { try await release(keys: Array(landed), owner: owner) }
                claimed.formUnion(needed)
            }
            pending = pending.filter { matches[$0] == nil && !claimed.contains(ClaimKey.key(for: queries[$0])) }
            if pending.isEmpty { return ClaimWaitResult(matches: matches, claimed: claimed) }
            try await Task.sleep(for: pollInterval)
        }
    }
}
