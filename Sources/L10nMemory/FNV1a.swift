/// 64-bit FNV-1a over UTF-8: a stable hash (the same on every run and machine, unlike `Hasher`)
/// for keys stored in a database.
enum FNV1a {
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h &*= 0x100_0000_01b3
        }
        return h
    }

    static func hex(_ s: String) -> String {
        let digits = String(hash(s), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
