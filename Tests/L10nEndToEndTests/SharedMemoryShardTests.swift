import Foundation
import L10nTestSupport
import Testing

/// Many runners, one memory: two `l10n batch` shards running at the same time against one
/// PostgreSQL memory (the test's own cluster) buy every sentence once between them, and together
/// write what one run writes.
@Suite(.enabled(if: TestPostgres.shared != nil, "needs a PostgreSQL test cluster (tools/setup installs postgresql)"),
       .timeLimit(.minutes(5)))
struct SharedMemoryShardTests {
    @Test func twoShardsAtOnceOnOnePostgresMemoryPayOnceAndEqualOneRun() async throws {
        let server = try #require(TestPostgres.shared)
        let fake = try await FakeDeepL.start(key: BatchProjectTests.key)
        // Every page three times: the same sentences land in both shards.
        let single = try BatchProjectTests.project(server: fake.baseURL, copies: 3)
        let sharded = try BatchProjectTests.project(server: fake.baseURL, copies: 3)
        defer {
            try? FileManager.default.removeItem(at: single)
            try? FileManager.default.removeItem(at: sharded)
        }

        let one = try BatchProjectTests.batch(in: single, memory: try server.makeDatabase())
        #expect(one.status == 0, "\(one.stderr)")
        let paidOnce = BatchProjectTests.textsSent(fake)
        #expect(paidOnce > 0)

        // $L10N_TM names the shared memory for both runners, as a CI matrix would.
        let memory = try server.makeDatabase()
        async let first = Task.detached { try BatchProjectTests.batch(["--shard", "1/2"], in: sharded, memory: memory) }.value
        async let second = Task.detached { try BatchProjectTests.batch(["--shard", "2/2"], in: sharded, memory: memory) }.value
        let (a, b) = try await (first, second)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(b.status == 0, "\(b.stderr)")
        for run in [a, b] { #expect(!run.stdout.contains("\n0 page(s) localized"), "each shard had pages: \(run.stdout)") }
        #expect(BatchProjectTests.textsSent(fake) - paidOnce == paidOnce, "no sentence bought by both shards")
        #expect(try BatchProjectTests.snapshot(sharded, ["out/site", "out/xliff"]) == BatchProjectTests.snapshot(single, ["out/site", "out/xliff"]),
                "together the shards wrote what one run wrote")
        for run in [a, b] { #expect(!run.stderr.contains(TestPostgres.secretPassword)) }
        try await fake.stop()
    }
}
