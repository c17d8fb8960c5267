/// A word list kept as the bytes of its file — one lower-case word per line, in byte order
/// (`LC_ALL=C sort`), `#` comment lines first — and searched by bisection. Building a
/// `Set<String>` of SCOWL's 40,000 common words cost ≈ 74 M instructions at every start, for a
/// rule that asks about a handful of all-capital words per page.
struct SortedWordList: Sendable {
    private let bytes: [UInt8]

    /// `bytes` must be sorted as described (a test checks the bundled file).
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isEmpty: Bool { bytes.isEmpty }

    /// Whether `word` is a line of the list.
    func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { w in
            bytes.withUnsafeBufferPointer { p in
                // Invariant: every line starting before `lo` sorts below `word`; every line
                // starting at or after `hi` sorts above it.
                var lo = 0, hi = p.count
                while lo < hi {
                    var start = (lo + hi) / 2
                    while start > lo, p[start - 1] != 0x0A { start -= 1 }
                    var end = start
                    while end < p.count, p[end] != 0x0A { end += 1 }
                    switch compare(UnsafeBufferPointer(rebasing: p[start..<end]), w) {
                    case 0: return true
                    case ..<0: lo = end + 1
                    default: hi = start
                    }
                }
                return false
            }
        }
    }

    /// Byte order, as `LC_ALL=C sort` orders lines: negative when `a` sorts first.
    private func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        for (x, y) in zip(a, b) where x != y { return Int(x) - Int(y) }
        return a.count - b.count
    }

    /// Every word, in order (for tests).
    var words: [String] {
        bytes.split(separator: 0x0A).filter { $0.first != UInt8(ascii: "#") }.map { String(decoding: $0, as: UTF8.self) }
    }
}
