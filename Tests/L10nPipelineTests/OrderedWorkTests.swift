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
