/// Ids such as `u12`, `s3`, `p1`: a letter and a non-negative number, written straight into a
/// small string. Readers, the builder and the skeleton codec make one for every unit, segment
/// and code; string interpolation takes a generic path (a `description` and an append each).
package enum DecimalID {
    /// `n` in decimal, after `prefix` when given.
    package static func string(_ n: Int, after prefix: UInt8? = nil) -> String {
        precondition(n >= 0, "ids are numbered from 0 up")
        var digits = 1
        var rest = n / 10
        while rest > 0 { digits += 1; rest /= 10 }
        let start = prefix == nil ? 0 : 1
        return String(unsafeUninitializedCapacity: start + digits) { buffer in
            if let prefix { buffer[0] = prefix }
            var v = n
            for i in (start..<start + digits).reversed() {
                buffer[i] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            }
            return start + digits
        }
    }

    /// The number of an id ``string(_:after:)`` writes with `prefix` (the prefix, then up to 18
    /// decimal digits without a leading zero); nil for any other string.
    package static func number(_ id: String, after prefix: UInt8) -> Int? {
        id.withUTF8Bytes { number($0, after: prefix) }
    }

    /// ``number(_:after:)`` of an id's UTF-8 bytes (an attribute value read in place).
    package static func number(_ p: UnsafeBufferPointer<UInt8>, after prefix: UInt8) -> Int? {
        guard p.count > 1, p.count <= 19, p[0] == prefix, p[1] != UInt8(ascii: "0") || p.count == 2 else { return nil }
        var value = 0
        for b in p[1...] {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }
}
