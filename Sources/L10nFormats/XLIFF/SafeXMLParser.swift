import CLibXML2
import Foundation
import L10nCore

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

    // `let`s: read without the dynamic exclusivity checks class `var`s need.
    let nodes: [Node]
    let attributes: [XMLElement.Attribute]
    let strings: [String]
    let text: [UInt8]

    init(nodes: [Node], attributes: [XMLElement.Attribute], strings: [String], text: [UInt8]) {
        self.nodes = nodes
        self.attributes = attributes
        self.strings = strings
        self.text = text
    }

    func string(_ i: Int32) -> String? { i < 0 ? nil : strings[Int(i)] }
}

/// An element of a parsed XML document: a view into its ``XMLArena``. Comments and processing
/// instructions are dropped; CDATA is text; adjacent text (also across a dropped comment) is one
/// text child.
struct XMLElement: Sendable {
    enum Child: Sendable {
        case element(XMLElement)
        case text(String)
    }

    struct Attribute: Hashable, Sendable {
        var name: String
        var namespace: String?
        var value: String
    }

    let arena: XMLArena
    let index: Int32

    private var node: XMLArena.Node { arena.nodes[Int(index)] }

    var name: String { arena.strings[Int(node.name)] }
    var namespace: String? { arena.string(node.namespace) }
    /// 1-based line of the start tag, for error messages.
    var line: Int { Int(node.line) }

    var attributes: ArraySlice<Attribute> {
        let r = node.attributes
        return arena.attributes[Int(r.lowerBound)..<Int(r.upperBound)]
    }

    /// The value of the attribute `name` in no namespace (XLIFF's own attributes are unqualified).
    subscript(_ name: String) -> String? {
        let r = node.attributes
        for i in Int(r.lowerBound)..<Int(r.upperBound) where arena.attributes[i].namespace == nil && arena.attributes[i].name == name {
            return arena.attributes[i].value
        }
        return nil
    }

    /// Calls `body` with each attribute's name, namespace and value, in document order.
    func forEachAttribute(_ body: (String, String?, String) -> Void) {
        let r = node.attributes
        for i in Int(r.lowerBound)..<Int(r.upperBound) {
            body(arena.attributes[i].name, arena.attributes[i].namespace, arena.attributes[i].value)
        }
    }

    func attribute(_ name: String, namespace: String) -> String? {
        let r = node.attributes
        for i in Int(r.lowerBound)..<Int(r.upperBound) where arena.attributes[i].name == name && arena.attributes[i].namespace == namespace {
            return arena.attributes[i].value
        }
        return nil
    }

    /// The children in order, text as strings.
    var children: [Child] {
        var out: [Child] = []
        var c = node.firstChild
        while c >= 0 {
            let n = arena.nodes[Int(c)]
            out.append(n.isText ? .text(String(decoding: arena.text[n.text], as: UTF8.self)) : .element(XMLElement(arena: arena, index: c)))
            c = n.next
        }
        return out
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

/// A small, safe front end to libxml2's parser for untrusted input (XLIFF coming back from
/// translators): no network, no entity substitution, no DTD loading, default size limits, and
/// any DOCTYPE that declares entities is refused (before libxml2 sees it, and again if the
/// parser reports a declaration): XXE, billion laughs.
enum SafeXMLParser {
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    private static let initialized: Void = { xmlInitParser() }()

    /// Parses `data`; errors are `FormatError`s naming `file` and the line libxml2 reported first.
    static func parse(_ data: Data, file: String) throws -> XMLElement {
        _ = initialized
        guard !data.isEmpty else {
            throw FormatError(.emptyInput, "the file is empty: not XLIFF", at: SourceLocation(file: file, byteOffset: 0))
        }
        guard data.count < Int(Int32.max) else {
            throw FormatError(.tooLarge, "the file is larger than 2 GB", at: SourceLocation(file: file))
        }
        try rejectEntityDeclarations(data, file: file)

        guard let ctxt = xmlNewParserCtxt() else {
            throw FormatError(.malformed, "libxml2 could not create a parser", at: SourceLocation(file: file))
        }
        defer { xmlFreeParserCtxt(ctxt) }
        let builder = ArenaBuilder(expectedSize: data.count)
        let box = Unmanaged.passRetained(builder)
        defer { box.release() }
        ctxt.pointee._private = box.toOpaque()
        ctxt.pointee.sax.pointee = handler()
        // Deliberately absent: XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR, XML_PARSE_HUGE.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
        let doc = data.withUnsafeBytes { raw -> xmlDocPtr? in
            let p = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
            return xmlCtxtReadMemory(ctxt, p, Int32(raw.count), file, nil, options)
        }
        if let doc { xmlFreeDoc(doc) }  // none is built (no SAX callback makes one); to be safe
        if let first = builder.firstError, ctxt.pointee.wellFormed == 0 || builder.root < 0 {
            throw FormatError(.malformed, "not well-formed XML: \(first.message)",
                              at: SourceLocation(file: file, line: first.line > 0 ? first.line : nil, column: first.column > 0 ? first.column : nil))
        }
        if builder.declaresEntities {
            throw FormatError(.forbiddenConstruct, "the DOCTYPE declares entities; XLIFF files must not (XXE and entity-expansion attacks)",
                              at: SourceLocation(file: file, line: 1))
        }
        guard ctxt.pointee.wellFormed != 0, builder.root >= 0 else {
            throw FormatError(.malformed, "not well-formed XML: no root element", at: SourceLocation(file: file))
        }
        return XMLElement(arena: builder.finish(), index: builder.root)
    }

    /// The builder behind one parse, reached from the SAX callbacks through the context's
    /// `_private`. Its state is one struct, so each SAX event costs one exclusivity check, not one
    /// per array access.
    fileprivate final class ArenaBuilder {
        var state: ArenaState

        init(expectedSize: Int) { state = ArenaState(expectedSize: expectedSize) }

        var root: Int32 { state.root }
        var declaresEntities: Bool { state.declaresEntities }
        var firstError: (line: Int, column: Int, message: String)? { state.firstError }

        func finish() -> XMLArena {
            XMLArena(nodes: state.nodes, attributes: state.attributes, strings: state.strings, text: state.text)
        }
    }

    fileprivate struct ArenaState {
        var nodes: [XMLArena.Node] = []
        var attributes: [XMLElement.Attribute] = []
        var strings: [String] = []
        var text: [UInt8] = []
        var root: Int32 = -1
        var stack: [Int32] = []
        var names: [UnsafePointer<xmlChar>: Int32] = [:]
        var uris: [UnsafePointer<xmlChar>: Int32] = [:]
        var declaresEntities = false
        var firstError: (line: Int, column: Int, message: String)?

        init(expectedSize: Int) {
            text.reserveCapacity(expectedSize / 2)
            nodes.reserveCapacity(expectedSize / 48)
        }

        mutating func intern(_ p: UnsafePointer<xmlChar>, uri: Bool) -> Int32 {
            if let i = uri ? uris[p] : names[p] { return i }
            let i = Int32(strings.count)
            strings.append(String(cString: p))
            if uri { uris[p] = i } else { names[p] = i }
            return i
        }

        mutating func append(_ node: XMLArena.Node) -> Int32 {
            let i = Int32(nodes.count)
            nodes.append(node)
            if let parent = stack.last {
                let last = nodes[Int(parent)].lastChild
                if last >= 0 { nodes[Int(last)].next = i } else { nodes[Int(parent)].firstChild = i }
                nodes[Int(parent)].lastChild = i
            }
            return i
        }

        mutating func startElement(_ name: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?, line: Int,
                                   _ count: Int, _ attributeList: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
            var node = XMLArena.Node()
            node.name = intern(name, uri: false)
            node.namespace = uri.map { intern($0, uri: true) } ?? -1
            node.line = Int32(clamping: line)
            let first = Int32(attributes.count)
            if let attributeList {
                for k in 0..<count {
                    let a = attributeList + k * 5  // localname, prefix, URI, value, end
                    guard let localname = a[0], let value = a[3], let end = a[4] else { continue }
                    let nameIndex = intern(localname, uri: false)
                    let namespaceIndex = a[2].map { intern($0, uri: true) }
                    attributes.append(XMLElement.Attribute(
                        name: strings[Int(nameIndex)], namespace: namespaceIndex.map { strings[Int($0)] },
                        value: Self.attributeValue(UnsafeBufferPointer(start: value, count: end - value))))
                }
            }
            node.attributes = first..<Int32(attributes.count)
            let i = append(node)
            if stack.isEmpty, root < 0 { root = i }
            stack.append(i)
        }

        /// The value as libxml2 hands it to SAX2 without entity substitution: references are
        /// resolved, except that `&` (from `&amp;` or `&#38;`) comes as the text `&#38;`.
        static func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            let amp: [UInt8] = Array("&#38;".utf8)
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "&"), i + amp.count <= bytes.count, bytes[i..<i + amp.count].elementsEqual(amp) {
                    out.append(UInt8(ascii: "&"))
                    i += amp.count
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }

        mutating func endElement() { _ = stack.popLast() }

        mutating func characters(_ p: UnsafePointer<xmlChar>, _ count: Int) {
            guard let parent = stack.last, count > 0 else { return }
            let start = text.count
            text.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
            let last = nodes[Int(parent)].lastChild
            if last >= 0, nodes[Int(last)].isText, nodes[Int(last)].text.upperBound == start {
                nodes[Int(last)].text = nodes[Int(last)].text.lowerBound..<text.count
            } else {
                var node = XMLArena.Node()
                node.text = start..<text.count
                _ = append(node)
            }
        }

        mutating func record(_ error: xmlError) {
            guard firstError == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let message = error.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "error \(error.code)"
            firstError = (Int(error.line), Int(error.int2), message)
        }
    }

    /// SAX2 callbacks that build the arena and nothing else (no libxml2 tree).
    private static func handler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.initialized = UInt32(XML_SAX2_MAGIC)
        h.startElementNs = { ctx, localname, _, uri, _, _, count, _, attributes in
            guard let ctx, let localname, let b = arenaBuilder(ctx) else { return }
            let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            let line = ctxt.pointee.input.map { Int($0.pointee.line) } ?? 0
            b.state.startElement(localname, uri, line: line, Int(count), attributes)
        }
        h.endElementNs = { ctx, _, _, _ in
            guard let ctx else { return }
            arenaBuilder(ctx)?.state.endElement()
        }
        h.characters = { ctx, p, count in
            guard let ctx, let p else { return }
            arenaBuilder(ctx)?.state.characters(p, Int(count))
        }
        h.ignorableWhitespace = h.characters
        h.entityDecl = { ctx, _, _, _, _, _ in
            guard let ctx else { return }
            arenaBuilder(ctx)?.state.declaresEntities = true
        }
        h.serror = { userData, error in
            guard let userData, let error else { return }
            arenaBuilder(userData)?.state.record(error.pointee)
        }
        return h
    }

    /// Refuses a DOCTYPE whose internal subset declares entities, before any parsing: entity
    /// declarations are how XXE and entity-expansion bombs work, and XLIFF never needs them.
    static func rejectEntityDeclarations(_ data: Data, file: String) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let p = raw.bindMemory(to: UInt8.self)
            guard let doctype = doctypeOffset(p) else { return }
            if let entity = find(Array("<!ENTITY".utf8), in: p, from: doctype, limit: p.count) {
                throw FormatError(.forbiddenConstruct, "the DOCTYPE declares entities; XLIFF files must not (XXE and entity-expansion attacks)",
                                  at: SourceLocation.at(byteOffset: entity, in: UnsafeRawBufferPointer(p), file: file))
            }
        }
    }

    /// The offset of `<!DOCTYPE` when the prolog has one (it may only appear before the root).
    private static func doctypeOffset(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
        let doctype = Array("<!DOCTYPE".utf8)
        var i = 0
        while i < p.count {
            guard p[i] == UInt8(ascii: "<"), i + 1 < p.count else { i += 1; continue }
            let next = p[i + 1]
            if next == UInt8(ascii: "!"), i + 3 < p.count, p[i + 2] == UInt8(ascii: "-"), p[i + 3] == UInt8(ascii: "-") {
                i = (find(Array("-->".utf8), in: p, from: i + 4, limit: p.count) ?? p.count) + 3
            } else if next == UInt8(ascii: "?") {
                i = (find(Array("?>".utf8), in: p, from: i + 2, limit: p.count) ?? p.count) + 2
            } else if next == UInt8(ascii: "!") {
                return find(doctype, in: p, from: i, limit: min(p.count, i + doctype.count)) == i ? i : nil
            } else {
                return nil
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in p: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Int? {
        guard let first = needle.first, limit - needle.count >= from else { return nil }
        var i = from
        let last = min(limit, p.count) - needle.count
        while i <= last {
            if p[i] == first {
                var k = 1
                while k < needle.count && p[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

/// The builder of the parse running on `ctx` (a parser context whose `_private` holds it); a
/// free function, because C callbacks cannot capture context.
private func arenaBuilder(_ ctx: UnsafeMutableRawPointer) -> SafeXMLParser.ArenaBuilder? {
    let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let raw = ctxt.pointee._private else { return nil }
    return Unmanaged<SafeXMLParser.ArenaBuilder>.fromOpaque(raw).takeUnretainedValue()
}
