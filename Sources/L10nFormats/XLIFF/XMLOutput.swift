import Foundation

/// An XML document being written into a byte buffer: tags with attributes in the order given
/// (so output is deterministic), escaped text, and indentation for the structural elements.
///
/// The buffer is raw memory the value owns (so it is not copyable): a writer appends a few
/// bytes at a time hundreds of thousands of times per document, and `Array.append(contentsOf:)`
/// costs ≈ 100 instructions a call where a capacity check and a copy cost ≈ 10.
struct XMLOutput: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    /// `declaration`: start with `<?xml version="1.0" encoding="UTF-8"?>` (false for a fragment
    /// of a document written piece by piece).
    init(capacity: Int = 0, declaration: Bool = true) {
        self.capacity = max(capacity, 64)
        guard let memory = malloc(self.capacity) else { fatalError("out of memory") }
        base = memory.assumingMemoryBound(to: UInt8.self)
        if declaration { raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
    }

    deinit { free(base) }

    /// What has been written, as an array (a copy).
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    mutating func reserve(_ additional: Int) { ensure(additional) }

    @inline(__always) private mutating func ensure(_ additional: Int) {
        if capacity - count < additional { grow(additional) }
    }

    /// Through `realloc`: a large block grows in place (glibc remaps its pages), so a writer's
    /// peak memory is the buffer, not the old and the new copy side by side.
    @inline(never) private mutating func grow(_ additional: Int) {
        let newCapacity = max(capacity * 2, count + additional)
        guard let new = realloc(base, newCapacity) else { fatalError("out of memory") }
        base = new.assumingMemoryBound(to: UInt8.self)
        capacity = newCapacity
    }

    /// One byte.
    @inline(__always) mutating func byte(_ b: UInt8) {
        ensure(1)
        base[count] = b
        count += 1
    }

    /// `n` bytes from `p`.
    @inline(__always) mutating func append(_ p: UnsafePointer<UInt8>, count n: Int) {
        guard n > 0 else { return }
        ensure(n)
        (base + count).initialize(from: p, count: n)
        count += n
    }

    @inline(__always) mutating func append(_ p: UnsafeBufferPointer<UInt8>) {
        if let start = p.baseAddress { append(start, count: p.count) }
    }

    /// Disfavoured, so a literal picks the `StaticString` overload (one block copy instead of
    /// the generic `String.UTF8View` append).
    @_disfavoredOverload
    mutating func raw(_ s: String) {
        s.withUTF8Bytes { append($0) }
    }

    mutating func indent(_ level: Int) {
        let n = level * 2
        ensure(n)
        (base + count).initialize(repeating: 0x20, count: n)
        count += n
    }

    /// Bytes of a literal, copied as one block (hot paths: no `String` work per element).
    @inline(__always) mutating func raw(_ s: StaticString) {
        append(s.utf8Start, count: s.utf8CodeUnitCount)
    }

    /// `<name>` with a literal name.
    @inline(__always) mutating func open(_ name: StaticString) {
        byte(UInt8(ascii: "<"))
        raw(name)
        byte(UInt8(ascii: ">"))
    }

    /// `</name>` with a literal name.
    @inline(__always) mutating func close(_ name: StaticString) {
        ensure(3 + name.utf8CodeUnitCount)
        base[count] = UInt8(ascii: "<")
        base[count + 1] = UInt8(ascii: "/")
        count += 2
        raw(name)
        base[count] = UInt8(ascii: ">")
        count += 1
    }

    /// A non-negative decimal number.
    mutating func number(_ value: Int) {
        precondition(value >= 0)
        if value < 10 { byte(UInt8(ascii: "0") + UInt8(value)); return }
        var digits = 0
        var v = value
        while v > 0 { digits += 1; v /= 10 }
        ensure(digits)
        v = value
        var i = count + digits
        while v > 0 { i -= 1; base[i] = UInt8(ascii: "0") + UInt8(v % 10); v /= 10 }
        count += digits
    }

    /// ` name="<prefix><n>"` (ids such as `d12`), or nothing when `n` is nil.
    mutating func attr(_ name: StaticString, prefix: UInt8, _ n: Int?) {
        guard let n else { return }
        byte(UInt8(ascii: " "))
        raw(name)
        raw("=\"")
        byte(prefix)
        number(n)
        byte(UInt8(ascii: "\""))
    }

    /// `<name a="v"…>` (or `…/>` when `empty`); attributes whose value is nil are left out.
    mutating func start(_ name: String, _ attributes: [(String, String?)] = [], empty: Bool = false) {
        byte(UInt8(ascii: "<"))
        raw(name)
        for (key, value) in attributes {
            guard let value else { continue }
            byte(UInt8(ascii: " "))
            raw(key)
            raw("=\"")
            attributeValue(value)
            byte(UInt8(ascii: "\""))
        }
        if empty { byte(UInt8(ascii: "/")) }
        byte(UInt8(ascii: ">"))
    }

    /// `<name`: the start of a tag whose attributes follow with ``attr(_:_:)``; hot paths use this
    /// instead of ``start(_:_:empty:)`` to avoid building an attribute array per element.
    mutating func tag(_ name: StaticString) {
        byte(UInt8(ascii: "<"))
        raw(name)
    }

    mutating func begin(_ name: String) {
        byte(UInt8(ascii: "<"))
        raw(name)
    }

    /// ` name="value"`, or nothing when `value` is nil.
    mutating func attr(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        value.withUTF8Bytes { v in
            let n = name.utf8CodeUnitCount
            ensure(n + v.count + 4)
            base[count] = UInt8(ascii: " ")
            (base + count + 1).initialize(from: name.utf8Start, count: n)
            base[count + n + 1] = UInt8(ascii: "=")
            base[count + n + 2] = UInt8(ascii: "\"")
            count += n + 3
            // Most values (ids, types, names) need no escaping: one pass tells, one copy writes
            // them (the general path costs a few calls more, and this runs for every attribute).
            if let start = v.baseAddress, Self.nextCare(start, from: 0, to: v.count, 2) == v.count {
                (base + count).initialize(from: start, count: v.count)
                count += v.count
                base[count] = UInt8(ascii: "\"")
                count += 1
            } else {
                escape(v, attribute: true) { _, out in out.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
                byte(UInt8(ascii: "\""))
            }
        }
    }

    mutating func finish(empty: Bool) {
        if empty { byte(UInt8(ascii: "/")) }
        byte(UInt8(ascii: ">"))
    }

    mutating func end(_ name: String) {
        raw("</")
        raw(name)
        byte(UInt8(ascii: ">"))
    }

    mutating func newline() { byte(0x0A) }

    /// Element content; `onInvalid` writes characters XML cannot carry.
    mutating func text(_ s: String, onInvalid: (UInt32, inout [UInt8]) -> Void) {
        s.withUTF8Bytes { escape($0, attribute: false, onInvalid: onInvalid) }
    }

    /// Element content that has no way to carry invalid characters (notes): U+FFFD instead.
    mutating func plainText(_ s: String) {
        text(s) { _, out in out.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
    }

    /// An attribute value, escaped (see ``XMLEscaping/appendAttribute(_:to:)``).
    mutating func attributeValue(_ s: String) {
        s.withUTF8Bytes { escape($0, attribute: true) { _, out in out.append(contentsOf: [0xEF, 0xBF, 0xBD]) } }
    }

    /// Per byte, whether element content (bit 0) or an attribute value (bit 1) may need it
    /// escaped: `<`, `>`, `&`, C0 controls, and the `0xEF` that may start U+FFFE/U+FFFF; in
    /// attributes also `"`, tab and LF. Text is mostly letters, digits, spaces and punctuation
    /// that pass: one table look-up per byte decides.
    private static let needsCare: [UInt8] = (0..<256).map { b -> UInt8 in
        switch b {
        case 0x3C, 0x3E, 0x26, 0x0D, 0xEF: return 3
        case 0x22, 0x09, 0x0A: return 2
        case 0x00..<0x20: return 3
        default: return 0
        }
    }

    /// `p` escaped as ``XMLEscaping`` does, runs that need nothing copied as one block.
    private mutating func escape(_ p: UnsafeBufferPointer<UInt8>, attribute: Bool, onInvalid: (UInt32, inout [UInt8]) -> Void) {
        let n = p.count
        guard let start = p.baseAddress else { return }
        let mask: UInt8 = attribute ? 2 : 1
        var run = 0  // start of the pending run of bytes copied unchanged
        var i = 0
        while i < n {
            i = Self.nextCare(start, from: i, to: n, mask)  // fast path: nothing to escape
            guard i < n else { break }
            let b = start[i]
            let replacement: StaticString
            switch b {
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "\"") where attribute: replacement = "&quot;"
            case 0x09 where attribute: replacement = "&#9;"
            case 0x0A where attribute: replacement = "&#10;"
            case 0x0D: replacement = "&#13;"
            case 0x09, 0x0A, 0x20..<0x3F: i += 1; continue
            case 0x00..<0x20:
                append(start + run, count: i - run)
                invalid(UInt32(b), onInvalid)
                i += 1
                run = i
                continue
            case 0xEF where i + 2 < n && start[i + 1] == 0xBF && (start[i + 2] == 0xBE || start[i + 2] == 0xBF):
                append(start + run, count: i - run)
                invalid(start[i + 2] == 0xBE ? 0xFFFE : 0xFFFF, onInvalid)
                i += 3
                run = i
                continue
            default: i += 1; continue
            }
            append(start + run, count: i - run)
            raw(replacement)
            i += 1
            run = i
        }
        append(start + run, count: n - run)
    }

    /// The index of the first byte in `start[i..<n]` that `mask` of ``needsCare`` marks, or `n`.
    private static func nextCare(_ start: UnsafePointer<UInt8>, from i: Int, to n: Int, _ mask: UInt8) -> Int {
        needsCare.withUnsafeBufferPointer { care in
            var i = i
            while i < n, care[Int(start[i])] & mask == 0 { i += 1 }
            return i
        }
    }

    /// A character XML cannot carry, as `onInvalid` writes it (rare: through a scratch array).
    private mutating func invalid(_ value: UInt32, _ onInvalid: (UInt32, inout [UInt8]) -> Void) {
        var scratch: [UInt8] = []
        onInvalid(value, &scratch)
        scratch.withUnsafeBufferPointer { append($0) }
    }

    /// Another output's bytes.
    mutating func append(_ other: borrowing XMLOutput) {
        append(other.base, count: other.count)
    }

    mutating func append(_ other: [UInt8]) { other.withUnsafeBufferPointer { append($0) } }

    mutating func append(_ other: ArraySlice<UInt8>) { other.withUnsafeBufferPointer { append($0) } }

    /// Lets `body` write up to `capacity` bytes straight into the buffer; `body` returns how many
    /// it wrote.
    mutating func withAppendingBytes(upTo capacity: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        ensure(capacity)
        let used = body(UnsafeMutableBufferPointer(start: base + count, count: capacity))
        precondition(used <= capacity, "wrote past the reserved space")
        count += used
    }

    var data: Data { Data(bytes: base, count: count) }
}
