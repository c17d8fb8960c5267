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
package enum OrderedWork {
    /// The default for `--jobs`: every core this process may use.
    package static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Calls `work` for every input (on up to `jobs` threads at a time) and `deliver` with each
    /// result, in input order, on the calling task. When `deliver` throws, the inputs not started
    /// yet are skipped, the running ones are awaited, and the error is rethrown.
    package static func run<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], jobs: Int,
        pendingLimit: Int = 64 << 20, weight: (Output) -> Int = { _ in 0 },
        work: @escaping @Sendable (Input) async -> Output,
        deliver: (Int, Output) throws -> Void
    ) async throws {
        if jobs <= 1 || inputs.count <= 1 {
            for (index, input) in inputs.enumerated() { try deliver(index, await work(input)) }
            return
        }
        let window = jobs * 16
        try await withThrowingTaskGroup(of: (Int, Output).self) { group in
            var next = 0        // next input to start
            var delivered = 0   // next result to deliver
            var running = 0
            var ready: [Int: Output] = [:]
            var pending = 0  // weight of the results in `ready`
            func startMore() {
                while running < jobs, next < inputs.count, next - delivered < window, pending < pendingLimit {
                    let index = next, input = inputs[index]
                    group.addTask { (index, await work(input)) }
                    next += 1
                    running += 1
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
}
