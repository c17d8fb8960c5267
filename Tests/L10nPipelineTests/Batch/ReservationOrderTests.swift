import L10nPipeline
import Testing

/// The order in which a batch run's pages reserve sentences for the engine: later pages wait for
/// earlier ones per target language, a finished page never holds anyone back, and a waiting page
/// can be cancelled.
@Suite struct ReservationOrderTests {
    /// Records the order in which pages got their turn.
    actor Log {
        var entries: [String] = []
        func add(_ entry: String) { entries.append(entry) }
    }

    /// Lets other tasks run (the order's actor and the waiting tasks) a few times.
    static func settle() async {
        for _ in 0..<50 { await Task.yield() }
    }

    @Test func laterPagesWaitForEveryMarketOfTheirLanguageOnEarlierPages() async throws {
        // de and at share German; br is a lane of its own.
        let order = ReservationOrder(lanes: ["de": "de", "at": "de", "br": "pt-BR"])
        let log = Log()
        try await order.turn(page: 0, market: "de")  // the first page never waits
        let second = Task {
            try await order.turn(page: 1, market: "de")
            await log.add("page 1 de")
        }
        await order.pass(page: 0, market: "br")
        try await order.turn(page: 1, market: "br")  // Portuguese is not held back by German
        await log.add("page 1 br")
        await Self.settle()
        #expect(await log.entries == ["page 1 br"], "page 1 waits while page 0 has not reserved for every German market")
        await order.pass(page: 0, market: "de")
        await Self.settle()
        #expect(await log.entries == ["page 1 br"], "one German market of page 0 is not enough")
        await order.pass(page: 0, market: "at")
        try await second.value
        #expect(await log.entries == ["page 1 br", "page 1 de"])
    }

    @Test func aFinishedPageHoldsNoOneBack() async throws {
        let order = ReservationOrder(lanes: ["de": "de"])
        let third = Task { try await order.turn(page: 2, market: "de") }
        await Self.settle()
        await order.finish(page: 1)  // finished before page 0: still in order
        await Self.settle()
        await order.finish(page: 0)  // failed, unchanged or done: page 2 may go
        try await third.value
        // A market the order does not know is never held back.
        try await order.turn(page: 5, market: "jp")
    }

    @Test func aWaitingPageCanBeCancelled() async throws {
        let order = ReservationOrder(lanes: ["de": "de"])
        let waiting = Task { try await order.turn(page: 3, market: "de") }
        await Self.settle()
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        // The order still works for the pages that remain.
        await order.pass(page: 0, market: "de")
        await order.finish(page: 1)
        await order.finish(page: 2)
        try await order.turn(page: 3, market: "de")
    }
}
