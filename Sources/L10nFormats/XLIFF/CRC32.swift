/// CRC-32 (IEEE 802.3, as zlib and PNG compute it), to tell a damaged embedded original from the
/// one extract saw: the span map points into the original by offsets, so a changed original
/// would otherwise merge into a wrong document without any error.
enum CRC32 {
    /// Eight tables of 256 (slicing by 8): table 0 is the classic byte-at-a-time table, table
    /// `k` advances a byte's contribution by `k` more bytes, so eight input bytes cost eight
    /// look-ups and no shifts through the register in between (≈ 2 instructions a byte, not 7).
    private static let tables: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            t[n] = c
        }
        for k in 1..<8 {
            for n in 0..<256 {
                let previous = t[(k - 1) * 256 + n]
                t[k * 256 + n] = (previous >> 8) ^ t[Int(previous & 0xFF)]
            }
        }
        return t
    }()

    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard let p = bytes.baseAddress else { return 0 }
        let n = bytes.count
        return tables.withUnsafeBufferPointer { t in
            var c: UInt32 = 0xFFFF_FFFF
            var i = 0
            while n - i >= 8 {
                let one = c ^ (UInt32(p[i]) | UInt32(p[i + 1]) << 8 | UInt32(p[i + 2]) << 16 | UInt32(p[i + 3]) << 24)
                let two = UInt32(p[i + 4]) | UInt32(p[i + 5]) << 8 | UInt32(p[i + 6]) << 16 | UInt32(p[i + 7]) << 24
                c = t[7 * 256 + Int(one & 0xFF)] ^ t[6 * 256 + Int(one >> 8 & 0xFF)]
                    ^ t[5 * 256 + Int(one >> 16 & 0xFF)] ^ t[4 * 256 + Int(one >> 24)]
                    ^ t[3 * 256 + Int(two & 0xFF)] ^ t[2 * 256 + Int(two >> 8 & 0xFF)]
                    ^ t[1 * 256 + Int(two >> 16 & 0xFF)] ^ t[Int(two >> 24)]
                i += 8
            }
            while i < n {
                c = t[Int((c ^ UInt32(p[i])) & 0xFF)] ^ (c >> 8)
                i += 1
            }
            return c ^ 0xFFFF_FFFF
        }
    }

    /// Eight lower-case hex digits.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
