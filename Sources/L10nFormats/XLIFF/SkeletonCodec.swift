import Foundation
import L10nCore

/// The span map of a ``Skeleton`` in its compact text form (skeleton encoding version 2): where
/// each unit, segment and ignorable sits in the original bytes, and each inline code's id, kind
/// and original data — the data as a byte range into the original whenever it is a copy of
/// original bytes (it nearly always is), so no markup is stored twice.
///
/// Whitespace-separated ASCII tokens (a line per unit), so it sits in XML as plain text and
/// survives re-indentation. Each token starts with its tag:
///
/// | token | meaning |
/// |---|---|
/// | `'`*str* | defines the next string of the table (0, 1, 2…); *str* is percent-encoded |
/// | `U`*gap* | a new unit starting *gap* bytes after the previous top-level unit's end; its id is `u`*k* (k-th unit) unless `n`*ref* follows; `t`*ref* sets its type |
/// | `F`*delta* `g`*code*`+`*offset* | (version 3) a new subflow unit of the last `U` unit, starting *delta* bytes after that unit's start, inside its code number *code* (0-based), *offset* bytes into the code's data; then as for `U` |
/// | `s`*len*, `i`*len* | the unit's next segment / ignorable, *len* bytes; ids `s1`, `s2`… / `i1`… unless `p`*ref* follows; `R` / `r`: `rewritten` true / false |
/// | `o`, `c`, `x` + *id* + *data* | an open / close / standalone code; *id* is decimal digits, or `=`*ref*; *data* is `@`*delta*`+`*len* (the bytes *delta* after the end of the unit's previous code's data, or the unit's start) or `$`*ref* |
/// | `y`*t*, `z`*ref*, `d`*ref*, `e`*ref*, `k`/`K`, `j`/`J` | the last code's type (`f`mt `u`i `q`uote `l`ink `i`mage `o`ther, `-` none), subType, display, equiv (`=` same as data, `-` none), canDelete false/true, isolated false/true |
///
/// A code's other fields are written only where they differ from a **base** the reader knows
/// without them: in XLIFF 2 the attributes of the code's first inline element in the unit's
/// sources (type, subType, disp, equiv, canDelete, isolated — already in the file); in XLIFF 1.2,
/// whose inline elements carry almost nothing, the defaults (no type, subType, display or equiv;
/// deletable; not isolated).
enum SkeletonCodec {
    /// The fields a code record sets explicitly, over its base.
    struct Overrides: OptionSet, Hashable, Sendable {
        let rawValue: UInt8
        static let type = Overrides(rawValue: 1)
        static let subType = Overrides(rawValue: 2)
        static let display = Overrides(rawValue: 4)
        static let equiv = Overrides(rawValue: 8)
        static let canDelete = Overrides(rawValue: 16)
        static let isolated = Overrides(rawValue: 32)
    }

    /// A span map as read: the spans, with each code's fields that were not written set to the
    /// defaults, and which fields were written.
    struct Decoded {
        var spans: [Skeleton.UnitSpan]
        var overrides: OverrideTable
        /// No span was named (`n`): the spans are `u1`, `u2`… in order.
        var numbered: Bool
    }

    /// Which fields of each code its span map wrote, for all the spans in one array (an array
    /// per span with codes was allocated, filled and freed again for each).
    struct OverrideTable {
        private var flags: [Overrides] = []
        /// For each span, where its codes start in `flags`.
        private var starts: [Int] = []

        init(spans: Int) { starts.reserveCapacity(spans) }

        /// What the span map wrote of code `c` of span `s`.
        subscript(span s: Int, code c: Int) -> Overrides { flags[starts[s] + c] }

        /// A span follows; its codes come next.
        mutating func startSpan() { starts.append(flags.count) }
        /// A code of the last span follows, nothing written of it yet.
        mutating func startCode() { flags.append([]) }
        /// The span map wrote `field` of the last code.
        mutating func wrote(_ field: Overrides) { flags[flags.count - 1].insert(field) }
    }

    /// What codes are matched by within a unit.
    struct CodeKey: Hashable {
        var kind: InlineCode.Kind
        var id: String
        init(_ kind: InlineCode.Kind, _ id: String) {
            self.kind = kind
            self.id = id
        }
    }

    // MARK: - Encoding

    /// The span map of `skeleton`. `base(span, code)` gives what the reader will know of code
    /// `code` of span `span` without the skeleton (nil: nothing, the defaults).
    static func encode(_ skeleton: Skeleton, base: (Int, Int) -> InlineCode?) -> [UInt8] {
        var e = Encoder()
        skeleton.original.withUnsafeBytes { raw in
            let original = raw.bindMemory(to: UInt8.self)
            var lastEnd = 0
            var lastTop = 0
            // By index over the buffer, not `enumerated()` or `spans[s]`: a span, its parts and
            // codes are read in place, not copied out whole (a retain and release per field).
            skeleton.spans.withUnsafeBufferPointer { spans in
                var codeCount = 0
                for s in spans.indices { codeCount += spans[s].codes.count }
                e.out.reserveCapacity(spans.count * 24 + codeCount * 10)
                for s in spans.indices {
                    if let parent = spans[s].parent {
                        precondition(spans[lastTop].unit == parent.unit, "a subflow follows its parent unit (Skeleton.validate)")
                        e.tag(UInt8(ascii: "F"), spans[s].start - spans[lastTop].start)
                        e.tag(UInt8(ascii: "g"), parent.code)
                        e.out.append(UInt8(ascii: "+"))
                        e.number(parent.offset)
                    } else {
                        e.tag(UInt8(ascii: "U"), spans[s].start - lastEnd)
                        lastEnd = spans[s].end
                        lastTop = s
                    }
                    if !Self.isNumbered(spans[s].unit, UInt8(ascii: "u"), s + 1) { e.stringToken(UInt8(ascii: "n"), spans[s].unit) }
                    if let type = spans[s].type { e.stringToken(UInt8(ascii: "t"), type) }
                    var segments = 0, ignorables = 0
                    spans[s].parts.withUnsafeBufferPointer { parts in
                        for part in parts.indices {
                            let length = parts[part].end - parts[part].start
                            if Self.isNumbered(parts[part].id, UInt8(ascii: "i"), ignorables + 1) {
                                ignorables += 1
                                e.tag(UInt8(ascii: "i"), length)
                            } else {
                                segments += 1
                                e.tag(UInt8(ascii: "s"), length)
                                if !Self.isNumbered(parts[part].id, UInt8(ascii: "s"), segments) { e.stringToken(UInt8(ascii: "p"), parts[part].id) }
                            }
                            if let rewritten = parts[part].rewritten { e.flag(rewritten ? UInt8(ascii: "R") : UInt8(ascii: "r")) }
                        }
                    }
                    var cursor = spans[s].start
                    let unitEnd = spans[s].end
                    // Codes passed by pointer: `codes[c]` passed from the buffer was copied out (and destroyed).
                    spans[s].codes.withUnsafeBufferPointer { codes in
                        for c in codes.indices {
                            e.code(codes.baseAddress! + c, original: original, cursor: &cursor, unitEnd: unitEnd)
                            e.overrides(codes.baseAddress! + c, over: base(s, c))
                        }
                    }
                    e.out.append(0x0A)
                }
            }
        }
        return e.out
    }

    private struct Encoder {
        var out: [UInt8] = []
        /// The string table: a document's few types are compared, not hashed, until it grows.
        var strings = SmallMap<String, Int>()
        /// The last string looked up and its index: spans in a row often share a type.
        var last: (string: String, index: Int)?
        /// Whether the next token needs a separating space.
        var open = false

        mutating func separate() {
            if open, out.last != 0x0A { out.append(0x20) }
            open = true
        }

        mutating func number(_ value: Int) {
            precondition(value >= 0, "skeleton offsets are never negative")
            if value < 10 { out.append(UInt8(ascii: "0") + UInt8(value)); return }
            if value < 100 {
                out.append(UInt8(ascii: "0") + UInt8(value / 10))
                out.append(UInt8(ascii: "0") + UInt8(value % 10))
                return
            }
            var divisor = 100
            while divisor <= value / 10 { divisor *= 10 }
            var v = value
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(v / divisor))
                v %= divisor
                divisor /= 10
            }
        }

        mutating func tag(_ t: UInt8, _ value: Int) {
            separate()
            out.append(t)
            number(value)
        }

        mutating func flag(_ t: UInt8) {
            separate()
            out.append(t)
        }

        /// The table index of `s`, defining it first when new.
        mutating func ref(_ s: String) -> Int {
            if let last, last.string == s { return last.index }
            if let i = strings[s] {
                last = (s, i)
                return i
            }
            let i = strings.count
            strings.insertIfAbsent(s, i)
            last = (s, i)
            separate()
            out.append(UInt8(ascii: "'"))
            SkeletonCodec.percentEncode(s, into: &out)
            return i
        }

        mutating func stringToken(_ t: UInt8, _ s: String) {
            let i = ref(s)
            tag(t, i)
        }

        mutating func code(_ code: UnsafePointer<InlineCode>, original: UnsafeBufferPointer<UInt8>, cursor: inout Int, unitEnd: Int) {
            var dataRef: Int?
            var found: Int?, length = 0
            code.pointee.data.withUTF8Bytes { d in
                found = SkeletonCodec.find(d, in: original, from: cursor, to: unitEnd)
                length = d.count
            }
            if found == nil { dataRef = ref(code.pointee.data) }
            var idRef: Int?
            if !Self.isCanonicalNumber(code.pointee.id) { idRef = ref(code.pointee.id) }
            separate()
            switch code.pointee.kind {
            case .open: out.append(UInt8(ascii: "o"))
            case .close: out.append(UInt8(ascii: "c"))
            case .standalone: out.append(UInt8(ascii: "x"))
            }
            if let idRef {
                out.append(UInt8(ascii: "="))
                number(idRef)
            } else {
                code.pointee.id.withUTF8Bytes { out.append(contentsOf: $0) }
            }
            if let found {
                out.append(UInt8(ascii: "@"))
                number(found - cursor)
                out.append(UInt8(ascii: "+"))
                number(length)
                cursor = found + length
            } else if let dataRef {
                out.append(UInt8(ascii: "$"))
                number(dataRef)
            }
        }

        mutating func overrides(_ code: UnsafePointer<InlineCode>, over base: InlineCode?) {
            // Switched on, not `base ?? defaults`: that copied the code through the optional's
            // generic value witness (≈ 330 instructions a code with its destroy).
            switch base {
            case .some(let base): overrides(code, over: base)
            case .none: overrides(code, over: SkeletonCodec.defaults(code.pointee.kind, id: code.pointee.id, data: code.pointee.data))
            }
        }

        private mutating func overrides(_ code: UnsafePointer<InlineCode>, over base: borrowing InlineCode) {
            if code.pointee.type != base.type {
                separate()
                out.append(UInt8(ascii: "y"))
                out.append(SkeletonCodec.typeLetter(code.pointee.type))
            }
            if code.pointee.subType != base.subType { optionalString(UInt8(ascii: "z"), code.pointee.subType, data: nil) }
            if code.pointee.display != base.display { optionalString(UInt8(ascii: "d"), code.pointee.display, data: code.pointee.data) }
            if code.pointee.equiv != base.equiv { optionalString(UInt8(ascii: "e"), code.pointee.equiv, data: code.pointee.data) }
            if code.pointee.canDelete != base.canDelete { flag(code.pointee.canDelete ? UInt8(ascii: "K") : UInt8(ascii: "k")) }
            if code.pointee.isolated != base.isolated { flag(code.pointee.isolated ? UInt8(ascii: "J") : UInt8(ascii: "j")) }
        }

        mutating func optionalString(_ t: UInt8, _ value: String?, data: String?) {
            guard let value else { flag(t); out.append(UInt8(ascii: "-")); return }
            if let data, value == data { flag(t); out.append(UInt8(ascii: "=")); return }
            stringToken(t, value)
        }

        static func isCanonicalNumber(_ s: String) -> Bool {
            s.withUTF8Bytes { p in
                guard p.count > 0, p.count <= 18, p[0] != UInt8(ascii: "0") || p.count == 1 else { return false }
                return p.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            }
        }
    }

    /// Whether `id` is `prefix` followed by `n` in decimal (no leading zero): the default ids.
    static func isNumbered(_ id: String, _ prefix: UInt8, _ n: Int) -> Bool {
        id.withUTF8Bytes { p in
            guard p.count > 1, p.count <= 19, p[0] == prefix else { return false }
            var value = 0
            for i in 1..<p.count {
                let b = p[i]
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9"), !(i == 1 && b == UInt8(ascii: "0")) else { return false }
                value = value * 10 + Int(b - UInt8(ascii: "0"))
            }
            return value == n
        }
    }

    /// A code with only kind, id and data: what a record without overrides means over no base.
    static func defaults(_ kind: InlineCode.Kind, id: String, data: String) -> InlineCode {
        InlineCode(kind: kind, id: id, data: data)
    }

    /// `code`'s fields that its record did not set, taken from `base` (what the file says of it).
    static func complete(_ code: InlineCode, overrides: Overrides, base: InlineCode?) -> InlineCode {
        var c = code
        complete(&c, overrides: overrides, base: base)
        return c
    }

    /// ``complete(_:overrides:base:)`` in place: the reader completes the skeleton's codes where
    /// they lie, without copying each one out and back.
    static func complete(_ c: inout InlineCode, overrides: Overrides, base: InlineCode?) {
        guard let base else { return }
        if !overrides.contains(.type) { c.type = base.type }
        if !overrides.contains(.subType) { c.subType = base.subType }
        if !overrides.contains(.display) { c.display = base.display }
        if !overrides.contains(.equiv) { c.equiv = base.equiv }
        if !overrides.contains(.canDelete) { c.canDelete = base.canDelete }
        if !overrides.contains(.isolated) { c.isolated = base.isolated }
    }

    static func typeLetter(_ type: InlineCode.CodeType?) -> UInt8 {
        switch type {
        case nil: return UInt8(ascii: "-")
        case .fmt?: return UInt8(ascii: "f")
        case .ui?: return UInt8(ascii: "u")
        case .quote?: return UInt8(ascii: "q")
        case .link?: return UInt8(ascii: "l")
        case .image?: return UInt8(ascii: "i")
        case .other?: return UInt8(ascii: "o")
        }
    }

    static func type(letter: UInt8) -> InlineCode.CodeType?? {
        switch letter {
        case UInt8(ascii: "-"): return .some(nil)
        case UInt8(ascii: "f"): return .fmt
        case UInt8(ascii: "u"): return .ui
        case UInt8(ascii: "q"): return .quote
        case UInt8(ascii: "l"): return .link
        case UInt8(ascii: "i"): return .image
        case UInt8(ascii: "o"): return .other
        default: return nil
        }
    }

    /// The first occurrence of `needle` in `haystack[from..<to]`.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        let n = needle.count
        guard from >= 0, to <= haystack.count, to - from >= n else { return nil }
        guard let first = needle.first else { return from }
        var i = from
        let last = to - n
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < n && haystack[i + k] == needle[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Printable ASCII stays (but `%`, `&`, `<`, `>`, `"`, `'`); every other byte becomes `%XX`.
    static func percentEncode(_ s: String, into out: inout [UInt8]) {
        for b in s.utf8 {
            switch b {
            case 0x21...0x7E where b != UInt8(ascii: "%") && b != UInt8(ascii: "&") && b != UInt8(ascii: "<")
                && b != UInt8(ascii: ">") && b != UInt8(ascii: "\"") && b != UInt8(ascii: "'"):
                out.append(b)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            }
        }
    }

    // MARK: - Decoding

    struct Malformed: Error {
        var message: String
    }

    /// Reads a span map over `original` (of `count` bytes). Throws ``Malformed``.
    static func decode(_ text: UnsafeBufferPointer<UInt8>, original: UnsafeBufferPointer<UInt8>) throws -> Decoded {
        var d = Decoder(text: text, original: original)
        return try d.run()
    }

    private struct Decoder {
        let text: UnsafeBufferPointer<UInt8>
        let original: UnsafeBufferPointer<UInt8>
        var i = 0
        var strings: [String] = []
        var spans: [Skeleton.UnitSpan] = []
        var overrides = OverrideTable(spans: 0)
        /// The default part ids made so far (`s1`, `s2`… and `i1`, `i2`…): every unit numbers its
        /// parts from 1 again, so each id is made once per span map, not once per part.
        var segmentIDs: [String] = []
        var ignorableIDs: [String] = []
        /// The same for code ids (`1`, `2`…, numbered within each unit).
        var codeIDs: [String] = []

        init(text: UnsafeBufferPointer<UInt8>, original: UnsafeBufferPointer<UInt8>) {
            self.text = text
            self.original = original
            // A line per unit: the spans array sized once instead of grown (and moved) a dozen times.
            // Lines counted with `memchr` (a count byte by byte cost four instructions a byte).
            var lines = 1
            if let base = text.baseAddress {
                var p = UnsafeRawPointer(base)
                let end = p + text.count
                while p < end, let newline = memchr(p, 0x0A, end - p) {
                    lines += 1
                    p = UnsafeRawPointer(newline) + 1
                }
            }
            spans.reserveCapacity(lines)
            overrides = OverrideTable(spans: lines)
        }

        /// The `n`th default id (1-based) of `ids`, made with `prefix` the first time.
        static func partID(_ n: Int, _ prefix: UInt8?, in ids: inout [String]) -> String {
            while ids.count < n { ids.append(DecimalID.string(ids.count + 1, after: prefix)) }
            return ids[n - 1]
        }

        static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

        func fail(_ message: String) -> Malformed { Malformed(message: message + " (at character \(i) of the span map)") }

        mutating func number() throws -> Int {
            var v = 0, digits = 0
            while i < text.count, text[i] >= UInt8(ascii: "0"), text[i] <= UInt8(ascii: "9") {
                guard digits < 18 else { throw fail("number too long") }
                v = v * 10 + Int(text[i] - UInt8(ascii: "0"))
                digits += 1
                i += 1
            }
            guard digits > 0 else { throw fail("a number was expected") }
            return v
        }

        mutating func string() throws -> String {
            let n = try number()
            guard n < strings.count else { throw fail("string \(n) is not defined yet") }
            return strings[n]
        }

        mutating func expect(_ b: UInt8) throws {
            guard i < text.count, text[i] == b else { throw fail("'\(Character(Unicode.Scalar(b)))' was expected") }
            i += 1
        }

        /// A string field: `-` none, `=` the code's data, else a table reference.
        mutating func optionalString(data: String) throws -> String? {
            guard i < text.count else { throw fail("a value was expected") }
            switch text[i] {
            case UInt8(ascii: "-"): i += 1; return nil
            case UInt8(ascii: "="): i += 1; return data
            default: return try string()
            }
        }

        mutating func run() throws -> Decoded {
            var named = false
            var lastEnd = 0
            var lastTop: Int?
            var segments = 0, ignorables = 0
            var cursor = 0
            while true {
                while i < text.count, Self.isSpace(text[i]) { i += 1 }
                guard i < text.count else { break }
                let tag = text[i]
                i += 1
                if tag == UInt8(ascii: "'") {
                    var bytes: [UInt8] = []
                    while i < text.count, !Self.isSpace(text[i]) {
                        if text[i] == UInt8(ascii: "%") {
                            guard i + 2 < text.count, let hi = Self.hexValue(text[i + 1]), let lo = Self.hexValue(text[i + 2]) else {
                                throw fail("bad %-escape")
                            }
                            bytes.append(hi << 4 | lo)
                            i += 3
                        } else {
                            bytes.append(text[i])
                            i += 1
                        }
                    }
                    guard let s = String(validating: bytes, as: UTF8.self) else { throw fail("a string is not UTF-8") }
                    strings.append(s)
                    continue
                }
                if tag == UInt8(ascii: "U") {
                    let start = lastEnd + (try number())
                    guard start <= original.count else { throw fail("unit \(spans.count + 1) starts after the end of the original") }
                    spans.append(Skeleton.UnitSpan(unit: DecimalID.string(spans.count + 1, after: UInt8(ascii: "u")), type: nil, start: start, end: start, parts: [], codes: []))
                    overrides.startSpan()
                    lastEnd = start
                    lastTop = spans.count - 1
                    segments = 0
                    ignorables = 0
                    cursor = start
                    continue
                }
                if tag == UInt8(ascii: "F") {
                    guard let top = lastTop else { throw fail("a subflow (F) comes before any unit (U)") }
                    let start = spans[top].start + (try number())
                    guard start <= spans[top].end else { throw fail("subflow \(spans.count + 1) starts after the end of its unit") }
                    while i < text.count, Self.isSpace(text[i]) { i += 1 }
                    try expect(UInt8(ascii: "g"))
                    let code = try number()
                    try expect(UInt8(ascii: "+"))
                    let offset = try number()
                    spans.append(Skeleton.UnitSpan(unit: DecimalID.string(spans.count + 1, after: UInt8(ascii: "u")), type: nil, start: start, end: start, parts: [], codes: [],
                                                   parent: Skeleton.Parent(unit: spans[top].unit, code: code, offset: offset)))
                    overrides.startSpan()
                    segments = 0
                    ignorables = 0
                    cursor = start
                    guard i >= text.count || Self.isSpace(text[i]) else { throw fail("unexpected character after a token") }
                    continue
                }
                guard !spans.isEmpty else { throw fail("the span map must start with a unit (U)") }
                let u = spans.count - 1
                switch tag {
                case UInt8(ascii: "n"):
                    spans[u].unit = try string()
                    named = true
                case UInt8(ascii: "t"):
                    spans[u].type = try string()
                case UInt8(ascii: "s"), UInt8(ascii: "i"):
                    let length = try number()
                    let start = spans[u].end
                    guard length <= original.count - start else { throw fail("unit \(spans[u].unit) runs past the end of the original") }
                    let id: String
                    if tag == UInt8(ascii: "s") {
                        segments += 1
                        id = Self.partID(segments, tag, in: &segmentIDs)
                    } else {
                        ignorables += 1
                        id = Self.partID(ignorables, tag, in: &ignorableIDs)
                    }
                    // Room for four parts at the first (and four codes below): grown one by one, a
                    // unit of three parts was allocated three times.
                    if spans[u].parts.isEmpty { spans[u].parts.reserveCapacity(4) }
                    spans[u].parts.append(Skeleton.PartSpan(id: id, start: start, end: start + length))
                    spans[u].end = start + length
                    if spans[u].parent == nil { lastEnd = spans[u].end }
                case UInt8(ascii: "p"), UInt8(ascii: "R"), UInt8(ascii: "r"):
                    guard !spans[u].parts.isEmpty else { throw fail("a part attribute comes before any part") }
                    let p = spans[u].parts.count - 1
                    switch tag {
                    case UInt8(ascii: "p"): spans[u].parts[p].id = try string()
                    case UInt8(ascii: "R"): spans[u].parts[p].rewritten = true
                    default: spans[u].parts[p].rewritten = false
                    }
                case UInt8(ascii: "o"), UInt8(ascii: "c"), UInt8(ascii: "x"):
                    let kind: InlineCode.Kind = tag == UInt8(ascii: "o") ? .open : tag == UInt8(ascii: "c") ? .close : .standalone
                    let id: String
                    if i < text.count, text[i] == UInt8(ascii: "=") {
                        i += 1
                        id = try string()
                    } else {
                        let start = i
                        let n = try number()
                        // A unit's codes are numbered from 1: the first few ids made once per map.
                        if n >= 1, n <= 64, text[start] != UInt8(ascii: "0") {
                            id = Self.partID(n, nil, in: &codeIDs)
                        } else {
                            id = String(decoding: UnsafeBufferPointer(rebasing: text[start..<i]), as: UTF8.self)
                        }
                    }
                    guard i < text.count else { throw fail("code data was expected") }
                    let data: String
                    if text[i] == UInt8(ascii: "@") {
                        i += 1
                        let delta = try number()
                        try expect(UInt8(ascii: "+"))
                        let length = try number()
                        guard delta <= original.count - cursor, length <= original.count - cursor - delta else {
                            throw fail("code data of unit \(spans[u].unit) lies outside the original")
                        }
                        let start = cursor + delta
                        data = String(decoding: UnsafeBufferPointer(rebasing: original[start..<start + length]), as: UTF8.self)
                        cursor = start + length
                    } else {
                        try expect(UInt8(ascii: "$"))
                        data = try string()
                    }
                    if spans[u].codes.isEmpty { spans[u].codes.reserveCapacity(4) }
                    spans[u].codes.append(InlineCode(kind: kind, id: id, data: data))
                    overrides.startCode()
                case UInt8(ascii: "y"), UInt8(ascii: "z"), UInt8(ascii: "d"), UInt8(ascii: "e"),
                     UInt8(ascii: "k"), UInt8(ascii: "K"), UInt8(ascii: "j"), UInt8(ascii: "J"):
                    guard !spans[u].codes.isEmpty else { throw fail("a code attribute comes before any code") }
                    let c = spans[u].codes.count - 1
                    let data = spans[u].codes[c].data
                    switch tag {
                    case UInt8(ascii: "y"):
                        guard i < text.count, let type = SkeletonCodec.type(letter: text[i]) else { throw fail("unknown code type") }
                        i += 1
                        spans[u].codes[c].type = type
                        overrides.wrote(.type)
                    case UInt8(ascii: "z"):
                        spans[u].codes[c].subType = try optionalString(data: data)
                        overrides.wrote(.subType)
                    case UInt8(ascii: "d"):
                        spans[u].codes[c].display = try optionalString(data: data)
                        overrides.wrote(.display)
                    case UInt8(ascii: "e"):
                        spans[u].codes[c].equiv = try optionalString(data: data)
                        overrides.wrote(.equiv)
                    case UInt8(ascii: "k"), UInt8(ascii: "K"):
                        spans[u].codes[c].canDelete = tag == UInt8(ascii: "K")
                        overrides.wrote(.canDelete)
                    default:
                        spans[u].codes[c].isolated = tag == UInt8(ascii: "J")
                        overrides.wrote(.isolated)
                    }
                default:
                    i -= 1
                    throw fail("unknown token")
                }
                guard i >= text.count || Self.isSpace(text[i]) else { throw fail("unexpected character after a token") }
            }
            return Decoded(spans: spans, overrides: overrides, numbered: !named)
        }

        static func hexValue(_ b: UInt8) -> UInt8? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
            default: return nil
            }
        }
    }
}
