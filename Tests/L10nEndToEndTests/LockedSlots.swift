import Foundation

/// Slots that `concurrentPerform` workers write their results into, behind a lock.
final class LockedSlots<Value>: @unchecked Sendable {
    // @unchecked: `stored` is only touched while holding `lock`.
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func set<Element>(_ index: Int, _ element: Element) where Value == [Element] {
        lock.lock()
        stored[index] = element
        lock.unlock()
    }
}
