extension Character {
    /// 0–9 only: US-style source figures never use other digits.
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// `contains(where: \.isASCIIDigit)`, decided on the bytes (rules ask it of every segment
    /// first; walking `Character`s cost ≈ 1,000 instructions a segment). A digit byte whose
    /// neighbours are ASCII (or the text's ends) is a character of its own: only a non-ASCII
    /// scalar can join it into a larger one (a combining mark or keycap after it, a prepended
    /// sign before it). When every digit byte has such a neighbour, the characters decide.
    var containsASCIIDigit: Bool {
        var undecided = false
        let clean = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for i in bytes.indices where bytes[i] &- UInt8(ascii: "0") < 10 {
                if (i == 0 || bytes[i - 1] < 0x80) && (i + 1 == bytes.count || bytes[i + 1] < 0x80) { return true }
                undecided = true
            }
            return false
        }
        guard let clean else { return contains(where: \.isASCIIDigit) }
        return clean || (undecided && contains(where: \.isASCIIDigit))
    }
}
