/// A quick fold of a text's bytes into one word, for memos keyed by text: `Hasher` over every
/// byte costs more than a remembered answer saves on a text seen once, so memo keys feed the
/// hasher this fold instead (texts whose folds agree are compared byte for byte).
public enum ByteFold {
    public static func fold(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var h = UInt64(truncatingIfNeeded: raw.count) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i + 8 <= raw.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x0000_0100_0000_01B3
            i += 8
        }
        while i < raw.count {
            h = (h ^ UInt64(raw[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
        return h
    }
}
