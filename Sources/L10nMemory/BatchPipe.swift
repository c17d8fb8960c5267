import Foundation

/// A bounded queue between two threads of an import (the TMX reader and the thread that turns
/// its units into rows): ``put(_:)`` blocks while `depth` batches wait, ``take()`` while none
/// does. Either side can end it: the producer with ``finish(_:)``, the consumer with ``close()``
/// (the producer's next ``put(_:)`` then throws ``BatchHandoff/Stopped``).
final class BatchPipe<Batch: Sendable, Result: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property is only touched while holding `condition`.
    private let condition = NSCondition()
    private let depth: Int
    private var batches: [Batch] = []
    private var outcome: Swift.Result<Result, any Error>?
    private var closed = false

    init(depth: Int = 2) {
        self.depth = depth
    }

    /// Called by the producer: waits for room, then queues `batch`.
    func put(_ batch: Batch) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= depth && !closed { condition.wait() }
        if closed { throw BatchHandoff<Batch, Result>.Stopped() }
        batches.append(batch)
        condition.broadcast()
    }

    /// Called by the producer once: what it returned or threw.
    func finish(_ result: Swift.Result<Result, any Error>) {
        condition.lock()
        outcome = result
        condition.broadcast()
        condition.unlock()
    }

    /// Called by the consumer: the next batch, or nil once the producer finished (its result is
    /// then ``result()``'s); rethrows what the producer threw.
    func take() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && outcome == nil { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return batches.removeFirst()
        }
        if case .failure(let error) = outcome { throw error }
        return nil
    }

    /// The producer's result, once ``take()`` returned nil.
    func result() throws -> Result {
        condition.lock()
        defer { condition.unlock() }
        return try outcome!.get()
    }

    /// Called by the consumer when it stops before the end: frees the producer.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
