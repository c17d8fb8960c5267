/// Finds where each attribute value sits inside a start tag's bytes. libxml2 reports attribute
/// names and decoded values but no positions; this lexer follows libxml2's own rules (name
/// bytes, bogus attributes skipped to the next blank) and the filter only trusts a value whose
/// decoded bytes equal what libxml2 reported.
struct HTMLAttributeScanner {
    struct Found: Sendable {
        /// Lower case.
        var name: String
        /// The value's bytes, inside the quotes.
        var value: Range<Int>
        /// `"`, `'`, or `nil` for an unquoted value.
        var quote: UInt8?
    }

    let bytes: UnsafeBufferPointer<UInt8>

    /// The attributes with a value in the start tag `tag` (from `<` to past `>`), first
    /// occurrence of each name only (libxml2 drops repeats).
    func scan(_ tag: Range<Int>) -> [Found] {
        var out: [Found] = []
        let end = tag.upperBound
        var i = tag.lowerBound + 1
        while i < end, isNameByte(bytes[i]) { i += 1 }
        while i < end {
            while i < end, isBlank(bytes[i]) { i += 1 }
            guard i < end, bytes[i] != UInt8(ascii: ">") else { break }
            if bytes[i] == UInt8(ascii: "/"), i + 1 < end, bytes[i + 1] == UInt8(ascii: ">") { break }
            let first = bytes[i] | 0x20
            guard (first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")) || bytes[i] == UInt8(ascii: "_") || bytes[i] == UInt8(ascii: ":") else {
                // libxml2 dumps a bogus attribute up to the next blank or the end of the tag.
                while i < end, !isBlank(bytes[i]), bytes[i] != UInt8(ascii: ">"),
                      !(bytes[i] == UInt8(ascii: "/") && i + 1 < end && bytes[i + 1] == UInt8(ascii: ">")) { i += 1 }
                continue
            }
            let nameStart = i
            while i < end, isNameByte(bytes[i]) { i += 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<i]), as: UTF8.self).lowercased()
            var j = i
            while j < end, isBlank(bytes[j]) { j += 1 }
            guard j < end, bytes[j] == UInt8(ascii: "=") else { continue }
            j += 1
            while j < end, isBlank(bytes[j]) { j += 1 }
            guard j < end else { break }
            let found: Found
            if bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                let q = bytes[j]
                var k = j + 1
                while k < end, bytes[k] != q { k += 1 }
                guard k < end else { break }
                found = Found(name: name, value: j + 1..<k, quote: q)
                i = k + 1
            } else {
                var k = j
                while k < end, !isBlank(bytes[k]), bytes[k] != UInt8(ascii: ">") { k += 1 }
                found = Found(name: name, value: j..<k, quote: nil)
                i = k
            }
            if !out.contains(where: { $0.name == name }) { out.append(found) }
        }
        return out
    }

    private func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

    private func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || b == UInt8(ascii: ":") || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
    }
}
