import Foundation

/// Runs a job per input with bounded concurrency and hands the results back **in input order**,
/// so a run with several jobs prints the same messages and writes the same bytes as a run with
/// one.
///
/// At most `jobs` inputs are worked on at once, and at most `2 × jobs` results wait for an
/// earlier, slower input to finish: memory stays a small multiple of the largest input, however
/// many inputs there are.
public enum OrderedWork {
    /// The default for `--jobs`: every core this process may use.
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Calls `work` for every input (on up to `jobs` threads at a time) and `deliver` with each
    /// result, in input order, on the calling task. When `deliver` throws, the inputs not started
    /// yet are skipped, the running ones are awaited, and the error is rethrown.
    public static func run<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], jobs: Int,
        work: @escaping @Sendable (Input) -> Output,
        deliver: (Int, Output) throws -> Void
    ) async throws {
        if jobs <= 1 || inputs.count <= 1 {
            for (index, input) in inputs.enumerated() { try deliver(index, work(input)) }
            return
        }
        let window = jobs * 2
        try await withThrowingTaskGroup(of: (Int, Output).self) { group in
            var next = 0        // next input to start
            var delivered = 0   // next result to deliver
            var running = 0
            var ready: [Int: Output] = [:]
            func startMore() {
                while running < jobs, next < inputs.count, next - delivered < window {
                    let index = next, input = inputs[index]
                    group.addTask { (index, work(input)) }
                    next += 1
                    running += 1
                }
            }
            startMore()
            while running > 0, let (index, output) = try await group.next() {
                running -= 1
                ready[index] = output
                while let output = ready.removeValue(forKey: delivered) {
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
