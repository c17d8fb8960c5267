import Foundation
import L10nCore
import L10nMemory
import L10nTestSupport
import Testing

/// Claims keep runners sharing a memory from paying twice for one sentence: on both engines, and
/// across connections (two stores on one memory stand for two processes).
@Suite struct MemoryClaimTests {
    typealias S = MemoryTestSupport

    @Test(arguments: S.Engine.available) func aClaimedKeyIsNotHandedToAnotherOwner(engine: S.Engine) async throws {
        let location = try engine.newLocation()
        let a = try await MemoryLocation.open(location), b = try await MemoryLocation.open(location)
        let keys = ["k1", "k2", "k3"]
        #expect(try await a.claim(keys: ["k1", "k2"], owner: "runner-a", ttl: .seconds(60)) == ["k1", "k2"])
        #expect(try await b.claim(keys: keys, owner: "runner-b", ttl: .seconds(60)) == ["k3"])
        // Claiming again renews what the owner holds.
        #expect(try await a.claim(keys: keys, owner: "runner-a", ttl: .seconds(60)) == ["k1", "k2"])
        try await a.release(keys: ["k1"], owner: "runner-a")
        try await a.release(keys: ["k3"], owner: "runner-a")  // not a's: left alone
        #expect(try await b.claim(keys: keys, owner: "runner-b", ttl: .seconds(60)) == ["k1", "k3"])
    }

    @Test(arguments: S.Engine.available) func anExpiredClaimIsTakenOver(engine: S.Engine) async throws {
        let store = try await S.store(engine)
        // Seconds, not milliseconds: a loaded CI machine must not let the claim lapse early.
        #expect(try await store.claim(keys: ["k"], owner: "dead", ttl: .seconds(5)) == ["k"])
        #expect(try await store.claim(keys: ["k"], owner: "live", ttl: .seconds(600)).isEmpty)
        try await Task.sleep(for: .milliseconds(5200))
        #expect(try await store.claim(keys: ["k"], owner: "live", ttl: .seconds(60)) == ["k"])
        #expect(try await store.claim(keys: ["k"], owner: "dead", ttl: .seconds(60)).isEmpty)
    }

    /// Many owners race for the same keys over their own connections: each key goes to exactly one.
    @Test(arguments: S.Engine.available) func concurrentOwnersNeverShareAKey(engine: S.Engine) async throws {
        let location = try engine.newLocation()
        let keys = (0..<40).map { "key-\($0)" }
        var stores: [any MemoryStore] = []
        for _ in 0..<4 { stores.append(try await MemoryLocation.open(location)) }
        let won = try await withThrowingTaskGroup(of: Set<String>.self) { group in
            for (i, store) in stores.enumerated() {
                group.addTask { try await store.claim(keys: keys.shuffled(), owner: "owner-\(i)", ttl: .seconds(60)) }
            }
            var all: [Set<String>] = []
            for try await held in group { all.append(held) }
            return all
        }
        #expect(won.reduce(0) { $0 + $1.count } == keys.count, "every key to exactly one owner: \(won.map(\.count))")
        #expect(won.reduce(into: Set<String>()) { $0.formUnion($1) } == Set(keys))
    }

    /// The round a runner makes: claim, translate and store what it holds, wait for the rest; a
    /// sentence whose holder gave up without a translation is taken over (expiry is the same path:
    /// `anExpiredClaimIsTakenOver`). Long TTLs, so no claim lapses on a loaded machine.
    @Test(arguments: S.Engine.available) func waitingEndsWithTheOtherRunnersTranslationOrATakeover(engine: S.Engine) async throws {
        let location = try engine.newLocation()
        let a = try await MemoryLocation.open(location), b = try await MemoryLocation.open(location)
        let paid = S.query("Stainless steel housing."), abandoned = S.query("5-year warranty.")
        #expect(try await a.claim([paid, abandoned], owner: "a", ttl: .seconds(600)).count == 2)
        #expect(try await b.claim([paid, abandoned], owner: "b", ttl: .seconds(600)).isEmpty)

        let landing = Task {
            try await Task.sleep(for: .milliseconds(100))
            try await a.add([S.unit("Stainless steel housing.", "Carcaça de aço inoxidável.")])
            try await a.release(keys: [ClaimKey.key(for: paid)], owner: "a")
            try await Task.sleep(for: .milliseconds(100))
            try await a.release(keys: [ClaimKey.key(for: abandoned)], owner: "a")  // gave up on it
        }
        let result = try await b.waitForTranslations(of: [paid, abandoned], owner: "b", ttl: .seconds(600), pollInterval: .milliseconds(50))
        try await landing.value
        #expect(result.matches[0]?.target == "Carcaça de aço inoxidável.")
        #expect(result.matches[0]?.quality == 100)
        #expect(result.matches[1] == nil)
        #expect(result.claimed == [ClaimKey.key(for: abandoned)])
    }

    @Test func theKeyIsTheExactMatchKey() {
        let plain = S.query("Suitable for all hobs.")
        var brazil = plain
        brazil.market = "br"
        let withCodes = S.query(S.bold("Suitable for ", "all", " hobs.", id: "1"))
        let otherIDs = S.query(S.bold("Suitable for ", "all", " hobs.", id: "7"))
        let neighbours = S.query("Suitable for all hobs.", previous: "Cast iron pan.")
        #expect(ClaimKey.key(for: plain) != ClaimKey.key(for: brazil))
        #expect(ClaimKey.key(for: plain) != ClaimKey.key(for: S.query("Suitable for all hobs.", to: S.de)))
        #expect(ClaimKey.key(for: plain) != ClaimKey.key(for: withCodes))
        #expect(ClaimKey.key(for: withCodes) == ClaimKey.key(for: otherIDs), "code ids never count")
        #expect(ClaimKey.key(for: plain) == ClaimKey.key(for: neighbours), "an exact match is enough not to pay again")
    }
}
