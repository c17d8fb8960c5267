import CLibXML2
import Foundation
import L10nCore

/// An element of a parsed XML document, copied out of libxml2 into Swift values so no C pointer
/// outlives the parse. Comments and processing instructions are dropped; CDATA becomes text.
struct XMLElement: Hashable, Sendable {
    enum Child: Hashable, Sendable {
        case element(XMLElement)
        case text(String)
    }

    struct Attribute: Hashable, Sendable {
        var name: String
        var namespace: String?
        var value: String
    }

    var name: String
    var namespace: String?
    var attributes: [Attribute]
    var children: [Child]
    /// 1-based line of the start tag, for error messages.
    var line: Int

    /// The value of the attribute `name` in no namespace (XLIFF's own attributes are unqualified).
    subscript(_ name: String) -> String? {
        attributes.first { $0.name == name && $0.namespace == nil }?.value
    }

    func attribute(_ name: String, namespace: String) -> String? {
        attributes.first { $0.name == name && $0.namespace == namespace }?.value
    }

    var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    func elements(named name: String, namespace: String?) -> [XMLElement] {
        elements.filter { $0.name == name && $0.namespace == namespace }
    }

    func first(_ name: String, namespace: String?) -> XMLElement? {
        elements.first { $0.name == name && $0.namespace == namespace }
    }

    /// The concatenated text of the direct text children.
    var text: String {
        var s = ""
        for child in children { if case .text(let t) = child { s += t } }
        return s
    }
}

/// A small, safe front end to libxml2's parser for untrusted input (XLIFF coming back from
/// translators): no network, no entity substitution, no DTD loading, default size limits, and
/// any DOCTYPE that declares entities is refused before libxml2 sees it (XXE, billion laughs).
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
        let collector = ErrorCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        ctxt.pointee._private = box.toOpaque()
        ctxt.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let raw = ctxt.pointee._private else { return }
            let collector = Unmanaged<ErrorCollector>.fromOpaque(raw).takeUnretainedValue()
            collector.record(error.pointee)
        }
        // Deliberately absent: XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR, XML_PARSE_HUGE.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
        let doc = data.withUnsafeBytes { raw -> xmlDocPtr? in
            let p = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
            return xmlCtxtReadMemory(ctxt, p, Int32(raw.count), file, nil, options)
        }
        defer { if let doc { xmlFreeDoc(doc) } }
        if let first = collector.first, doc == nil || ctxt.pointee.wellFormed == 0 {
            throw FormatError(.malformed, "not well-formed XML: \(first.message)",
                              at: SourceLocation(file: file, line: first.line > 0 ? first.line : nil, column: first.column > 0 ? first.column : nil))
        }
        guard let doc, let root = xmlDocGetRootElement(doc) else {
            throw FormatError(.malformed, "not well-formed XML: no root element", at: SourceLocation(file: file))
        }
        if doc.pointee.intSubset != nil, let entities = doc.pointee.intSubset.pointee.entities, xmlHashSize(OpaquePointer(entities)) > 0 {
            throw FormatError(.forbiddenConstruct, "the DOCTYPE declares entities; XLIFF files must not (XXE and entity-expansion attacks)",
                              at: SourceLocation(file: file, line: 1))
        }
        return convert(root)
    }

    private static func convert(_ node: xmlNodePtr) -> XMLElement {
        let n = node.pointee
        var attributes: [XMLElement.Attribute] = []
        var attr = n.properties
        while let a = attr {
            var value = ""
            var child = a.pointee.children
            while let c = child {
                if let content = c.pointee.content { value += String(cString: content) }
                child = c.pointee.next
            }
            attributes.append(.init(name: String(cString: a.pointee.name), namespace: a.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } }, value: value))
            attr = a.pointee.next
        }
        var children: [XMLElement.Child] = []
        var child = n.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(convert(c)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    let t = String(cString: content)
                    if case .text(let prev)? = children.last {
                        children[children.count - 1] = .text(prev + t)
                    } else {
                        children.append(.text(t))
                    }
                }
            default:
                break  // comments, processing instructions
            }
            child = c.pointee.next
        }
        return XMLElement(
            name: String(cString: n.name), namespace: n.ns.flatMap { $0.pointee.href.map { String(cString: $0) } },
            attributes: attributes, children: children, line: Int(xmlGetLineNo(node)))
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

/// Keeps libxml2's first error (later ones are usually consequences of it).
private final class ErrorCollector {
    struct Entry { var line: Int; var column: Int; var message: String }
    var first: Entry?

    func record(_ error: xmlError) {
        guard first == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let message = error.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "error \(error.code)"
        first = Entry(line: Int(error.line), column: Int(error.int2), message: message)
    }
}
