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
    /// `lengths`, appended to `out`. (The hot loop of a lookup: bytes read through a pointer,
    /// one-byte varints, nearly all of them, without a loop.)
    static func decode(_ bytes: UnsafeRawBufferPointer, first: Int64, lengths: ClosedRange<Int>, into out: inout [Entry]) {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let count = bytes.count
        let (low, high) = (lengths.lowerBound, lengths.upperBound)
        var i = 0, unit = first
        while i < count {
            var b = base[i]
            i += 1
            if b < 0x80 { unit &+= Int64(b) } else { unit &+= Int64(bitPattern: readRest(base, count, &i, UInt64(b & 0x7F))) }
            guard i < count else { break }
            b = base[i]
            i += 1
            let length = b < 0x80 ? Int(b) : Int(truncatingIfNeeded: readRest(base, count, &i, UInt64(b & 0x7F)))
            if length >= low && length <= high { out.append(Entry(unit: unit, length: length)) }
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

    /// The rest of a varint whose first byte (continued) gave `value`.
    private static func readRest(_ base: UnsafePointer<UInt8>, _ count: Int, _ i: inout Int, _ value: UInt64) -> UInt64 {
        var value = value, shift: UInt64 = 7
        while i < count {
            let b = base[i]
            i += 1
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 || shift >= 63 { break }
            shift += 7
        }
        return value
    }
}
