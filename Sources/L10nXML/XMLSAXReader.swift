import CLibXML2
import Foundation
import L10nCore

/// Streams an untrusted XML document through libxml2's SAX2 parser under an ``XMLPolicy`` and
/// hands elements, attributes and text with line numbers to an ``XMLEventHandler``. No tree is
/// built and no `String` is made per event (names are interned pointers, text is a byte view), so
/// a reader on top of it decides what to allocate.
///
/// ```swift
/// final class Titles: XMLEventHandler { … }
/// try XMLSAXReader.parse(data, file: "memory.tmx", handler: Titles())
/// ```
///
/// Errors are `FormatError`s naming `file` and a line: `.forbiddenConstruct` (DOCTYPE entities,
/// references to DTD entities, XInclude, a DOCTYPE where the policy forbids one), `.tooLarge` (a
/// limit of the policy), `.malformed` (not namespace-well-formed XML, invalid UTF-8, truncated),
/// `.emptyInput`, or whatever the handler threw.
public enum XMLSAXReader {
    public static func parse(_ data: Data, file: String, policy: XMLPolicy = .standard, handler: some XMLEventHandler) throws {
        let session = XMLParseSession(policy: policy, file: file, handler: handler)
        let doc = try data.withUnsafeBytes { try session.run($0, sax: saxHandler()) }
        if let doc { xmlFreeDoc(doc) }  // none is built (no callback makes one); to be safe
    }

    /// SAX2 callbacks that check the policy and forward to the session's handler. Everything not
    /// set here (getEntity, externalSubset, resolveEntity…) is nil: libxml2 then has nothing to
    /// load an entity or a DTD with. Built per parse: `xmlSAXHandler` is a C struct, not
    /// `Sendable`, so no shared global.
    private static func saxHandler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.initialized = UInt32(XML_SAX2_MAGIC)
        h.startElementNs = { ctx, localname, prefix, uri, _, _, count, _, attributes in
            guard let ctx, let localname else { return }
            XMLParseSession.with(ctx) { session in
                guard session.startElement(ctx, uri: uri, attributeCount: Int(count), attributes: attributes) else { return }
                let tag = XMLStartTag(localName: localname, prefix: prefix, namespaceURI: uri, line: XMLParseSession.line(ctx),
                                      depth: session.depth, attributes: XMLAttributes(table: attributes, count: Int(count)))
                do { try session.handler!.startElement(tag) } catch { session.stop(ctx, error) }
            }
        }
        h.endElementNs = { ctx, _, _, _ in
            guard let ctx else { return }
            XMLParseSession.with(ctx) { session in
                guard session.failure == nil else { return }
                session.endElement()
                do { try session.handler!.endElement(line: XMLParseSession.line(ctx)) } catch { session.stop(ctx, error) }
            }
        }
        h.characters = { ctx, p, count in
            guard let ctx, let p else { return }
            XMLParseSession.with(ctx) { session in
                guard session.text(ctx, p, count: Int(count)) else { return }
                do { try session.handler!.text(UnsafeBufferPointer(start: p, count: Int(count)), line: XMLParseSession.line(ctx)) }
                catch { session.stop(ctx, error) }
            }
        }
        h.ignorableWhitespace = h.characters
        h.cdataBlock = h.characters
        h.comment = { ctx, _ in
            guard let ctx else { return }
            XMLParseSession.of(ctx).markup()
        }
        h.processingInstruction = { ctx, _, _ in
            guard let ctx else { return }
            XMLParseSession.of(ctx).markup()
        }
        h.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            _ = XMLParseSession.of(ctx).doctype(ctx)
        }
        XMLParseSession.installGuards(&h)
        return h
    }
}
