/// Shortcuts around Swift's grapheme breaking, which the checks' `Character` loops pay for on
/// every character of non-ASCII text (the cost of QA on German, Cyrillic or pseudo-localized
/// targets was mostly that).
///
/// Most scripts a product page is translated into are written in scalars that never join a
/// neighbour into one grapheme cluster: when every scalar of a text is one of those, its
/// characters *are* its scalars, and they can be counted and made without breaking. Anything
/// else (combining marks, joiners, emoji, Hangul jamo, Indic vowel signs, CR LF) takes Swift's
/// own path, so the results are the same either way.
enum Graphemes {
    /// Whether `v` always forms a `Character` of its own: it is not Extend, ZWJ, SpacingMark,
    /// Prepend, a regional indicator, Hangul, or CR (which joins a following LF). Conservative:
    /// ranges known to hold none of those.
    @inline(__always)
    static func isStandalone(_ v: UInt32) -> Bool {
        switch v {
        case 0x00..<0x0D, 0x0E..<0x0300: return true            // ASCII but CR, Latin-1, Latin Extended A/B, IPA, spacing modifiers
        case 0x0370..<0x0483, 0x048A..<0x0530: return true       // Greek, Cyrillic (not its combining marks)
        case 0x1E00..<0x2000: return true                        // Latin Extended Additional, Greek Extended
        case 0x2010..<0x2028, 0x2030..<0x205F: return true       // dashes, quotes, bullets, ellipsis, per mille…
        case 0x20A0..<0x20C1: return true                        // currency signs
        case 0x2100..<0x27C0: return true                        // letterlike (™, ℃), number forms, arrows, math, technical (⎓), enclosed, box drawing, shapes, symbols (★), dingbats
        case 0x3000..<0x302A, 0x3030..<0x3099, 0x309B..<0x3100: return true  // CJK punctuation, kana (not the combining sound marks)
        case 0x4E00..<0xA000: return true                        // CJK unified ideographs
        case 0xFF01..<0xFF9E: return true                        // full-width forms, half-width katakana (not the sound marks)
        default: return false
        }
    }

    /// Whether `v` is in Normalization Form C whatever stands around it (combining class 0, not
    /// replaced by NFC, never the second of a composed pair): the standalone scalars but those NFC
    /// replaces (Greek tonos and oxia doubles, ohm, kelvin and ångström signs, the old angle
    /// brackets), and CR, variation selectors, the byte-order mark and the emoji planes (which
    /// join neighbours into characters, but not into other scalars). Strings of such scalars are
    /// NFC, so two of them are equal as Swift compares strings (canonical equivalence) exactly
    /// when their bytes are.
    static func isCanonicallyPlain(_ v: UInt32) -> Bool {
        switch v {
        case 0x0374, 0x037E, 0x0387, 0x1F71, 0x1F73, 0x1F75, 0x1F77, 0x1F79, 0x1F7B, 0x1F7D, 0x1FBB, 0x1FBE, 0x1FC9, 0x1FCB,
             0x1FD3, 0x1FDB, 0x1FE3, 0x1FEB, 0x1FEE, 0x1FEF, 0x1FF9, 0x1FFB, 0x1FFD, 0x2126, 0x212A, 0x212B, 0x2329, 0x232A:
            return false
        case 0x0D, 0xFE00..<0xFE10, 0xFEFF, 0x1F000..<0x1FB00:
            return true
        default:
            return isStandalone(v)
        }
    }

    /// Whether every scalar of valid UTF-8 `bytes` is ``isCanonicallyPlain(_:)``.
    static func allCanonicallyPlain(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = UInt32(bytes[i])
            let v: UInt32
            if b < 0x80 {
                i += 1
                continue
            } else if b < 0xE0 {
                guard i + 1 < n else { return false }
                v = (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else if b < 0xF0 {
                guard i + 2 < n else { return false }
                v = (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                i += 3
            } else {
                guard i + 3 < n else { return false }
                v = (b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                i += 4
            }
            if !isCanonicallyPlain(v) { return false }
        }
        return true
    }

    /// Whether every scalar of `text` forms a character of its own.
    static func allStandalone(_ text: String) -> Bool {
        let utf8 = text.utf8
        if let answer = utf8.withContiguousStorageIfAvailable({ allStandalone(utf8: $0) }) { return answer }
        return Array(utf8).withUnsafeBufferPointer { allStandalone(utf8: $0) }
    }

    /// The same over valid UTF-8 bytes, decoded by hand: this runs on every text of every check.
    private static func allStandalone(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0D { return false }
                i += 1
            } else if b < 0xE0 {
                guard i + 1 < n else { return false }
                // Lead bytes C2–CB: U+0080…U+02FF, all standalone, not decoded.
                if b >= 0xCC, !isStandalone(UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)) { return false }
                i += 2
            } else if b < 0xF0 {
                guard i + 2 < n else { return false }
                if !isStandalone(UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)) { return false }
                i += 3
            } else {
                return false  // outside the Basic Multilingual Plane: emoji and the like
            }
        }
        return true
    }

    /// `Array(text)`, without grapheme breaking where ``allStandalone(_:)`` holds.
    static func characters(_ text: String) -> [Character] {
        guard allStandalone(text) else {
            var out: [Character] = []
            forEachStretch(of: text, single: { out.append(Character($0)) }, joined: { out.append(contentsOf: $0) })
            return out
        }
        var out: [Character] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { out.append(Character(scalar)) }
        return out
    }

    /// Each character of `text` as its scalar value, or `UInt32.max` for a character of several
    /// scalars (a digit or bracket with a combining mark on it is another character): what checks
    /// that look for a few single-scalar marks walk. Without grapheme breaking where
    /// ``allStandalone(_:)`` holds.
    static func characterValues(_ text: String) -> [UInt32] {
        var text = text
        // Decoded from the UTF-8 by hand into one reserved array (`unicodeScalars.map` paid a
        // count pass and an index walk per scalar; this runs on every text with a digit or bracket).
        let values: [UInt32]? = text.withUTF8 { bytes in
            guard allStandalone(utf8: bytes) else { return nil }
            return [UInt32](unsafeUninitializedCapacity: bytes.count) { out, count in
                var i = 0, k = 0
                let n = bytes.count
                while i < n {
                    let b = UInt32(bytes[i])
                    if b < 0x80 {
                        out[k] = b; i += 1
                    } else if b < 0xE0 {
                        out[k] = (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); i += 2
                    } else {  // allStandalone: nothing outside the Basic Multilingual Plane
                        out[k] = (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F); i += 3
                    }
                    k += 1
                }
                count = k
            }
        }
        if let values { return values }
        var out: [UInt32] = []
        forEachCharacterValue(of: text) { out.append($0) }
        return out
    }

    /// `text.count`, without grapheme breaking where ``allStandalone(_:)`` holds.
    static func count(_ text: String) -> Int {
        var text = text
        if let count = text.withUTF8({ standaloneCount(utf8: $0) }) { return count }
        var count = 0
        forEachCharacterValue(of: text) { _ in count += 1 }
        return count
    }

    /// Calls `body` with each character of `text`: its scalar value, or `UInt32.max` for a
    /// character of several scalars (see ``forEachStretch(of:single:joined:)``).
    private static func forEachCharacterValue(of text: String, _ body: (UInt32) -> Void) {
        forEachStretch(of: text, single: { body($0.value) }, joined: { stretch in
            for c in stretch { body(c.unicodeScalars.count == 1 ? c.unicodeScalars.first!.value : UInt32.max) }
        })
    }

    /// The characters of `text`, for text that has scalars ``isStandalone(_:)`` does not hold for
    /// (an emoji, a combining mark): each standalone scalar between two breaks is given to
    /// `single`, and each stretch around the others to `joined`, to be broken into characters.
    /// Swift's grapheme breaking thus runs only on those stretches: between two standalone
    /// scalars there is always a break (no rule of UAX #29 joins them, none being CR, Extend,
    /// ZWJ, SpacingMark, Prepend, Hangul or a regional indicator, and the rules that look back —
    /// emoji ZWJ sequences, regional indicator pairs — look back over such scalars only), so the
    /// text is cut there and each stretch breaks on its own as it does within the whole text.
    /// Breaking a long text whole cost ~70 instructions a character.
    private static func forEachStretch(of text: String, single: (Unicode.Scalar) -> Void, joined: (String) -> Void) {
        let scalars = Array(text.unicodeScalars)
        var start = 0, p = 1
        while p <= scalars.count {
            defer { p += 1 }
            guard p == scalars.count || (isStandalone(scalars[p - 1].value) && isStandalone(scalars[p].value)) else { continue }
            if p - start == 1 {
                single(scalars[start])
            } else {
                var stretch = String.UnicodeScalarView()
                stretch.append(contentsOf: scalars[start..<p])
                joined(String(stretch))
            }
            start = p
        }
    }

    /// How many scalars `bytes` (valid UTF-8) holds, in the pass that checks that each is a
    /// character of its own (``allStandalone(_:)``, without a pass of its own); nil when one is not.
    private static func standaloneCount(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0, count = 0
        let n = bytes.count
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        while i < n {
            // Eight ASCII bytes but CR at a time (English sources are mostly those): eight characters.
            if i + 8 <= n {
                let w = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let cr = w ^ 0x0D0D_0D0D_0D0D_0D0D
                if w & ~low7 == 0, ~(((cr & low7) &+ low7) | cr) & ~low7 == 0 {
                    count += 8
                    i += 8
                    continue
                }
            }
            // Else the scalars of those eight bytes one by one.
            let stop = min(i + 8, n)
            while i < stop {
                let b = bytes[i]
                if b < 0x80 {
                    if b == 0x0D { return nil }
                    i += 1
                } else if b < 0xE0 {
                    guard i + 1 < n, b < 0xCC || isStandalone(UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)) else { return nil }
                    i += 2
                } else {
                    guard b < 0xF0, i + 2 < n,
                          isStandalone(UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)) else { return nil }
                    i += 3
                }
                count += 1
            }
        }
        return count
    }

    /// `Character(scalar).isLetter` for a standalone scalar (Swift decides a character by its
    /// first scalar's Alphabetic property), ASCII without the property table.
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { isLetter(value: scalar.value) }

    /// ``isLetter(_:)`` by the scalar's value (one from valid UTF-8).
    @inline(__always)
    static func isLetter(value v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v < 0x2000 { return lowLetters[Int(v)] }
        return Unicode.Scalar(v)?.properties.isAlphabetic ?? false
    }

    /// The Alphabetic property of U+0000…U+1FFF (Latin, Greek, Cyrillic and the rest of the
    /// alphabets a translation mostly uses), looked up once instead of per character.
    static let lowLetters: [Bool] = (0..<0x2000).map { v in Unicode.Scalar(UInt32(v))?.properties.isAlphabetic ?? false }

    /// The lower-case of each scalar below U+0300 whose `lowercaseMapping` is one scalar below
    /// U+0300, else `0xFFFF`. Below U+0300 no two different runs of scalars are canonically
    /// equivalent (no singletons, no combining marks), so words of such scalars lower-case to
    /// equal strings exactly when their mapped scalars are equal one by one.
    static let simpleLowercase: [UInt16] = (0..<0x300).map { v -> UInt16 in
        let mapped = Unicode.Scalar(UInt32(v))!.properties.lowercaseMapping.unicodeScalars
        guard mapped.count == 1, let m = mapped.first, m.value < 0x300 else { return 0xFFFF }
        return UInt16(m.value)
    }

    /// Whether two words (valid UTF-8 of standalone scalars) are equal once lower-cased, as
    /// `String.lowercased()` and `==` say, decided without making strings: nil when a scalar is
    /// outside ``simpleLowercase`` (the caller lower-cases the strings then).
    static func lowercasedEqual(_ a: Slice<UnsafeBufferPointer<UInt8>>, _ b: Slice<UnsafeBufferPointer<UInt8>>) -> Bool? {
        simpleLowercase.withUnsafeBufferPointer { table -> Bool? in
            // The scalar value below U+0300 at `i` (one or two bytes), its length, or nil.
            @inline(__always) func scalar(_ s: Slice<UnsafeBufferPointer<UInt8>>, _ i: Int) -> (Int, Int)? {
                let b0 = s[i]
                if b0 < 0x80 { return (Int(b0), 1) }
                guard b0 < 0xCC, i + 1 < s.endIndex else { return nil }  // 0xCC 0x80 is U+0300
                return (Int(b0 & 0x1F) << 6 | Int(s[i + 1] & 0x3F), 2)
            }
            var i = a.startIndex, j = b.startIndex
            var equal = true
            while i < a.endIndex && j < b.endIndex {
                guard let (x, m) = scalar(a, i), let (y, n) = scalar(b, j) else { return nil }
                let lx = table[x], ly = table[y]
                guard lx != 0xFFFF, ly != 0xFFFF else { return nil }
                if lx != ly { equal = false }
                i += m
                j += n
            }
            // Same number of characters (the caller's test): both end together.
            return i == a.endIndex && j == b.endIndex ? equal : nil
        }
    }

    /// `Character(scalar).isWhitespace` for a standalone scalar, ASCII without the property table.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v < 0x1680 { return v == 0x85 || v == 0xA0 }  // the only White_Space below U+1680
        return scalar.properties.isWhitespace
    }

    /// The scalar that starts at `i` in valid UTF-8, and its length in bytes.
    @inline(__always)
    static func scalar(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int) {
        let b = UInt32(bytes[i])
        let (value, length): (UInt32, Int)
        if b < 0x80 {
            (value, length) = (b, 1)
        } else if b < 0xE0 {
            (value, length) = ((b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2)
        } else if b < 0xF0 {
            (value, length) = ((b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        } else {
            (value, length) = ((b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F), 4)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
