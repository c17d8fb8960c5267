/// 64-bit FNV-1a over UTF-8: a stable hash (the same on every run and machine, unlike `Hasher`)
/// for keys stored in a database.
enum FNV1a {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    /// The hash of whatever gave `state`, followed by the byte `b`.
    @inline(__always)
    static func hash(byte b: UInt8, continuing state: UInt64) -> UInt64 { (state ^ UInt64(b)) &* prime }

    static func hash(_ s: String) -> UInt64 { hash(s, continuing: offsetBasis) }

    /// The hash of whatever gave `state`, followed by `s`: `hash(a + b) == hash(b, continuing:
    /// hash(a))`, so a shared prefix is hashed once.
    static func hash(_ s: String, continuing state: UInt64) -> UInt64 {
        // Over the contiguous UTF-8 (native strings: no copy), not the UTF8View's iterator.
        var s = s
        return s.withUTF8 { hash($0, continuing: state) }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, continuing state: UInt64) -> UInt64 {
        var h = state
        for b in bytes { h = hash(byte: b, continuing: h) }
        return h
    }

    static func hex(_ s: String) -> String { hex(hash(s)) }

    /// A hash as 16 lowercase hex digits.
    /// (Written digit by digit into the string: `String(radix:)` and padding cost ~1,000
    /// instructions, and every unit stores two.)
    static func hex(_ h: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { out in
            for i in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: h >> UInt64(60 - 4 * i)) & 0x0F
                out[i] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
            }
            return 16
        }
    }

    /// The hash of `items` joined by `separator`, without building the joined string.
    static func hash(_ items: [String], separator: String, continuing state: UInt64) -> UInt64 {
        var h = state
        for (i, item) in items.enumerated() {
            if i > 0 { h = hash(separator, continuing: h) }
            h = hash(item, continuing: h)
        }
        return h
    }
}
