/// A map for the handful of entries a unit has (its codes, their distinct data): a linear
/// search over an array, which for a few entries costs less than hashing a `String` key, and a
/// dictionary once it grows past ``linearLimit``, so a unit with hundreds of codes stays linear.
struct SmallMap<Key: Hashable, Value> {
    static var linearLimit: Int { 16 }

    private var keys: [Key] = []
    private var values: [Value] = []
    private var index: [Key: Int]?

    init() {}

    var isEmpty: Bool { keys.isEmpty }
    var count: Int { keys.count }

    /// Entries in insertion order.
    var entries: Zip2Sequence<[Key], [Value]> { zip(keys, values) }

    subscript(key: Key) -> Value? {
        guard let i = position(of: key) else { return nil }
        return values[i]
    }

    /// Adds `value` unless `key` is present; returns the entry's position (0-based, insertion order).
    @discardableResult
    mutating func insertIfAbsent(_ key: Key, _ value: @autoclosure () -> Value) -> Int {
        if let i = position(of: key) { return i }
        if keys.isEmpty {
            // Most maps hold a few entries: one allocation each for keys and values, not three.
            keys.reserveCapacity(4)
            values.reserveCapacity(4)
        }
        keys.append(key)
        values.append(value())
        if index != nil {
            index![key] = keys.count - 1
        } else if keys.count > Self.linearLimit {
            index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        }
        return keys.count - 1
    }

    /// Sets the value of `key`, replacing the one it has: a dictionary's assignment.
    mutating func set(_ key: Key, _ value: Value) {
        if let i = position(of: key) { values[i] = value } else { insertIfAbsent(key, value) }
    }

    private func position(of key: Key) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex(of: key)
    }
}
