import L10nCore
import L10nXML

/// Decodes character data and attribute values straight from the bytes, into pieces that keep
/// their byte ranges: runs of plain text are verbatim pieces (so sentences may be split inside
/// them), each character reference is one non-verbatim piece with its decoded text, and markup
/// libxml2 kept as text or skipped (`<![CDATA[…]]>`, a stray `</span>`) is a code.
///
/// The rules are libxml2's: named references need their `;` and must be among the HTML 4
/// entities it knows (`&amp` without `;` stays literal text), numeric ones may omit the `;`.
/// A numeric reference to a character HTML cannot hold (`&#0;`) is kept as a code, since
/// writing it back as text would change what a parser sees.
struct HTMLCharacterDecoder {
    enum Chunk {
        case verbatim(Range<Int>)
        case reference(Range<Int>, Unicode.Scalar)
        case markup(Range<Int>)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private var entityCache: [String: Unicode.Scalar?] = [:]

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The decoded text of `range`; markup chunks contribute nothing.
    mutating func decode(_ range: Range<Int>, inAttribute: Bool) -> String {
        var s = ""
        for chunk in chunks(range, inAttribute: inAttribute) {
            switch chunk {
            case .verbatim(let r): s += string(r)
            case .reference(_, let c): s.unicodeScalars.append(c)
            case .markup: break
            }
        }
        return s
    }

    /// `range` as unit pieces; markup becomes standalone codes numbered from `nextCode`.
    mutating func pieces(_ range: Range<Int>, inAttribute: Bool, nextCode: inout Int) -> [Piece] {
        var out: [Piece] = []
        appendPieces(range, inAttribute: inAttribute, nextCode: &nextCode, to: &out)
        return out
    }

    /// ``pieces(_:inAttribute:nextCode:)`` appended to `out`: text with no `&` (nor `<` outside
    /// attributes), the usual case, is one verbatim piece without scanning it into chunks.
    mutating func appendPieces(_ range: Range<Int>, inAttribute: Bool, nextCode: inout Int, to out: inout [Piece]) {
        guard !range.isEmpty else { return }
        if !mayNeedDecoding(range, inAttribute: inAttribute) {
            out.append(.verbatim(bytes: range))
            return
        }
        for chunk in chunks(range, inAttribute: inAttribute) {
            switch chunk {
            case .verbatim(let r):
                out.append(.verbatim(bytes: r))
            case .reference(let r, let c):
                out.append(.text(String(Character(c)), bytes: r, verbatim: false))
            case .markup(let r):
                nextCode += 1
                let data = string(r)
                let code = InlineCode(kind: .standalone, id: "m\(nextCode)", data: data, type: .other,
                                      subType: "html:markup", display: data, canDelete: false)
                out.append(.code(code, bytes: r))
            }
        }
    }

    /// Whether `range` holds a `&` (or, outside attributes, a `<`): eight bytes at a time, as
    /// every text of a page is asked (byte by byte, ≈ 6 instructions a byte).
    private func mayNeedDecoding(_ range: Range<Int>, inAttribute: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let base = bytes.baseAddress!
        var i = range.lowerBound
        while i + 8 <= range.upperBound {
            // Exact: a byte is zero after the XOR only where it equals the byte looked for.
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if hasZeroByte(word ^ (ones &* 0x26)) || (!inAttribute && hasZeroByte(word ^ (ones &* 0x3C))) { return true }
            i += 8
        }
        while i < range.upperBound {
            if bytes[i] == UInt8(ascii: "&") || (!inAttribute && bytes[i] == UInt8(ascii: "<")) { return true }
            i += 1
        }
        return false
    }

    func string(_ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }

    // MARK: - Scanning

    mutating func chunks(_ range: Range<Int>, inAttribute: Bool) -> [Chunk] {
        var out: [Chunk] = []
        var plainStart = range.lowerBound
        var i = range.lowerBound
        let end = range.upperBound
        func flush(_ upTo: Int) {
            if upTo > plainStart { out.append(.verbatim(plainStart..<upTo)) }
        }
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "&"), let (r, special) = reference(at: i, end: end) {
                flush(i)
                out.append(special.map { .reference(r, $0) } ?? .markup(r))
                i = r.upperBound
                plainStart = i
            } else if b == UInt8(ascii: "<"), !inAttribute, let r = markup(at: i, end: end) {
                flush(i)
                out.append(.markup(r))
                i = r.upperBound
                plainStart = i
            } else {
                i += 1
            }
        }
        flush(end)
        return out
    }

    /// A character reference at `i`: its range and character, or a `nil` character for a numeric
    /// reference HTML cannot hold. `nil` when `&` is just text there.
    private mutating func reference(at i: Int, end: Int) -> (Range<Int>, Unicode.Scalar?)? {
        var j = i + 1
        guard j < end else { return nil }
        if bytes[j] == UInt8(ascii: "#") {
            j += 1
            var radix: UInt32 = 10
            if j < end, bytes[j] | 0x20 == UInt8(ascii: "x") { radix = 16; j += 1 }
            let digitsStart = j
            var value: UInt32 = 0
            while j < end, let d = digit(bytes[j], radix: radix) {
                if value <= 0x10FFFF { value = value * radix + d }
                j += 1
            }
            guard j > digitsStart else { return (i..<j, nil) }
            if j < end, bytes[j] == UInt8(ascii: ";") { j += 1 }
            let valid = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
            return (i..<j, valid ? Unicode.Scalar(value) : nil)
        }
        while j < end, isAlphanumeric(bytes[j]) { j += 1 }
        guard j > i + 1, j < end, bytes[j] == UInt8(ascii: ";") else { return nil }
        if let common = Self.commonEntity(UnsafeBufferPointer(rebasing: bytes[i + 1..<j])) { return (i..<j + 1, common) }
        let name = string(i + 1..<j)
        let scalar: Unicode.Scalar?
        if let cached = entityCache[name] {
            scalar = cached
        } else {
            scalar = HTMLEntities.scalar(named: name)
            entityCache[name] = scalar
        }
        guard let scalar else { return nil }
        return (i..<j + 1, scalar)
    }

    /// The five entities most pages use (`amp`, `lt`, `gt`, `quot`, `nbsp`, as libxml2's table
    /// has them), told from their bytes: the others are looked up by name, a string and a hash each.
    private static func commonEntity(_ name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        func named(_ s: StaticString) -> Bool {
            name.count == s.utf8CodeUnitCount && name.elementsEqual(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
        }
        switch name.first {
        case UInt8(ascii: "a"): return named("amp") ? "&" : nil
        case UInt8(ascii: "l"): return named("lt") ? "<" : nil
        case UInt8(ascii: "g"): return named("gt") ? ">" : nil
        case UInt8(ascii: "q"): return named("quot") ? "\"" : nil
        case UInt8(ascii: "n"): return named("nbsp") ? "\u{A0}" : nil
        default: return nil
        }
    }

    /// Markup-looking bytes at `i` (`<x…>`, `</…>`, `<!…>`, `<?…>`, `<![CDATA[…]]>`) that libxml2
    /// reported as text or skipped; `nil` for a plain `<` (`a < b`, `<3`).
    private func markup(at i: Int, end: Int) -> Range<Int>? {
        guard i + 1 < end else { return nil }
        let next = bytes[i + 1]
        let isLetter = (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z")
        guard isLetter || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") else { return nil }
        var terminator: [UInt8] = [UInt8(ascii: ">")]
        if starts(with: "<![CDATA[", at: i, end: end) { terminator = Array("]]>".utf8) }
        else if starts(with: "<!--", at: i, end: end) { terminator = Array("-->".utf8) }
        var j = i + 2
        while j + terminator.count <= end {
            if bytes[j] == terminator[0], terminator.indices.allSatisfy({ bytes[j + $0] == terminator[$0] }) {
                return i..<j + terminator.count
            }
            j += 1
        }
        return i..<end
    }

    private func starts(with s: StaticString, at i: Int, end: Int) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= end else { return false }
        return (0..<n).allSatisfy { bytes[i + $0] == s.utf8Start[$0] }
    }

    private func digit(_ b: UInt8, radix: UInt32) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}
