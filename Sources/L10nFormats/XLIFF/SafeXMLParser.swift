import Foundation
import L10nCore
import L10nXML

/// The parsed document: every element, attribute and text node in flat arrays, built straight
/// from libxml2's SAX2 events (no libxml2 tree, no tree of Swift values), so a large XLIFF costs
/// a few big allocations instead of one or more per node. Immutable once parsed.
final class XMLArena: Sendable {
    struct Node: Sendable {
        var name: Int32 = -1       // element: index into `strings`; text: -1
        var namespace: Int32 = -1  // index into `strings`, -1 for none
        var line: Int32 = 0
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var next: Int32 = -1
        var attributes: Range<Int32> = 0..<0
        var text: Range<Int> = 0..<0  // text nodes: bytes in `text`
        var isText: Bool { name < 0 }
    }

    /// An attribute: name and namespace as indices into `strings`, the value as its bytes in
    /// `text` (libxml2's `&#38;` already turned back into `&`). Decoded on access: most code
    /// attributes (`type`, `disp`, `equiv`… of every `<ph>` and `<pc>`) are never read, because
    /// the skeleton already knows the code.
    struct Attribute: Sendable {
        var name: Int32
        var namespace: Int32  // -1 for none
        var value: Range<Int>
    }

    // `let`s: read without the dynamic exclusivity checks class `var`s need.
    let nodes: [Node]
    let attributes: [Attribute]
    let strings: [String]
    let text: [UInt8]

    init(nodes: [Node], attributes: [Attribute], strings: [String], text: [UInt8]) {
        self.nodes = nodes
        self.attributes = attributes
        self.strings = strings
        self.text = text
    }

    func string(_ i: Int32) -> String? { i < 0 ? nil : strings[Int(i)] }

    /// The index of `name` among the document's names, -1 when no element or attribute has it.
    /// A name has one index (the builder keeps `strings` free of repeats).
    /// A reader resolves the attribute names it reads on every element once per document and
    /// then finds them by ``XMLElement/subscript(nameIndex:)``.
    func nameIndex(_ name: String) -> Int32 {
        strings.firstIndex(of: name).map { Int32($0) } ?? -1
    }

    /// The value of `attribute` as a string (read in place: no slice of `text` is retained).
    func value(_ attribute: Attribute) -> String { string(attribute.value) }

    /// The bytes `range` of `text` as a string.
    func string(_ range: Range<Int>) -> String {
        text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The bytes `range` of `text` as a string: `known` itself when they are its bytes, so a
    /// value the reader already holds (a unit's id or type as the skeleton names it) is
    /// compared, not decoded and validated again.
    func string(_ range: Range<Int>, reusing known: String?) -> String {
        if let known, bytes(range, equal: known) { return known }
        return string(range)
    }

    /// Whether the bytes `range` of `text` are the UTF-8 of `s`: compared in place, byte by byte
    /// (the strings compared are short ids and types; a copy of one for `withUTF8` and a call
    /// to `memcmp` cost more than their bytes).
    func bytes(_ range: Range<Int>, equal s: String) -> Bool {
        let utf8 = s.utf8
        guard utf8.count == range.count else { return false }
        return text.withUnsafeBufferPointer { t in
            utf8.withContiguousStorageIfAvailable { u in
                for i in u.indices where t[range.lowerBound + i] != u[i] { return false }
                return true
            } ?? t[range].elementsEqual(utf8)
        }
    }

    /// Calls `body` with the bytes `range` of `text`, read in place.
    func withBytes<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try text.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}

/// An element of a parsed XML document: a view into its ``XMLArena``. Comments and processing
/// instructions are dropped; CDATA is text; adjacent text (also across a dropped comment) is one
/// text child. Whitespace directly inside an XLIFF element whose content is elements only (a
/// `<unit>`, a `<segment>`…: ``SafeXMLParser/ArenaState/elementOnly``) is dropped too.
struct XMLElement: Sendable {
    /// A child node. Text comes as its UTF-8 bytes in the arena (valid: libxml2 checked them), so
    /// a reader gathers adjacent text into one string instead of making one per node.
    enum Child: Sendable {
        case element(XMLElement)
        case text(ArraySlice<UInt8>)
    }

    /// An attribute's value as its element lends it to ``forEachAttribute(_:)``: made a string
    /// only when asked.
    struct AttributeValue {
        let arena: XMLArena
        let attribute: XMLArena.Attribute

        var string: String { arena.value(attribute) }
    }

    let arena: XMLArena
    let index: Int32

    private var node: XMLArena.Node { arena.nodes[Int(index)] }

    var name: String { arena.strings[Int(node.name)] }
    var namespace: String? { arena.string(node.namespace) }
    /// The name and namespace as indices into the arena's names (``XMLArena/nameIndex(_:)``):
    /// a reader that resolved the names it looks for compares integers, not strings.
    var nameIndex: Int32 { node.name }
    var namespaceIndex: Int32 { node.namespace }
    /// 1-based line of the start tag, for error messages.
    var line: Int { Int(node.line) }

    /// The value of the attribute `name` in no namespace (XLIFF's own attributes are unqualified).
    /// Names of another length are passed over by their lengths (most of the names an element
    /// carries), not by a string comparison.
    subscript(_ name: String) -> String? {
        let r = node.attributes
        let count = name.utf8.count
        return arena.attributes.withUnsafeBufferPointer { attributes in
            arena.strings.withUnsafeBufferPointer { strings in
                for i in Int(r.lowerBound)..<Int(r.upperBound) where attributes[i].namespace < 0 {
                    let n = strings[Int(attributes[i].name)]
                    if n.utf8.count == count && n == name { return arena.value(attributes[i]) }
                }
                return nil
            }
        }
    }

    /// The value of the attribute in no namespace whose name is ``XMLArena/nameIndex(_:)``
    /// `nameIndex`: an integer comparison an attribute, and nothing to look at for a name the
    /// document never uses (-1).
    subscript(nameIndex nameIndex: Int32) -> String? {
        valueRange(nameIndex: nameIndex).map { arena.string($0) }
    }

    /// Where the value of that attribute (see ``subscript(nameIndex:)``) lies in the arena's
    /// text: compared there (``XMLArena/bytes(_:equal:)``), it need not become a string.
    func valueRange(nameIndex: Int32) -> Range<Int>? {
        guard nameIndex >= 0 else { return nil }
        let r = node.attributes
        return arena.attributes.withUnsafeBufferPointer { attributes in
            for i in Int(r.lowerBound)..<Int(r.upperBound) where attributes[i].name == nameIndex && attributes[i].namespace < 0 {
                return attributes[i].value
            }
            return nil
        }
    }

    /// Calls `body` with each attribute's name, namespace and value, in document order.
    /// Read in place: the names are lent to `body`, not copied (retained) for each call, and a
    /// value is made a string only if `body` asks.
    func forEachAttribute(_ body: (String, String?, AttributeValue) -> Void) {
        let r = node.attributes
        arena.attributes.withUnsafeBufferPointer { attributes in
            for i in Int(r.lowerBound)..<Int(r.upperBound) {
                let a = attributes[i]
                body(arena.strings[Int(a.name)], arena.string(a.namespace), AttributeValue(arena: arena, attribute: a))
            }
        }
    }

    func attribute(_ name: String, namespace: String) -> String? {
        let r = node.attributes
        for i in Int(r.lowerBound)..<Int(r.upperBound) {
            let a = arena.attributes[i]
            if a.namespace >= 0 && arena.strings[Int(a.name)] == name && arena.strings[Int(a.namespace)] == namespace {
                return arena.value(a)
            }
        }
        return nil
    }

    /// Calls `body` with each child in order, without collecting them first.
    func forEachChild(_ body: (Child) throws -> Void) rethrows {
        var c = node.firstChild
        while c >= 0 {
            let n = arena.nodes[Int(c)]
            try body(n.isText ? .text(arena.text[n.text]) : .element(XMLElement(arena: arena, index: c)))
            c = n.next
        }
    }

    /// The child elements in order.
    var elements: [XMLElement] {
        var out: [XMLElement] = []
        forEachElement { out.append($0); return true }
        return out
    }

    /// Calls `body` for each child element until it returns false.
    func forEachElement(_ body: (XMLElement) throws -> Bool) rethrows {
        var c = node.firstChild
        while c >= 0 {
            let n = arena.nodes[Int(c)]
            if !n.isText, try !body(XMLElement(arena: arena, index: c)) { return }
            c = n.next
        }
    }

    func elements(named name: String, namespace: String?) -> [XMLElement] {
        var out: [XMLElement] = []
        forEachElement { e in
            if e.namespace == namespace && e.name == name { out.append(e) }
            return true
        }
        return out
    }

    func first(_ name: String, namespace: String?) -> XMLElement? {
        var found: XMLElement?
        forEachElement { e in
            guard e.namespace == namespace && e.name == name else { return true }
            found = e
            return false
        }
        return found
    }

    /// Calls `body` with the concatenated text of the direct text children as UTF-8 bytes, read
    /// in place in the arena when there is one text child (the base64 of an embedded original).
    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var c = node.firstChild
        var only: Range<Int>?
        while c >= 0 {
            let n = arena.nodes[Int(c)]
            if n.isText {
                guard only == nil else { return try Array(text.utf8).withUnsafeBufferPointer(body) }
                only = n.text
            }
            c = n.next
        }
        return try arena.withBytes(only ?? 0..<0, body)
    }

    /// The concatenated text of the direct text children.
    var text: String {
        var bytes: [UInt8] = []
        var c = node.firstChild
        var only: Range<Int>?
        var count = 0
        while c >= 0 {
            let n = arena.nodes[Int(c)]
            if n.isText {
                count += 1
                if count == 1 { only = n.text } else {
                    if let first = only { bytes.append(contentsOf: arena.text[first]); only = nil }
                    bytes.append(contentsOf: arena.text[n.text])
                }
            }
            c = n.next
        }
        if let only { return String(decoding: arena.text[only], as: UTF8.self) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Reads an untrusted XML document (XLIFF coming back from translators) into an ``XMLArena``,
/// through the shared ``XMLSAXReader`` and its ``XMLPolicy``: no network, no DTD, no entity
/// declarations or substitution, no XInclude, size and depth limits.
enum SafeXMLParser {
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Parses `data`; errors are `FormatError`s naming `file` and a line.
    static func parse(_ data: Data, file: String, policy: XMLPolicy = .standard) throws -> XMLElement {
        guard !data.isEmpty else {
            throw FormatError(.emptyInput, "the file is empty: not XLIFF", at: SourceLocation(file: file, byteOffset: 0))
        }
        let builder = ArenaBuilder(expectedSize: data.count)
        try XMLSAXReader.parse(data, file: file, policy: policy, handler: builder)
        return XMLElement(arena: builder.finish(), index: builder.root)
    }

    /// Builds the arena from the reader's events. Its state is one struct, touched only from the
    /// parse's own callbacks one at a time, so its accesses go unchecked (a dynamic exclusivity
    /// check per event cost more than appending the event's text).
    final class ArenaBuilder: XMLEventHandler {
        @exclusivity(unchecked) var state: ArenaState

        init(expectedSize: Int) { state = ArenaState(expectedSize: expectedSize) }

        deinit { state.text.deallocate() }

        var root: Int32 { state.root }

        func finish() -> XMLArena {
            XMLArena(nodes: state.nodes, attributes: state.attributes, strings: state.strings,
                     text: Array(UnsafeBufferPointer(start: state.text, count: state.textCount)))
        }

        func startElement(_ tag: XMLStartTag) { state.startElement(tag) }
        func endElement(line: Int) { state.endElement() }
        func text(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) { state.characters(bytes) }
    }

    struct ArenaState {
        var nodes: [XMLArena.Node] = []
        var attributes: [XMLArena.Attribute] = []
        var strings: [String] = []
        /// The text's bytes, gathered in a buffer of our own and made an array once at the end:
        /// `Array.append(contentsOf:)` cost ≈ 100 instructions a text event in its generic path.
        /// Freed by the ``ArenaBuilder``. Sized for the whole document at the start: text and
        /// attribute values are nearly all of an XLIFF file's bytes (the skeleton's base64), and
        /// started at half, the buffer was grown, and its bytes copied, for 35 of 40 files.
        /// (It still grows if it must: defaults an internal DTD subset declares add attributes.)
        var text: UnsafeMutablePointer<UInt8>
        var textCount = 0
        var textCapacity: Int
        var root: Int32 = -1
        /// The open elements: each one's node, and whether whitespace directly inside it is dropped.
        /// Its first `depth` entries: the array keeps its closed entries, overwritten by the next
        /// opened ones, so an end tag is a decrement, not a removal.
        var stack: [(node: Int32, dropsBlanks: Bool)] = []
        var depth = 0
        /// For each of `strings`: ``elementOnlyName`` and ``xliffNamespace``.
        var flags: [UInt8] = []
        static let elementOnlyName: UInt8 = 1
        static let xliffNamespace: UInt8 = 2
        /// A direct-mapped cache of names and URIs by pointer in front of `names`: an XLIFF file
        /// uses a few dozen, so one slot comparison answers nearly every lookup without hashing.
        /// The slot is the pointer's multiplicative hash: libxml2 packs its dictionary's strings
        /// a few bytes apart, so the pointer's low bits put neighbours (`id`, `type`) in one slot,
        /// and two names used on every element evicted each other.
        var slots = [(pointer: UnsafePointer<UInt8>?, index: Int32)](repeating: (nil, -1), count: 256)
        var names: [UnsafePointer<UInt8>: Int32] = [:]
        /// The index of each string of `strings`.
        var indices: [String: Int32] = [:]

        init(expectedSize: Int) {
            textCapacity = max(expectedSize, 64)
            text = .allocate(capacity: textCapacity)
            nodes.reserveCapacity(expectedSize / 48)
            attributes.reserveCapacity(expectedSize / 32)
        }

        /// The index of `p`'s string. Names and URIs share the table: libxml2 interns both in the
        /// parser's dictionary, so one pointer is one string whichever it names.
        /// The slot comparison is inlined into each event; a miss takes the call.
        @inline(__always)
        mutating func intern(_ p: UnsafePointer<UInt8>) -> Int32 {
            let slot = Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: p)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
            if slots[slot].pointer == p { return slots[slot].index }
            return intern(p, missing: slot)
        }

        /// ``intern(_:)`` for a pointer not in its slot: looked up (or added), then cached there.
        @inline(never)
        mutating func intern(_ p: UnsafePointer<UInt8>, missing slot: Int) -> Int32 {
            let i: Int32
            if let known = names[p] {
                i = known
            } else {
                // A string another pointer already brought (libxml2 hands a few names from outside
                // its dictionary) keeps its index: one index is one string, so readers compare indices.
                let s = String(cString: p)
                if let same = indices[s] {
                    i = same
                } else {
                    i = Int32(strings.count)
                    strings.append(s)
                    flags.append((Self.elementOnly.contains(s) ? Self.elementOnlyName : 0)
                                 | (Self.xliffNamespaces.contains(s) ? Self.xliffNamespace : 0))
                    indices[s] = i
                }
                names[p] = i
            }
            slots[slot] = (p, i)
            return i
        }

        mutating func append(_ node: XMLArena.Node) -> Int32 {
            let i = Int32(nodes.count)
            nodes.append(node)
            if depth > 0 {
                let parent = stack[depth - 1].node
                let last = nodes[Int(parent)].lastChild
                if last >= 0 { nodes[Int(last)].next = i } else { nodes[Int(parent)].firstChild = i }
                nodes[Int(parent)].lastChild = i
            }
            return i
        }

        mutating func startElement(_ tag: XMLStartTag) {
            var node = XMLArena.Node()
            node.name = intern(tag.localName)
            node.namespace = tag.namespaceURI.map { intern($0) } ?? -1
            node.line = Int32(clamping: tag.line)
            let first = Int32(attributes.count)
            for a in tag.attributes {
                let name = intern(a.localName)
                let namespace = a.namespaceURI.map { intern($0) } ?? -1
                let start = textCount
                appendValue(a.value)
                attributes.append(XMLArena.Attribute(name: name, namespace: namespace, value: start..<textCount))
            }
            node.attributes = first..<Int32(attributes.count)
            let i = append(node)
            if depth == 0, root < 0 { root = i }
            let dropsBlanks = node.namespace >= 0 && flags[Int(node.namespace)] & Self.xliffNamespace != 0
                && flags[Int(node.name)] & Self.elementOnlyName != 0
            if depth < stack.count { stack[depth] = (i, dropsBlanks) } else { stack.append((i, dropsBlanks)) }
            depth += 1
        }

        mutating func endElement() { depth = max(depth - 1, 0) }

        /// Room for `count` more bytes of text.
        mutating func reserveText(_ count: Int) {
            guard textCapacity - textCount < count else { return }
            let grown = max(textCapacity * 2, textCount + count)
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            buffer.update(from: text, count: textCount)
            text.deallocate()
            (text, textCapacity) = (buffer, grown)
        }

        /// Appends an attribute's raw value to the text, with libxml2's `&#38;` turned back into
        /// `&` (as ``XMLAttribute/stringValue`` does). One pass copies and looks for the `&`:
        /// values are short (ids, types), and a search for `&` and then a `memcpy` cost more
        /// than their bytes.
        mutating func appendValue(_ value: UnsafeBufferPointer<UInt8>) {
            guard let base = value.baseAddress, !value.isEmpty else { return }
            reserveText(value.count)
            let n = value.count
            var o = text + textCount
            var i = 0
            while i < n {
                let b = base[i]
                // `&` is written either way; the rest of a `&#38;` is skipped.
                if b == UInt8(ascii: "&"), n - i >= 5, base[i + 1] == UInt8(ascii: "#"), base[i + 2] == UInt8(ascii: "3"),
                   base[i + 3] == UInt8(ascii: "8"), base[i + 4] == UInt8(ascii: ";") {
                    i += 5
                } else {
                    i += 1
                }
                o.pointee = b
                o += 1
            }
            textCount = o - text
        }

        /// XLIFF elements (1.2 and 2.x) whose content is elements only. The whitespace between
        /// their children — the indentation around every unit, segment and source, most of a
        /// file's text events — is never read: not kept, it costs no node, no copy, and no step
        /// of the walks over their children.
        static let elementOnly: Set<String> = [
            "xliff", "file", "group", "unit", "segment", "ignorable", "notes", "originalData", "body", "trans-unit",
        ]
        static let xliffNamespaces: Set<String> = [XLIFFNamespace.core12, XLIFFNamespace.core20, XLIFFNamespace.core22]

        mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard depth > 0, !bytes.isEmpty else { return }
            let (parent, dropsBlanks) = stack[depth - 1]
            if dropsBlanks, bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) { return }
            let start = textCount
            reserveText(bytes.count)
            (text + start).update(from: bytes.baseAddress!, count: bytes.count)
            textCount = start + bytes.count
            let last = nodes[Int(parent)].lastChild
            if last >= 0, nodes[Int(last)].isText, nodes[Int(last)].text.upperBound == start {
                nodes[Int(last)].text = nodes[Int(last)].text.lowerBound..<textCount
            } else {
                var node = XMLArena.Node()
                node.text = start..<textCount
                _ = append(node)
            }
        }
    }
}
