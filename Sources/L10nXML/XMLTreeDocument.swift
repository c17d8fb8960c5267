import CLibXML2
import Foundation
import L10nCore

/// An untrusted document parsed into a libxml2 tree under an ``XMLPolicy``, for what needs one:
/// XSD validation (``XMLSchema``). libxml2's own SAX2 tree builder does the work; the policy
/// checks run in front of it, so the tree never holds an entity, a DTD default or an include.
///
/// Not `Sendable`: it owns a libxml2 document and lives within one call. ``walk(_:)`` copies
/// what Swift code needs out of it.
public final class XMLTreeDocument {
    let pointer: xmlDocPtr

    private init(_ pointer: xmlDocPtr) { self.pointer = pointer }
    deinit { xmlFreeDoc(pointer) }

    /// Parses `data`; errors are `FormatError`s as ``XMLSAXReader`` throws them.
    public static func parse(_ data: Data, file: String, policy: XMLPolicy = .standard) throws -> XMLTreeDocument {
        let session = XMLParseSession(policy: policy, file: file, handler: nil)
        let doc = try data.withUnsafeBytes { try session.run($0, sax: treeHandler()) }
        guard let doc else {
            throw FormatError(.malformed, "libxml2 built no document", at: SourceLocation(file: file, line: 1))
        }
        return XMLTreeDocument(doc)
    }

    /// A node of the tree, in document order (see ``walk(_:)``).
    public enum Node {
        /// An element starts; its children follow, then ``end``.
        case element(name: String, namespace: String?, attributes: [Attribute], line: Int)
        case end
        /// Text or CDATA.
        case text(String, line: Int)
        /// A comment or processing instruction.
        case other(line: Int)
    }

    public struct Attribute: Hashable, Sendable {
        public var namespace: String?
        public var name: String
        public var value: String
    }

    /// Calls `visit` for the root element and everything in it, depth first, in document order.
    public func walk(_ visit: (Node) -> Void) {
        guard let root = xmlDocGetRootElement(pointer) else { return }
        var node: xmlNodePtr? = root
        while let current = node {
            let type = current.pointee.type
            let line = Int(xmlGetLineNo(current))
            if type == XML_ELEMENT_NODE {
                visit(.element(name: current.pointee.name.map { String(cString: $0) } ?? "",
                               namespace: current.pointee.ns?.pointee.href.map { String(cString: $0) },
                               attributes: Self.attributes(of: current), line: line))
                if let child = current.pointee.children { node = child; continue }
                visit(.end)
            } else if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                visit(.text(current.pointee.content.map { String(cString: $0) } ?? "", line: line))
            } else {
                visit(.other(line: line))
            }
            // Next sibling, or climb until an ancestor has one (closing each element on the way).
            var up: xmlNodePtr? = current
            node = nil
            while let u = up {
                if u == root { break }
                if let next = u.pointee.next { node = next; break }
                up = u.pointee.parent
                if let parent = up, parent.pointee.type == XML_ELEMENT_NODE { visit(.end) }
            }
        }
    }

    private static func attributes(of node: xmlNodePtr) -> [Attribute] {
        var attributes: [Attribute] = []
        var attr = node.pointee.properties
        while let a = attr {
            var value = ""
            var child = a.pointee.children
            while let c = child {
                if let content = c.pointee.content { value += String(cString: content) }
                child = c.pointee.next
            }
            attributes.append(Attribute(namespace: a.pointee.ns?.pointee.href.map { String(cString: $0) },
                                        name: a.pointee.name.map { String(cString: $0) } ?? "", value: value))
            attr = a.pointee.next
        }
        return attributes
    }

    /// libxml2's SAX2 tree builder with the policy in front: start tags, text and DOCTYPEs are
    /// checked first; entity declarations and references are refused; the external subset is
    /// never read.
    private static func treeHandler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        xmlSAXVersion(&h, 2)
        h.startElementNs = { ctx, localname, prefix, uri, nbNamespaces, namespaces, count, defaulted, attributes in
            guard let ctx else { return }
            guard XMLParseSession.of(ctx).startElement(ctx, uri: uri, attributeCount: Int(count), attributes: attributes) else { return }
            xmlSAX2StartElementNs(ctx, localname, prefix, uri, nbNamespaces, namespaces, count, defaulted, attributes)
        }
        h.endElementNs = { ctx, localname, prefix, uri in
            guard let ctx else { return }
            XMLParseSession.of(ctx).endElement()
            xmlSAX2EndElementNs(ctx, localname, prefix, uri)
        }
        h.characters = { ctx, p, count in
            guard let ctx, let p, XMLParseSession.of(ctx).text(ctx, p, count: Int(count)) else { return }
            xmlSAX2Characters(ctx, p, count)
        }
        h.ignorableWhitespace = h.characters
        h.cdataBlock = { ctx, p, count in
            guard let ctx, let p, XMLParseSession.of(ctx).text(ctx, p, count: Int(count)) else { return }
            xmlSAX2CDataBlock(ctx, p, count)
        }
        h.comment = { ctx, value in
            guard let ctx else { return }
            XMLParseSession.of(ctx).markup()
            xmlSAX2Comment(ctx, value)
        }
        h.processingInstruction = { ctx, target, data in
            guard let ctx else { return }
            XMLParseSession.of(ctx).markup()
            xmlSAX2ProcessingInstruction(ctx, target, data)
        }
        h.internalSubset = { ctx, name, externalID, systemID in
            guard let ctx, XMLParseSession.of(ctx).doctype(ctx) else { return }
            xmlSAX2InternalSubset(ctx, name, externalID, systemID)
        }
        h.externalSubset = nil
        h.resolveEntity = nil
        XMLParseSession.installGuards(&h)
        return h
    }
}
