import Foundation
import L10nText

/// Answers worked out from a text alone, remembered by the text.
///
/// Adaptation reads the same source text once per market (`adapt -m de -m fr …`, `batch`), and
/// product pages repeat sentences. What it reads there whatever the market — the quantities
/// written in it, the certification marks it cites, where each convention's pattern matches — is
/// a pass of regular expressions each, and ICU's matcher is most of what adapting a page costs.
/// The answer is a function of the text, so a remembered one is the answer. Keys compare byte
/// for byte, not by canonical equivalence: answers hold offsets into the text.
///
/// Shared by threads (a lock); bounded: past ``capacity`` bytes of remembered text it starts
/// over.
final class TextMemo<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `entries` and `stored` are only touched while holding `lock`.
    private let lock = NSLock()
    private var entries: [Key: Value] = [:]
    private var stored = 0
    /// How many bytes of text are remembered at most.
    let capacity: Int

    init(capacity: Int = 1 << 20) {
        self.capacity = capacity
    }

    /// A text whose bytes are its identity (hashed through ``ByteFold``).
    struct Key: Hashable {
        let text: String

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(ByteFold.fold(UnsafeRawBufferPointer($0))) }
        }

        static func == (a: Key, b: Key) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
    }

    /// What was remembered for `text`, if anything.
    func value(for text: String) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return entries[Key(text: text)]
    }

    /// Remembers `value` for `text` (replacing what was there).
    func remember(_ value: Value, for text: String) {
        let size = text.utf8.count
        guard size <= capacity / 16 else { return }  // a long text rarely repeats
        lock.lock()
        defer { lock.unlock() }
        if stored + size > capacity {
            entries.removeAll(keepingCapacity: true)
            stored = 0
        }
        if entries.updateValue(value, forKey: Key(text: text)) == nil { stored += size }
    }

    /// Forgets everything (tests: to make every answer again).
    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        entries.removeAll()
        stored = 0
    }

    /// The remembered value for `text`, or `make()`'s, which is then remembered. `make` runs
    /// outside the lock (two threads may both make it; they make the same).
    func value(for text: String, orMake make: () -> Value) -> Value {
        if let known = value(for: text) { return known }
        let made = make()
        remember(made, for: text)
        return made
    }
}

// MARK: offsets a memo keeps

extension String {
    /// `range` as UTF-8 offsets: what a ``TextMemo`` keeps, since `String.Index` values belong to
    /// one string (an equal string of another storage may index differently).
    func utf8Offsets(of range: Range<String.Index>) -> Range<Int> {
        utf8.distance(from: startIndex, to: range.lowerBound)..<utf8.distance(from: startIndex, to: range.upperBound)
    }

    /// The range of this string at `offsets` (from ``utf8Offsets(of:)`` on an equal string).
    func range(utf8Offsets offsets: Range<Int>) -> Range<String.Index> {
        let lower = utf8.index(startIndex, offsetBy: offsets.lowerBound)
        return lower..<utf8.index(lower, offsetBy: offsets.count)
    }
}
