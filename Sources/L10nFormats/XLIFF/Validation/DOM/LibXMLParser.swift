import CLibXML2
import Foundation

/// Parses XML with libxml2, safely: no network (`XML_PARSE_NONET`), no entity substitution, no DTD
/// loading, and any entity declaration stops the parse at once. That closes XXE (external entities)
/// and billion laughs (nested internal entities) before a single entity is expanded.
enum LibXMLParser {
    /// Why a document could not be parsed.
    struct Failure: Error, Sendable {
        enum Kind: Sendable { case notWellFormed, entityDeclaration, tooLarge }
        var kind: Kind
        var message: String
        var line: Int?
        var column: Int?
    }

    /// A parsed libxml2 document, freed when this goes away. Used within one validation call only.
    final class Document {
        let pointer: xmlDocPtr
        init(_ pointer: xmlDocPtr) { self.pointer = pointer }
        deinit { xmlFreeDoc(pointer) }
    }

    /// What the C callbacks record while libxml2 parses.
    private final class State {
        var firstError: (message: String, line: Int, column: Int)?
        var entity: (name: String, line: Int)?
    }

    static func parse(_ data: Data) -> Result<Document, Failure> {
        LibXML.initialize()
        guard data.count < Int(Int32.max) else {
            return .failure(Failure(kind: .tooLarge, message: "file is too large to parse (\(data.count) bytes)"))
        }
        guard let ctxt = xmlNewParserCtxt() else {
            return .failure(Failure(kind: .notWellFormed, message: "libxml2 could not create a parser"))
        }
        defer { xmlFreeParserCtxt(ctxt) }
        let state = State()
        let unmanaged = Unmanaged.passRetained(state)
        defer { unmanaged.release() }
        ctxt.pointee._private = unmanaged.toOpaque()
        if let sax = ctxt.pointee.sax {
            sax.pointee.entityDecl = { ctx, name, _, _, _, _ in
                LibXMLParser.rejectEntity(ctx, name)
            }
            sax.pointee.unparsedEntityDecl = { ctx, name, _, _, _ in
                LibXMLParser.rejectEntity(ctx, name)
            }
            sax.pointee.serror = { userData, error in
                guard let userData, let error else { return }
                let c = userData.assumingMemoryBound(to: xmlParserCtxt.self)
                guard let raw = c.pointee._private else { return }
                let state = Unmanaged<State>.fromOpaque(raw).takeUnretainedValue()
                guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue, state.firstError == nil else { return }
                let message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
                state.firstError = (message.trimmingCharacters(in: .whitespacesAndNewlines), Int(error.pointee.line), Int(error.pointee.int2))
            }
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> xmlDocPtr? in
            guard let base = buffer.baseAddress else { return nil }
            return xmlCtxtReadMemory(ctxt, base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, nil, options)
        }
        if let entity = state.entity {
            if let doc { xmlFreeDoc(doc) }
            return .failure(Failure(
                kind: .entityDeclaration,
                message: "DOCTYPE declares entity '\(entity.name)'; entity declarations are refused (XXE and entity-expansion attacks)",
                line: entity.line))
        }
        let wellFormed = ctxt.pointee.wellFormed != 0 && ctxt.pointee.nsWellFormed != 0
        guard let doc, wellFormed else {
            if let doc { xmlFreeDoc(doc) }
            let error = state.firstError
            return .failure(Failure(
                kind: .notWellFormed, message: error?.message ?? (data.isEmpty ? "document is empty" : "document is not well-formed XML"),
                line: error?.line ?? 1, column: error.map { $0.column > 0 ? $0.column : 1 } ?? 1))
        }
        return .success(Document(doc))
    }

    /// Records the entity and stops the parser: nothing after the declaration is read.
    private static func rejectEntity(_ ctx: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) {
        guard let ctx else { return }
        let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        if let raw = c.pointee._private {
            let state = Unmanaged<State>.fromOpaque(raw).takeUnretainedValue()
            if state.entity == nil {
                state.entity = (name.map { String(cString: $0) } ?? "?", Int(xmlSAX2GetLineNumber(ctx)))
            }
        }
        xmlStopParser(c)
    }

    /// Copies a parsed document into an ``XMLTree``.
    static func tree(of document: Document) -> XMLTree {
        var tree = XMLTree()
        guard let root = xmlDocGetRootElement(document.pointer) else { return tree }
        var stack: [(node: xmlNodePtr, parent: Int?)] = [(root, nil)]
        while let (node, parent) = stack.popLast() {
            let type = node.pointee.type
            if type == XML_ELEMENT_NODE {
                var attributes: [XMLTree.Attribute] = []
                var attr = node.pointee.properties
                while let a = attr {
                    var value = ""
                    var child = a.pointee.children
                    while let c = child {
                        if let content = c.pointee.content { value += String(cString: content) }
                        child = c.pointee.next
                    }
                    attributes.append(XMLTree.Attribute(
                        namespace: a.pointee.ns?.pointee.href.map { String(cString: $0) },
                        name: a.pointee.name.map { String(cString: $0) } ?? "",
                        value: value))
                    attr = a.pointee.next
                }
                let index = tree.append(XMLTree.Node(
                    kind: .element,
                    name: node.pointee.name.map { String(cString: $0) } ?? "",
                    namespace: node.pointee.ns?.pointee.href.map { String(cString: $0) },
                    attributes: attributes, text: "", line: Int(xmlGetLineNo(node)), parent: parent, children: []))
                var children: [xmlNodePtr] = []
                var child = node.pointee.children
                while let c = child { children.append(c); child = c.pointee.next }
                for c in children.reversed() { stack.append((c, index)) }
            } else if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                let text = node.pointee.content.map { String(cString: $0) } ?? ""
                _ = tree.append(XMLTree.Node(kind: .text, name: "", namespace: nil, attributes: [], text: text,
                                             line: Int(xmlGetLineNo(node)), parent: parent, children: []))
            } else {
                _ = tree.append(XMLTree.Node(kind: .other, name: "", namespace: nil, attributes: [], text: "",
                                             line: Int(xmlGetLineNo(node)), parent: parent, children: []))
            }
        }
        return tree
    }
}
