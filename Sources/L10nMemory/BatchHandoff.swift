import Foundation

/// Hands batches from a synchronous producer (the TMX reader's SAX callbacks, which cannot
/// await) to async code, at most `depth` batches ahead.
///
/// The producer runs on a thread of its own, so blocking it while the store catches up costs no
/// thread of Swift's cooperative pool. When the consumer stops early (an error, cancellation),
/// the producer's next ``send(_:)`` throws ``Stopped`` and it winds down.
final class BatchHandoff<Batch: Sendable, Result: Sendable>: @unchecked Sendable {
    // @unchecked: `stopped` is only touched while holding `lock`; the continuation and the
    // semaphore are thread-safe.
    enum Item: Sendable {
        case batch(Batch)
        case done(Result)
    }

    /// Thrown to the producer once the consumer has gone.
    struct Stopped: Error {}

    private let continuation: AsyncThrowingStream<Item, any Error>.Continuation
    let items: AsyncThrowingStream<Item, any Error>
    private let room: DispatchSemaphore
    private let lock = NSLock()
    private var stopped = false

    init(depth: Int = 2) {
        (items, continuation) = AsyncThrowingStream.makeStream()
        room = DispatchSemaphore(value: depth)
    }

    /// Runs `produce` on a new thread; what it returns or throws ends the stream.
    func start(_ produce: @escaping @Sendable (BatchHandoff) throws -> Result) {
        let thread = Thread { [self] in
            do { continuation.yield(.done(try produce(self))) } catch {
                continuation.finish(throwing: error)
                return
            }
            continuation.finish()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Called by the producer: waits for room, then passes `batch` on.
    func send(_ batch: Batch) throws {
        room.wait()
        lock.lock()
        let gone = stopped
        lock.unlock()
        if gone { throw Stopped() }
        continuation.yield(.batch(batch))
    }

    /// Called by the consumer when it has stored a batch.
    func consumed() { room.signal() }

    /// Called by the consumer when it stops before the end: frees the producer.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        room.signal()
    }
}
