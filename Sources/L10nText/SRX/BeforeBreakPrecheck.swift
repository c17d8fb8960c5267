/// A cheap necessary condition for a beforebreak pattern to match text ending at a position,
/// checked backwards over UTF-16 before ICU is asked.
///
/// SRX exception rules are mostly word lists (`\b(?:Mr|Mrs|Dr|St)\.`, `\b[AaPp]\.\s?[Mm]\.`):
/// at a sentence end the list is tried and nearly always fails, and asking ICU costs thousands of
/// instructions per rule and position. Patterns of this shape are understood here — an optional
/// run of leading lookbehinds (only ever restricting, so ignored), an optional `\b`, then either
/// one top-level `(?:a|b|…)` group followed by a sequence, or a plain sequence, where a sequence
/// is literal characters, escaped punctuation, simple classes (`[Ee]`, `[!?:;]`), `\s`, `\d`,
/// `\p{L}`, `\p{Lu}`, `\p{Ll}`, each optionally followed by `?`. Anything else gives no precheck.
///
/// The check is conservative: where it cannot tell (a non-ASCII character whose class it does not
/// decide, a surrogate) it answers "may match", so a rule is never skipped where ICU would match.
struct BeforeBreakPrecheck: Sendable {
    enum Atom: Sendable, Equatable {
        case unit(UInt16)
        case set([UInt16])
        case whitespace, digit, letter, upper, lower
    }

    struct Item: Sendable, Equatable {
        var atom: Atom
        var optional: Bool
    }

    let alternatives: [[Item]]
    let boundaryBefore: Bool

    init?(pattern: String) {
        let u = Array(pattern.utf16)
        var i = 0
        // Leading lookbehinds only restrict matches: a precheck may ignore them.
        while i + 3 < u.count, u[i] == 0x28, u[i + 1] == 0x3F, u[i + 2] == 0x3C, u[i + 3] == 0x3D || u[i + 3] == 0x21 {
            guard let close = Self.closingParen(u, from: i) else { return nil }
            i = close + 1
        }
        var boundary = false
        if i + 1 < u.count, u[i] == 0x5C, u[i + 1] == 0x62 /* \b */ {
            boundary = true
            i += 2
        }
        var alternatives: [[Item]]
        if i + 2 < u.count, u[i] == 0x28, u[i + 1] == 0x3F, u[i + 2] == 0x3A /* (?: */ {
            guard let close = Self.closingParen(u, from: i) else { return nil }
            alternatives = []
            var start = i + 3, depth = 0, k = i + 3
            while k < close {
                if u[k] == 0x5C { k += 2; continue }
                if u[k] == 0x5B { guard let end = Self.closingBracket(u, from: k) else { return nil }; k = end + 1; continue }
                if u[k] == 0x28 { depth += 1 } else if u[k] == 0x29 { depth -= 1 }
                if u[k] == 0x7C, depth == 0 {
                    guard let alternative = Self.sequence(u[start..<k]) else { return nil }
                    alternatives.append(alternative)
                    start = k + 1
                }
                k += 1
            }
            guard let last = Self.sequence(u[start..<close]), let suffix = Self.sequence(u[(close + 1)...]) else { return nil }
            alternatives.append(last)
            alternatives = alternatives.map { $0 + suffix }
        } else {
            guard let sequence = Self.sequence(u[i...]) else { return nil }
            alternatives = [sequence]
        }
        guard !alternatives.isEmpty, alternatives.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.alternatives = alternatives
        self.boundaryBefore = boundary
    }

    /// The index of the `)` closing the group that opens at `open`.
    private static func closingParen(_ u: [UInt16], from open: Int) -> Int? {
        var depth = 0, k = open
        while k < u.count {
            switch u[k] {
            case 0x5C: k += 2; continue
            case 0x5B:
                guard let end = closingBracket(u, from: k) else { return nil }
                k = end + 1
                continue
            case 0x28: depth += 1
            case 0x29:
                depth -= 1
                if depth == 0 { return k }
            default: break
            }
            k += 1
        }
        return nil
    }

    /// The index of the `]` closing a simple class opening at `open` (no nesting).
    private static func closingBracket(_ u: [UInt16], from open: Int) -> Int? {
        var k = open + 1
        while k < u.count {
            if u[k] == 0x5C { k += 2; continue }
            if u[k] == 0x5B { return nil }
            if u[k] == 0x5D { return k }
            k += 1
        }
        return nil
    }

    /// A sequence of atoms, or nil when the text is more than this understands.
    private static func sequence(_ s: ArraySlice<UInt16>) -> [Item]? {
        var items: [Item] = []
        var k = s.startIndex
        while k < s.endIndex {
            let c = s[k]
            var atom: Atom
            switch c {
            case 0x5C:  // backslash
                guard k + 1 < s.endIndex else { return nil }
                let d = s[k + 1]
                k += 2
                switch d {
                case 0x73: atom = .whitespace                                  // \s
                case 0x64: atom = .digit                                       // \d
                case 0x70:                                                     // \p{…}
                    guard k < s.endIndex, s[k] == 0x7B, let close = s[k...].firstIndex(of: 0x7D) else { return nil }
                    switch String(decoding: s[(k + 1)..<close], as: UTF16.self) {
                    case "L": atom = .letter
                    case "Lu": atom = .upper
                    case "Ll": atom = .lower
                    default: return nil
                    }
                    k = close + 1
                default:
                    // Escaped punctuation is itself; letters and digits are classes or anchors.
                    guard d < 0x80, !(d >= 0x30 && d <= 0x39), !((d | 0x20) >= 0x61 && (d | 0x20) <= 0x7A) else { return nil }
                    atom = .unit(d)
                }
            case 0x5B:  // [
                guard s.index(after: k) < s.endIndex, s[k + 1] != 0x5E /* ^ */ else { return nil }
                var units: [UInt16] = []
                var j = k + 1
                while j < s.endIndex, s[j] != 0x5D {
                    var member = s[j]
                    if member == 0x5C {
                        guard j + 1 < s.endIndex else { return nil }
                        member = s[j + 1]
                        guard member < 0x80, !((member | 0x20) >= 0x61 && (member | 0x20) <= 0x7A), !(member >= 0x30 && member <= 0x39) else { return nil }
                        j += 2
                    } else {
                        guard member != 0x5B, member != 0x2D /* ranges */, !(0xD800...0xDFFF).contains(member) else { return nil }
                        j += 1
                    }
                    units.append(member)
                }
                guard j < s.endIndex, !units.isEmpty else { return nil }
                atom = .set(units)
                k = j + 1
            case 0x28, 0x29, 0x7C, 0x2E, 0x5E, 0x24, 0x2A, 0x2B, 0x3F, 0x7B, 0x7D, 0x5D:
                return nil  // ( ) | . ^ $ * + ? { } ]
            default:
                guard !(0xD800...0xDFFF).contains(c) else { return nil }
                atom = .unit(c)
                k += 1
            }
            var optional = false
            if k < s.endIndex {
                switch s[k] {
                case 0x3F:  // ?
                    optional = true
                    k += 1
                    if k < s.endIndex, s[k] == 0x3F || s[k] == 0x2B { return nil }  // lazy or possessive
                case 0x2A, 0x2B, 0x7B:
                    return nil  // * + {n,m}
                default: break
                }
            }
            items.append(Item(atom: atom, optional: optional))
        }
        return items
    }

    // MARK: - Checking

    /// An atom as plain values (no references), so matching does no reference counting.
    struct Probe: Sendable {
        enum Kind: UInt8, Sendable { case unit, set, whitespace, digit, letter, upper, lower }
        var kind: Kind
        var unit: UInt16 = 0
        /// ASCII members of a set, as a bit mask; non-ASCII members in `wide`.
        var low: UInt64 = 0, high: UInt64 = 0
        var wide: (UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0)
        var wideCount = 0
        var optional: Bool

        init?(_ item: Item) {
            optional = item.optional
            switch item.atom {
            case .unit(let c): kind = .unit; unit = c
            case .whitespace: kind = .whitespace
            case .digit: kind = .digit
            case .letter: kind = .letter
            case .upper: kind = .upper
            case .lower: kind = .lower
            case .set(let units):
                kind = .set
                for u in units {
                    if u < 64 { low |= 1 << UInt64(u) } else if u < 128 { high |= 1 << UInt64(u - 64) } else {
                        guard wideCount < 4 else { return nil }
                        withUnsafeMutableBytes(of: &wide) { $0.storeBytes(of: u, toByteOffset: wideCount * 2, as: UInt16.self) }
                        wideCount += 1
                    }
                }
            }
        }

        @inline(__always) func accepts(_ u: UInt16) -> Bool {
            switch kind {
            case .unit: return u == unit
            case .set:
                if u < 64 { return low & (1 << UInt64(u)) != 0 }
                if u < 128 { return high & (1 << UInt64(u - 64)) != 0 }
                return (wideCount > 0 && wide.0 == u) || (wideCount > 1 && wide.1 == u) || (wideCount > 2 && wide.2 == u) || (wideCount > 3 && wide.3 == u)
            case .whitespace: return BeforeBreakPrecheck.mayBe(.whitespace, u)
            case .digit: return BeforeBreakPrecheck.mayBe(.digit, u)
            case .letter: return BeforeBreakPrecheck.mayBe(.letter, u)
            case .upper: return BeforeBreakPrecheck.mayBe(.upper, u)
            case .lower: return BeforeBreakPrecheck.mayBe(.lower, u)
            }
        }
    }

    /// The matcher, built once: all alternatives' probes in one array, and the alternatives to try
    /// by the unit just before the final one (most lists end in `\.`, so that is the word's last
    /// letter); alternatives that cannot be bucketed are always tried.
    final class Compiled: @unchecked Sendable {
        // @unchecked: immutable after init.
        let probes: [Probe]
        let ranges: [Range<Int>]
        let buckets: [[Int32]]  // by ASCII unit; index 128: any non-ASCII unit
        let always: [Int32]
        let boundaryBefore: Bool

        init?(_ precheck: BeforeBreakPrecheck) {
            var probes: [Probe] = [], ranges: [Range<Int>] = []
            for alternative in precheck.alternatives {
                let start = probes.count
                for item in alternative {
                    guard let probe = Probe(item) else { return nil }
                    probes.append(probe)
                }
                ranges.append(start..<probes.count)
            }
            var buckets = [[Int32]](repeating: [], count: 129), always: [Int32] = []
            for (a, r) in ranges.enumerated() {
                guard r.count >= 2, !probes[r.upperBound - 1].optional, !probes[r.upperBound - 2].optional else {
                    always.append(Int32(a))
                    continue
                }
                let probe = probes[r.upperBound - 2]
                for u in 0..<128 where probe.accepts(UInt16(u)) { buckets[u].append(Int32(a)) }
                // Non-ASCII units: the probe may accept some (sets with wide members, classes).
                if probe.kind != .unit || probe.unit >= 128 { buckets[128].append(Int32(a)) }
            }
            self.probes = probes
            self.ranges = ranges
            self.buckets = buckets
            self.always = always
            self.boundaryBefore = precheck.boundaryBefore
        }

        func mayMatch(endingAt end: Int, in text: UnsafeBufferPointer<UInt16>) -> Bool {
            probes.withUnsafeBufferPointer { p in
                for a in always where matches(p, ranges[Int(a)], end, text) { return true }
                guard end >= 2 else { return false }
                let u = text[end - 2]
                for a in buckets[u < 128 ? Int(u) : 128] where matches(p, ranges[Int(a)], end, text) { return true }
                return false
            }
        }

        private func matches(_ p: UnsafeBufferPointer<Probe>, _ r: Range<Int>, _ end: Int, _ text: UnsafeBufferPointer<UInt16>) -> Bool {
            step(p, r.lowerBound, r.upperBound - 1, end, text)
        }

        /// Probes `first...i` matched backwards, the last ending at `pos`.
        private func step(_ p: UnsafeBufferPointer<Probe>, _ first: Int, _ i: Int, _ pos: Int, _ text: UnsafeBufferPointer<UInt16>) -> Bool {
            guard i >= first else { return !boundaryBefore || BeforeBreakPrecheck.mayBeBoundary(at: pos, in: text) }
            let probe = p[i]
            if probe.optional, step(p, first, i - 1, pos, text) { return true }
            guard pos > 0, probe.accepts(text[pos - 1]) else { return false }
            return step(p, first, i - 1, pos - 1, text)
        }
    }

    /// False only when the pattern cannot match text ending at `end` (the uncompiled form, for
    /// tests; the evaluator uses ``Compiled``).
    func mayMatch(endingAt end: Int, in text: UnsafeBufferPointer<UInt16>) -> Bool {
        alternatives.contains { matches($0, $0.count - 1, end, text) }
    }

    private func matches(_ items: [Item], _ i: Int, _ pos: Int, _ text: UnsafeBufferPointer<UInt16>) -> Bool {
        guard i >= 0 else { return !boundaryBefore || Self.mayBeBoundary(at: pos, in: text) }
        let item = items[i]
        if item.optional, matches(items, i - 1, pos, text) { return true }
        guard pos > 0, Self.mayBe(item.atom, text[pos - 1]) else { return false }
        return matches(items, i - 1, pos - 1, text)
    }

    static func mayBe(_ atom: Atom, _ u: UInt16) -> Bool {
        switch atom {
        case .unit(let c): return u == c
        case .set(let units): return units.contains(u)
        case .whitespace: return u == 0x20 || (u >= 0x09 && u <= 0x0D) || u >= 0x80
        case .digit: return (u >= 0x30 && u <= 0x39) || u >= 0x80
        case .letter, .upper, .lower:
            if u < 0x80 {
                switch atom {
                case .upper: return u >= 0x41 && u <= 0x5A
                case .lower: return u >= 0x61 && u <= 0x7A
                default: return (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A
                }
            }
            guard let scalar = Unicode.Scalar(u) else { return true }  // a surrogate: cannot tell
            let category = scalar.properties.generalCategory
            switch atom {
            case .upper: return category == .uppercaseLetter
            case .lower: return category == .lowercaseLetter
            default:
                switch category {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
                default: return false
                }
            }
        }
    }

    /// Whether `\b` may hold at `pos`: a word character on exactly one side. Non-ASCII
    /// neighbours are not decided here.
    static func mayBeBoundary(at pos: Int, in text: UnsafeBufferPointer<UInt16>) -> Bool {
        func word(_ u: UInt16) -> Bool? {
            if u >= 0x80 { return nil }
            return (u >= 0x30 && u <= 0x39) || ((u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A) || u == 0x5F
        }
        let before: Bool? = pos > 0 ? word(text[pos - 1]) : false
        let after: Bool? = pos < text.count ? word(text[pos]) : false
        guard let before, let after else { return true }
        return before != after
    }

    /// The one UTF-16 unit every match of `pattern` contains when it starts with a plain literal
    /// character that no quantifier makes optional (`…[\p{Pe}"']*`): a text without it needs no
    /// matching at all.
    static func requiredUnit(_ pattern: String) -> UInt16? {
        let u = Array(pattern.utf16)
        guard let c = u.first, !(0xD800...0xDFFF).contains(c), c >= 0x80 || (c >= 0x21 && !Array("\\[](){}.*+?^$|#".utf16).contains(c)) else { return nil }
        if u.count > 1, [0x3F, 0x2A, 0x7B].contains(u[1]) { return nil }  // ? * {
        guard !u.contains(0x7C) else { return nil }  // an alternation anywhere: be safe
        return c
    }
}
