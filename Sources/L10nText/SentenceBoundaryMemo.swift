import Foundation

/// The sentence boundaries of texts a segmenter has already split, by text.
///
/// Localized content repeats itself — a disclaimer, a feature line, a spec phrase shared by
/// product pages — and splitting a text with an inner break costs ICU's iterator and the SRX
/// rules tens of thousands of instructions, where looking a repeat up costs a hash of its bytes.
/// The boundaries are a function of the text alone (the segmenter's rules and options are
/// fixed), so a remembered answer is the answer.
///
/// Shared by the copies of a segmenter and so by the threads of a batch: guarded by a lock.
/// Bounded: past ``capacity`` UTF-16 units of remembered text it starts over.
final class SentenceBoundaryMemo: @unchecked Sendable {
    // @unchecked: `entries` and `stored` are only touched while holding `lock`.
    private let lock = NSLock()
    private var entries: [Key: [Int]] = [:]
    private var stored = 0

    /// How many UTF-16 units of text are remembered at most (2 MB of keys).
    static let capacity = 1 << 20

    /// A text, its bytes folded a word at a time and only the result fed to the hasher: `Hasher`
    /// over every byte (or, as `Array` hashes, every unit) cost a tenth of a split, paid on every
    /// text that is not a repeat. Texts whose hashes agree are compared.
    struct Key: Hashable {
        let units: [UInt16]

        func hash(into hasher: inout Hasher) {
            units.withUnsafeBytes { hasher.combine(ByteFold.fold($0)) }
        }
    }

    func boundaries(of units: [UInt16]) -> [Int]? {
        lock.lock()
        defer { lock.unlock() }
        return entries[Key(units: units)]
    }

    func remember(_ boundaries: [Int], of units: [UInt16]) {
        guard units.count <= Self.capacity / 16 else { return }  // a long text rarely repeats
        lock.lock()
        defer { lock.unlock() }
        if stored + units.count > Self.capacity {
            entries.removeAll(keepingCapacity: true)
            stored = 0
        }
        // A copy of the text's own size: the caller's array may be a scratch buffer with room to
        // spare, which keeping would both hold on to and make the caller reallocate.
        let key = Key(units: units.withUnsafeBufferPointer { Array($0) })
        if entries.updateValue(boundaries, forKey: key) == nil { stored += units.count }
    }
}
