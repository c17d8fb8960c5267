import CLibXML2
import L10nCore

/// Runs libxml2's forgiving HTML parser over UTF-8 bytes with SAX callbacks, for the HTML filter:
/// the one libxml2 HTML entry point, kept here so that `L10nXML` is the only Swift target that
/// sees libxml2.
///
/// HTML is not XML and does not follow ``XMLPolicy``: the HTML parser never reads a DTD, has no
/// entity declarations (only the fixed HTML 4 names) and runs with `HTML_PARSE_NONET`. It does use
/// `XML_PARSE_HUGE`, because real pages nest deeper than libxml2's default limit; the filter
/// bounds depth itself (see `HTMLTreeBuilder.maxDepth`).
public enum HTMLSAXDriver {
    /// Parses `bytes` (already validated UTF-8), reporting to `handler`; errors name `file`.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, handler: some HTMLEventHandler) throws {
        LibXML2.initialize()
        guard bytes.count < Int(Int32.max), let base = bytes.baseAddress else {
            throw FormatError(.tooLarge, "the file is too large for the HTML parser (\(bytes.count) bytes)", at: SourceLocation(file: file))
        }
        guard let ctxt = base.withMemoryRebound(to: CChar.self, capacity: bytes.count, {
            htmlCreateMemoryParserCtxt($0, Int32(bytes.count))
        }) else {
            throw FormatError(.malformed, "libxml2 could not start parsing the HTML", at: SourceLocation(file: file))
        }
        defer {
            if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc) }
            htmlFreeParserCtxt(ctxt)
        }
        let session = Session(handler: handler, context: ctxt)
        ctxt.pointee.sax.pointee = makeHandler()
        // The session outlives the parse (held until `withExtendedLifetime` ends), so an
        // unretained pointer is safe; nothing else sees it.
        ctxt.pointee.userData = Unmanaged.passUnretained(session).toOpaque()
        let options = Int32(bitPattern: HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)
        _ = htmlCtxtUseOptions(ctxt, options)
        // The input is UTF-8 (checked before). Without this libxml2 guesses at the first non-ASCII
        // byte, may pick ISO-8859-1 and re-encode its buffer, and positions stop matching bytes.
        ctxt.pointee.charset = Int32(XML_CHAR_ENCODING_UTF8.rawValue)
        withExtendedLifetime(session) { _ = htmlParseDocument(ctxt) }
    }

    /// The handler and the context whose input position the events report.
    private final class Session {
        let handler: any HTMLEventHandler
        let context: htmlParserCtxtPtr

        init(handler: any HTMLEventHandler, context: htmlParserCtxtPtr) {
            self.handler = handler
            self.context = context
        }

        /// How far libxml2 has read, in bytes of the original input.
        var position: Int? {
            guard let input = context.pointee.input, let cur = input.pointee.cur, let base = input.pointee.base else { return nil }
            return Int(input.pointee.consumed) + (cur - base)
        }

        static func of(_ ctx: UnsafeMutableRawPointer) -> Session {
            Unmanaged<Session>.fromOpaque(ctx).takeUnretainedValue()
        }
    }

    /// Built per parse: `xmlSAXHandler` is a C struct, not `Sendable`, so no shared global.
    private static func makeHandler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.startElement = { ctx, name, atts in
            guard let ctx, let name else { return }
            let s = Session.of(ctx)
            if !s.handler.startElement(name, attributes: atts, position: s.position) { xmlStopParser(s.context) }
        }
        h.endElement = { ctx, name in
            guard let ctx, let name else { return }
            let s = Session.of(ctx)
            s.handler.endElement(name, position: s.position)
        }
        h.characters = { ctx, _, _ in
            guard let ctx else { return }
            let s = Session.of(ctx)
            s.handler.characters(position: s.position)
        }
        h.ignorableWhitespace = h.characters
        h.cdataBlock = h.characters
        h.comment = { ctx, _ in
            guard let ctx else { return }
            let s = Session.of(ctx)
            s.handler.markup(opener: (0x3C, 0x21), position: s.position)  // "<!"
        }
        h.processingInstruction = { ctx, _, _ in
            guard let ctx else { return }
            let s = Session.of(ctx)
            s.handler.markup(opener: (0x3C, 0x3F), position: s.position)  // "<?"
        }
        h.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            let s = Session.of(ctx)
            s.handler.markup(opener: (0x3C, 0x21), position: s.position)
        }
        return h
    }
}
