import Foundation

/// Runs a job per input with bounded concurrency and hands the results back **in input order**,
/// so a run with several jobs prints the same messages and writes the same bytes as a run with
/// one.
///
/// At most `jobs` inputs are worked on at once. Results that finish before an earlier, slower
/// input wait for it, but no new input is started while `16 × jobs` results, or results
/// weighing `pendingLimit` (bytes, by `weight`), are waiting: memory stays bounded by the
/// largest inputs in flight, however many inputs there are, while a large file does not leave
/// the other jobs idle.
///
/// Given each input's `cost` (its size), the few inputs that cost more than a share of the whole
/// start first: a large file met near the end of the list would otherwise run alone while the
/// other jobs, their inputs done, wait for it. Delivery stays in input order.
package enum OrderedWork {
    /// The default for `--jobs`: every core this process may use.
    package static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Calls `work` for every input (up to `jobs` at a time) and `deliver` with each
    /// result, in input order, on the calling task. When `deliver` throws, the inputs not started
    /// yet are skipped, the running ones are awaited, and the error is rethrown.
    package static func run<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], jobs: Int, cost: ((Input) -> Int)? = nil,
        pendingLimit: Int = 64 << 20, weight: (Output) -> Int = { _ in 0 },
        work: @escaping @Sendable (Input) async -> Output,
        deliver: (Int, Output) throws -> Void
    ) async throws {
        if jobs <= 1 || inputs.count <= 1 {
            for (index, input) in inputs.enumerated() { try deliver(index, await work(input)) }
            return
        }
        let window = jobs * 16
        let order = startOrder(inputs, jobs: jobs, cost: cost)
        try await withThrowingTaskGroup(of: (Int, Output).self) { group in
            var started = [Bool](repeating: false, count: inputs.count)
            var cursor = 0      // next place in `order` to look for an input not started
            var delivered = 0   // next result to deliver
            var running = 0
            var ready: [Int: Output] = [:]
            var pending = 0  // weight of the results in `ready`
            func start(_ index: Int) {
                let input = inputs[index]
                started[index] = true
                group.addTask { (index, await work(input)) }
                running += 1
            }
            func startMore() {
                while running < jobs {
                    if running + ready.count < window, pending < pendingLimit {
                        while cursor < order.count, started[order[cursor]] { cursor += 1 }
                        guard cursor < order.count else { return }
                        start(order[cursor])
                    } else if delivered < inputs.count, !started[delivered] {
                        // The waiting results are at their limit: only the input they wait for
                        // may start (an input started early must not stall the run).
                        start(delivered)
                    } else {
                        return
                    }
                }
            }
            startMore()
            while running > 0, let (index, output) = try await group.next() {
                running -= 1
                ready[index] = output
                pending += weight(output)
                while let output = ready.removeValue(forKey: delivered) {
                    pending -= weight(output)
                    do {
                        try deliver(delivered, output)
                    } catch {
                        group.cancelAll()
                        throw error
                    }
                    delivered += 1
                }
                startMore()
            }
        }
    }

    /// Input order, except that inputs costing more than 1/(16 × jobs) of the whole come first,
    /// costliest first: at most 16 × jobs of them, so their results wait within the window, and
    /// the rest keep their order (results delivered as they come, memory as before).
    package static func startOrder<Input>(_ inputs: [Input], jobs: Int, cost: ((Input) -> Int)?) -> [Int] {
        guard let cost else { return Array(inputs.indices) }
        let costs = inputs.map { max(0, cost($0)) }
        let total = costs.reduce(0, +)
        let share = total / (16 * max(1, jobs))
        guard share > 0 else { return Array(inputs.indices) }
        let large = inputs.indices.filter { costs[$0] > share }
            .sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
        guard !large.isEmpty else { return Array(inputs.indices) }
        let isLarge = Set(large)
        return large + inputs.indices.filter { !isLarge.contains($0) }
    }
}
