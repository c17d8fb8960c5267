import Foundation

/// A lock-protected stack of reusable, non-thread-safe resources (ICU break iterators, regex
/// matchers).
///
/// ICU objects are expensive to open and unsafe to share between threads, but cheap to reuse.
/// Each caller borrows one for the duration of a call and gives it back, so concurrent callers
/// never share state and a single-threaded caller never opens more than one.
final class ResourcePool<Resource>: @unchecked Sendable {
    // @unchecked: `idle` is only touched while holding `lock`, and a borrowed resource belongs to
    // exactly one caller until it is returned.
    private let lock = NSLock()
    private var idle: [Resource] = []
    private let make: @Sendable () -> Resource?
    private let limit: Int

    /// `make` creates a fresh resource; at most `limit` idle ones are kept.
    init(limit: Int = 16, make: @escaping @Sendable () -> Resource?) {
        self.make = make
        self.limit = limit
    }

    /// Runs `body` with a resource of its own, or returns nil when none can be created.
    func withResource<T>(_ body: (Resource) throws -> T) rethrows -> T? {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        guard let resource = reused ?? make() else { return nil }
        defer {
            lock.lock()
            if idle.count < limit { idle.append(resource) }
            lock.unlock()
        }
        return try body(resource)
    }
}
