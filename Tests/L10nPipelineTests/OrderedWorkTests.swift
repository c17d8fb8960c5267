import Foundation
import L10nPipeline
import Testing

@Suite struct OrderedWorkTests {
    struct Stop: Error {}

    @Test(arguments: [1, 2, 3, 8])
    func resultsArriveInInputOrder(jobs: Int) async throws {
        let inputs = Array(0..<200)
        var seen: [Int] = []
        try await OrderedWork.run(inputs, jobs: jobs) { n -> Int in
            // Uneven work, so later inputs often finish first.
            var x = 0
            for i in 0..<((n % 7) * 20_000) { x &+= i }
            return n * 2 + (x & 0)
        } deliver: { index, value in
            #expect(value == index * 2)
            seen.append(index)
        }
        #expect(seen == inputs)
    }

    @Test(arguments: [1, 3])
    func aThrowingDeliveryStopsTheRun(jobs: Int) async throws {
        var delivered: [Int] = []
        await #expect(throws: Stop.self) {
            try await OrderedWork.run(Array(0..<50), jobs: jobs) { $0 } deliver: { index, _ in
                if index == 5 { throw Stop() }
                delivered.append(index)
            }
        }
        #expect(delivered == [0, 1, 2, 3, 4])
    }

    @Test func noInputsIsFine() async throws {
        var delivered = 0
        try await OrderedWork.run([Int](), jobs: 4) { $0 } deliver: { _, _ in delivered += 1 }
        #expect(delivered == 0, "nothing to deliver")
    }
}

extension OrderedWorkTests {
    @Test func aSmallPendingLimitStillDeliversEverythingInOrder() async throws {
        var seen: [Int] = []
        try await OrderedWork.run(Array(0..<100), jobs: 4, pendingLimit: 3, weight: { _ in 2 }) { n -> Int in
            var x = 0
            for i in 0..<(((100 - n) % 5) * 10_000) { x &+= i }
            return n + (x & 0)
        } deliver: { index, value in
            #expect(value == index)
            seen.append(index)
        }
        #expect(seen == Array(0..<100))
    }
}

extension OrderedWorkTests {
    /// Records the order inputs start in, across the jobs' tasks.
    actor StartLog {
        var started: [Int] = []
        func note(_ n: Int) { started.append(n) }
    }

    @Test func theFewCostlyInputsStartFirstAndTheRestKeepTheirOrder() {
        // 100 inputs of cost 1, two of 40 and 30 near the end: with 2 jobs, a share is
        // 175 / 32 = 5, so both start first, the costlier before the other.
        var costs = [Int](repeating: 1, count: 100)
        costs[97] = 30
        costs[90] = 40
        costs[5] = 5  // not above the share: keeps its place
        let order = OrderedWork.startOrder(Array(costs.indices), jobs: 2, cost: { costs[$0] })
        #expect(Array(order.prefix(2)) == [90, 97])
        #expect(Array(order.dropFirst(2)) == Array(0..<100).filter { $0 != 90 && $0 != 97 })
        #expect(OrderedWork.startOrder(Array(costs.indices), jobs: 2, cost: nil) == Array(0..<100))
        #expect(OrderedWork.startOrder([0, 0, 0], jobs: 2, cost: { $0 }) == [0, 1, 2], "nothing costs anything: input order")
    }

    @Test(arguments: [2, 4])
    func costlyInputsStartFirstAndResultsStillArriveInOrder(jobs: Int) async throws {
        let cost: @Sendable (Int) -> Int = { n in n % 50 == 49 ? 1_000 : 1 }  // 49, 99, 149, 199 are large
        let log = StartLog()
        var seen: [Int] = []
        try await OrderedWork.run(Array(0..<200), jobs: jobs, cost: cost) { n -> Int in
            await log.note(n)
            var x = 0
            for i in 0..<(cost(n) * 200) { x &+= i }
            return n + (x & 0)
        } deliver: { index, value in
            #expect(value == index)
            seen.append(index)
        }
        #expect(seen == Array(0..<200))
        let started = await log.started
        #expect(Set(started.prefix(jobs)).isSubset(of: [49, 99, 149, 199]), "the first to start are large: \(started.prefix(jobs))")
        #expect(Set(started) == Set(0..<200))
    }

    /// Costly inputs started early whose results fill the pending limit must not stall the run:
    /// the input delivery waits for still starts.
    @Test(arguments: [2, 3])
    func costlyResultsAtThePendingLimitDoNotStallTheRun(jobs: Int) async throws {
        var seen: [Int] = []
        try await OrderedWork.run(Array(0..<60), jobs: jobs, cost: { $0 >= 50 ? 100 : 1 },
                                  pendingLimit: 10, weight: { $0 >= 50 ? 10 : 1 }) { n -> Int in
            n
        } deliver: { index, value in
            #expect(value == index)
            seen.append(index)
        }
        #expect(seen == Array(0..<60))
    }
}
