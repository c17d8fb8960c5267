/// The compact form of a term's postings in the SQLite engine: the units holding the term,
/// ascending, each with its word count, as LEB128 varints (unit − previous unit, then the word
/// count) in one blob per block of units.
///
/// One row per term and block instead of one B-tree row per posting: an import writes one row
/// per distinct word of a batch (not one per word of every unit, in random key order), the index
/// takes a fraction of the space, and a lookup reads a term's units in a few page reads and
/// decodes them in memory.
enum PostingList {
    struct Entry: Hashable, Sendable {
        var unit: Int64
        var length: Int
    }

    /// Appends `entries` (ascending, every unit above `previous`) to `bytes`; the first is
    /// stored relative to `previous` (a block's first unit is stored relative to itself: 0).
    static func encode(_ entries: some Sequence<Entry>, after previous: Int64, into bytes: inout [UInt8]) {
        var last = previous
        for entry in entries {
            append(UInt64(entry.unit - last), to: &bytes)
            append(UInt64(max(0, entry.length)), to: &bytes)
            last = entry.unit
        }
    }

    /// Decodes a block whose first unit is `first`, keeping the entries whose word count is in
    /// `lengths`, appended to `out`.
    static func decode(_ bytes: UnsafeRawBufferPointer, first: Int64, lengths: ClosedRange<Int>, into out: inout [Entry]) {
        var i = 0, unit = first
        let count = bytes.count
        while i < count {
            unit &+= Int64(bitPattern: read(bytes, &i))
            guard i < count else { break }
            let length = Int(truncatingIfNeeded: read(bytes, &i))
            if lengths.contains(length) { out.append(Entry(unit: unit, length: length)) }
        }
    }

    /// Every entry of a block, for tests and rebuilds.
    static func decode(_ bytes: [UInt8], first: Int64) -> [Entry] {
        var out: [Entry] = []
        bytes.withUnsafeBytes { decode($0, first: first, lengths: 0...Int.max, into: &out) }
        return out
    }

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    @inline(__always)
    private static func read(_ bytes: UnsafeRawBufferPointer, _ i: inout Int) -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
            if shift > 63 { break }
        }
        return value
    }
}
