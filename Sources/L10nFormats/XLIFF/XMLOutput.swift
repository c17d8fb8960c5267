import Foundation

/// An XML document being written into a byte buffer: tags with attributes in the order given
/// (so output is deterministic), escaped text, and indentation for the structural elements.
struct XMLOutput {
    private(set) var bytes: [UInt8] = []

    /// `declaration`: start with `<?xml version="1.0" encoding="UTF-8"?>` (false for a fragment
    /// of a document written piece by piece).
    init(capacity: Int = 0, declaration: Bool = true) {
        bytes.reserveCapacity(capacity)
        if declaration { raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
    }

    mutating func reserve(_ additional: Int) {
        if bytes.capacity - bytes.count < additional { bytes.reserveCapacity(bytes.count + additional) }
    }

    /// Disfavoured, so a literal picks the `StaticString` overload (one block copy instead of
    /// the generic `String.UTF8View` append, ~170 instructions a call).
    @_disfavoredOverload
    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func indent(_ level: Int) {
        for _ in 0..<level * 2 { bytes.append(0x20) }
    }

    /// Bytes of a literal, copied as one block (hot paths: no `String` work per element).
    @inline(__always) mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// `<name>` with a literal name.
    @inline(__always) mutating func open(_ name: StaticString) {
        bytes.append(UInt8(ascii: "<"))
        raw(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// `</name>` with a literal name.
    @inline(__always) mutating func close(_ name: StaticString) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        raw(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// A non-negative decimal number.
    mutating func number(_ value: Int) {
        precondition(value >= 0)
        if value < 10 { bytes.append(UInt8(ascii: "0") + UInt8(value)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { d in
            var v = value, i = d.count
            while v > 0 { i -= 1; d[i] = UInt8(ascii: "0") + UInt8(v % 10); v /= 10 }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[i...]))
        }
    }

    /// ` name="<prefix><n>"` (ids such as `d12`), or nothing when `n` is nil.
    mutating func attr(_ name: StaticString, prefix: UInt8, _ n: Int?) {
        guard let n else { return }
        bytes.append(UInt8(ascii: " "))
        raw(name)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(prefix)
        number(n)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `<name a="v"…>` (or `…/>` when `empty`); attributes whose value is nil are left out.
    mutating func start(_ name: String, _ attributes: [(String, String?)] = [], empty: Bool = false) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: name.utf8)
        for (key, value) in attributes {
            guard let value else { continue }
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: key.utf8)
            bytes.append(contentsOf: "=\"".utf8)
            XMLEscaping.appendAttribute(value, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        if empty { bytes.append(UInt8(ascii: "/")) }
        bytes.append(UInt8(ascii: ">"))
    }

    /// `<name`: the start of a tag whose attributes follow with ``attr(_:_:)``; hot paths use this
    /// instead of ``start(_:_:empty:)`` to avoid building an attribute array per element.
    mutating func tag(_ name: StaticString) {
        bytes.append(UInt8(ascii: "<"))
        raw(name)
    }

    mutating func begin(_ name: String) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: name.utf8)
    }

    /// ` name="value"`, or nothing when `value` is nil.
    mutating func attr(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        bytes.append(UInt8(ascii: " "))
        raw(name)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        XMLEscaping.appendAttribute(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func finish(empty: Bool) {
        if empty { bytes.append(UInt8(ascii: "/")) }
        bytes.append(UInt8(ascii: ">"))
    }

    mutating func end(_ name: String) {
        bytes.append(contentsOf: "</".utf8)
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: ">"))
    }

    mutating func newline() { bytes.append(0x0A) }

    /// Element content; `onInvalid` writes characters XML cannot carry.
    mutating func text(_ s: String, onInvalid: (UInt32, inout [UInt8]) -> Void) {
        XMLEscaping.appendText(s, to: &bytes, onInvalid: onInvalid)
    }

    /// Element content that has no way to carry invalid characters (notes): U+FFFD instead.
    mutating func plainText(_ s: String) {
        XMLEscaping.appendText(s, to: &bytes) { _, out in out.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func append(_ other: ArraySlice<UInt8>) { bytes.append(contentsOf: other) }

    /// Lets `body` write up to `capacity` bytes straight into the buffer; `body` returns how many
    /// it wrote.
    mutating func withAppendingBytes(upTo capacity: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: capacity))
        let used = bytes.withUnsafeMutableBufferPointer { all in
            body(UnsafeMutableBufferPointer(rebasing: all[start..<start + capacity]))
        }
        precondition(used <= capacity, "wrote past the reserved space")
        bytes.removeLast(capacity - used)
    }

    var data: Data { Data(bytes) }
}
