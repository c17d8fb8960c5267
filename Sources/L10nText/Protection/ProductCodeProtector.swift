import L10nCore

/// Protects model numbers and SKUs (subtype `l10n:sku`) such as `XP-2000B`, `KX-TG6821`,
/// `SM-G991B`, `WH1000XM5`.
///
/// A false positive hides words from translators and keeps measurements from being converted,
/// so the heuristic is deliberately narrow. A token (letters and digits, optionally joined by
/// single hyphens or underscores, not touching other letters, digits or dots-before-digits) is
/// a product code when:
/// - it has at least one ASCII digit and at least one uppercase ASCII letter, no lowercase
///   letter and no non-ASCII letter (ordinary words in any language, and "iPhone", fail this);
/// - it has at least four letters and digits in all (`M8`, `A4`, `5G`, `MP3` are too short to
///   tell from a screw size, paper size, network or format name);
/// - it does not start with a digit and continue as number-and-unit groups: `12V`, `5W`,
///   `100-240V`, `60Hz`, `1080P`, `2000MAH`, `5V2A` are measurements a later stage converts;
/// - it is not a year, date or time shape (`Q3-2024`, `FY2025` stay text).
/// Standard and interface names with the same shape (`RS-485`, `DDR4`, `IP68`, `USB3`) are
/// protected too: they are never translated either, so protecting them is harmless.
///
/// The scan is hand-written over UTF-8 (it runs on nearly every text of a product page, where a
/// regular expression through Foundation cost more than the rest of extraction). It finds exactly
/// what these expressions found (the test suite keeps them as an oracle):
/// - tokens: `(?<![\p{L}\p{N}_\-.])(?=[A-Za-z0-9_\-]*[0-9])(?=[A-Za-z0-9_\-]*[A-Z])[A-Za-z0-9]+(?:[\-_][A-Za-z0-9]+)*(?![\p{L}\p{N}_]|[\-.][\p{L}\p{N}])`
/// - measurements: `^(?:\d+(?:[.,]\d+)?(?:-\d+(?:[.,]\d+)?)?[A-Za-z]{0,5})+$`
/// - periods: `^(?:Q[1-4]|H[12]|FY|CY)[\-_]?(?:\d{2}|\d{4})?(?:[\-_](?:\d{2}|\d{4}))?$`
public struct ProductCodeProtector: SpanProtecting {
    public static let subType = "l10n:sku"

    public init() {}

    public func protectedSpans(in text: String) -> [ProtectedSpan] {
        var text = text
        var found: [Range<Int>] = []
        text.withUTF8 { Self.scan($0, into: &found) }
        guard !found.isEmpty else { return [] }
        let utf8 = text.utf8
        return found.map { r in
            let start = utf8.index(utf8.startIndex, offsetBy: r.lowerBound)
            let end = utf8.index(start, offsetBy: r.count)
            return ProtectedSpan(range: start..<end, subType: Self.subType)
        }
    }

    public func protectedSpans(inUTF8 text: UnsafeBufferPointer<UInt8>) -> [ProtectedByteSpan] {
        var found: [Range<Int>] = []
        Self.scan(text, into: &found)
        return found.map { ProtectedByteSpan(range: $0, subType: Self.subType) }
    }

    // MARK: - Scanning

    private static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// The scalar starting at `i` (UTF-8, already valid) and its length.
    private static func scalar(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b = p[i]
        if b < 0x80 { return (Unicode.Scalar(b), 1) }
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length where i + k < p.count { v = v << 6 | UInt32(p[i + k] & 0x3F) }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", length)
    }

    /// `\p{L}` or `\p{N}`.
    private static func isLetterOrNumber(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return isAlnum(UInt8(s.value)) }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Whether the scalar ending right before `i` keeps a token from starting at `i`
    /// (`[\p{L}\p{N}_\-.]`).
    private static func blocksStart(_ p: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
        guard i > 0 else { return false }
        let b = p[i - 1]
        if b < 0x80 { return isAlnum(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") }
        var k = i - 1
        while k > 0, p[k] & 0xC0 == 0x80 { k -= 1 }
        return isLetterOrNumber(scalar(p, at: k).0)
    }

    /// Whether what follows a token ending at `e` lets it stand (`(?![\p{L}\p{N}_]|[\-.][\p{L}\p{N}])`).
    private static func endsCleanly(_ p: UnsafeBufferPointer<UInt8>, at e: Int) -> Bool {
        guard e < p.count else { return true }
        let (next, length) = scalar(p, at: e)
        if next == "_" || isLetterOrNumber(next) { return false }
        if next == "-" || next == ".", e + length < p.count, isLetterOrNumber(scalar(p, at: e + length).0) { return false }
        return true
    }

    /// Per byte: 1 an ASCII digit, 2 an uppercase and 4 a lowercase ASCII letter (so `& 7` is
    /// alphanumeric). One look-up a byte instead of range comparisons: the scan runs on every text.
    private static let byteClasses: [UInt8] = (0..<256).map { b -> UInt8 in
        switch b {
        case 0x30...0x39: return 1
        case 0x41...0x5A: return 2
        case 0x61...0x7A: return 4
        default: return 0
        }
    }

    static func scan(_ p: UnsafeBufferPointer<UInt8>, into found: inout [Range<Int>]) {
        byteClasses.withUnsafeBufferPointer { classes in
            let n = p.count
            // Cheap reject: a product code needs an ASCII digit and an uppercase ASCII letter.
            guard hasDigitAndUppercase(p, classes) else { return }
            var i = 0
            while i < n {
                guard classes[Int(p[i])] != 0, !blocksStart(p, before: i) else { i += 1; continue }
                // The longest token from i: alphanumeric runs joined by single '-' or '_'. A token
                // with a lowercase letter is no product code (most tokens are words): it is skipped
                // without looking at what follows it or checking it again.
                var e = i
                var kinds: UInt8 = 0
                while e < n { let c = classes[Int(p[e])]; if c == 0 { break }; kinds |= c; e += 1 }
                while e + 1 < n, p[e] == UInt8(ascii: "-") || p[e] == UInt8(ascii: "_"), classes[Int(p[e + 1])] != 0 {
                    e += 1
                    while e < n { let c = classes[Int(p[e])]; if c == 0 { break }; kinds |= c; e += 1 }
                }
                if kinds & 4 == 0, endsCleanly(p, at: e), isProductCode(UnsafeBufferPointer(rebasing: p[i..<e])) {
                    found.append(i..<e)
                }
                // No token can start inside this one (each position follows a token character).
                i = e
            }
        }
    }

    /// Whether `p` holds an ASCII digit and an uppercase ASCII letter: eight bytes at a time
    /// (byte by byte, the test cost ≈ 5 instructions a byte of nearly every text), the rest
    /// through `classes`.
    private static func hasDigitAndUppercase(_ p: UnsafeBufferPointer<UInt8>, _ classes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        /// Whether a byte of `x` is strictly between `m` and `n` (`m` ≤ 127, `n` ≤ 128): exact, no
        /// carry or borrow crosses bytes, and bytes from 0x80 up never count.
        @inline(__always) func hasBetween(_ x: UInt64, _ m: UInt64, _ n: UInt64) -> Bool {
            let low = x & (ones &* 127)
            return ((ones &* (127 + n)) &- low) & ~x & (low &+ ones &* (127 - m)) & (ones &* 128) != 0
        }
        var seen: UInt8 = 0
        var k = 0
        let n = p.count
        while k + 8 <= n, seen != 3 {
            let word = UnsafeRawPointer(p.baseAddress! + k).loadUnaligned(as: UInt64.self)
            if hasBetween(word, 0x2F, 0x3A) { seen |= 1 }
            if hasBetween(word, 0x40, 0x5B) { seen |= 2 }
            k += 8
        }
        while k < n, seen & 3 != 3 { seen |= classes[Int(p[k])]; k += 1 }
        return seen & 3 == 3
    }

    /// The heuristic above, for one token.
    static func isProductCode(_ token: Substring) -> Bool {
        var token = String(token)
        return token.withUTF8 { isProductCode($0) }
    }

    static func isProductCode(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0, upper = 0, alnum = 0
        for b in t {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1; alnum += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): upper += 1; alnum += 1
            case UInt8(ascii: "-"), UInt8(ascii: "_"): continue
            default: return false  // lowercase or non-ASCII
            }
        }
        guard digits > 0, upper > 0, alnum >= 4 else { return false }
        return !isMeasurement(t) && !isPeriod(t)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    /// Digits then up to five letters, once or more, with an optional numeric range (`100-240V`,
    /// `5V2A`). Tokens hold no `.` or `,`, so the decimal parts of the expression never apply.
    /// The expression backtracks: `1-100-240V` is `1-10` then `0-240V`. So this follows every
    /// way at once, as a set of states: the first digits of a group (`first`), after its `-`
    /// (`dash`), its second digits (`second`), after 1…5 letters (`letters` bits 0…4).
    static func isMeasurement(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let head = t.first, isDigit(head) else { return false }
        var first = true, dash = false, second = false
        var letters: UInt8 = 0
        for b in t.dropFirst() {
            let groupEnds = first || second || letters != 0  // a new group may start here
            if isDigit(b) {
                (first, dash, second, letters) = (first || groupEnds, false, dash || second, 0)
            } else if b == UInt8(ascii: "-") {
                (first, dash, second, letters) = (false, first, false, 0)
            } else if isLetter(b) {
                (first, dash, second, letters) = (false, false, false, (first || second ? 1 : 0) | (letters << 1) & 0x1F)
            } else {
                return false
            }
            guard first || dash || second || letters != 0 else { return false }
        }
        return first || second || letters != 0
    }

    /// Quarter, fiscal-year and half-year labels: dates, not products.
    static func isPeriod(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard t.count >= 2 else { return false }
        switch (t[0], t[1]) {
        case (UInt8(ascii: "Q"), UInt8(ascii: "1")...UInt8(ascii: "4")), (UInt8(ascii: "H"), UInt8(ascii: "1")...UInt8(ascii: "2")),
             (UInt8(ascii: "F"), UInt8(ascii: "Y")), (UInt8(ascii: "C"), UInt8(ascii: "Y")):
            break
        default:
            return false
        }
        let rest = UnsafeBufferPointer(rebasing: t[2...])
        func isSeparator(_ b: UInt8) -> Bool { b == UInt8(ascii: "-") || b == UInt8(ascii: "_") }
        func digitRun(_ r: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Bool {
            from + count <= r.count && (from..<from + count).allSatisfy { isDigit(r[$0]) }
        }
        // [\-_]? (\d{2}|\d{4})? ([\-_](\d{2}|\d{4}))? $
        for sep in [false, true] {
            if sep && (rest.isEmpty || !isSeparator(rest[0])) { continue }
            let a = sep ? 1 : 0
            for d in [0, 2, 4] where d == 0 || digitRun(rest, a, d) {
                let b = a + d
                if b == rest.count { return true }
                if isSeparator(rest[b]), (rest.count - b - 1 == 2 || rest.count - b - 1 == 4), digitRun(rest, b + 1, rest.count - b - 1) {
                    return true
                }
            }
        }
        return false
    }
}
