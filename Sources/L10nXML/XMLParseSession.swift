import CLibXML2
import L10nCore

/// The state of one policy-checked parse, reached from libxml2's callbacks through the parser
/// context's `_private`: the ``XMLPolicy`` checks shared by the SAX reader and the tree parser,
/// the first refusal, and the first error libxml2 reported.
final class XMLParseSession {
    let policy: XMLPolicy
    let file: String
    /// The event consumer for ``XMLSAXReader``; nil when libxml2 builds a tree.
    let handler: (any XMLEventHandler)?
    private(set) var depth = 0
    private var textRun = 0
    private(set) var sawRoot = false
    private(set) var failure: (any Error)?
    private(set) var firstError: (line: Int, column: Int, message: String)?
    // The XInclude verdict of the last namespace URI seen: documents use few, and libxml2 interns
    // them, so this is one pointer comparison per element.
    private var lastURI: UnsafePointer<UInt8>?
    private var lastURIIsXInclude = false

    init(policy: XMLPolicy, file: String, handler: (any XMLEventHandler)?) {
        self.policy = policy
        self.file = file
        self.handler = handler
    }

    static func of(_ ctx: UnsafeMutableRawPointer) -> XMLParseSession {
        let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        return Unmanaged<XMLParseSession>.fromOpaque(ctxt.pointee._private!).takeUnretainedValue()
    }

    /// Calls `body` with the session of `ctx` without retaining it: the parse holds it for as long
    /// as libxml2 calls back, and a retain and release per event cost ≈ 30 M instructions on
    /// 60 XLIFF files.
    @inline(__always)
    static func with<R>(_ ctx: UnsafeMutableRawPointer, _ body: (XMLParseSession) throws -> R) rethrows -> R {
        let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        return try Unmanaged<XMLParseSession>.fromOpaque(ctxt.pointee._private!)._withUnsafeGuaranteedRef(body)
    }

    static func line(_ ctx: UnsafeMutableRawPointer) -> Int {
        let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        return ctxt.pointee.input.map { Int($0.pointee.line) } ?? 0
    }

    /// Records `error` (the first one wins) and stops libxml2: nothing after it is read.
    func stop(_ ctx: UnsafeMutableRawPointer, _ error: any Error) {
        if failure == nil { failure = error }
        xmlStopParser(ctx.assumingMemoryBound(to: xmlParserCtxt.self))
    }

    func refuse(_ ctx: UnsafeMutableRawPointer, _ code: FormatError.Code, _ message: String) {
        stop(ctx, FormatError(code, message, at: SourceLocation(file: file, line: Self.line(ctx))))
    }

    // MARK: - Checks

    /// A start tag: depth, XInclude, attribute lengths. False when the parse was refused.
    /// This and the other checks per event are inlined into libxml2's callbacks: a call each
    /// cost as much as the check.
    @inline(__always)
    func startElement(_ ctx: UnsafeMutableRawPointer, uri: UnsafePointer<UInt8>?, attributeCount: Int,
                      attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) -> Bool {
        guard failure == nil else { return false }
        depth += 1
        textRun = 0
        sawRoot = true
        if depth > policy.maxDepth {
            refuse(ctx, .tooLarge, "elements are nested more than \(policy.maxDepth) levels deep")
            return false
        }
        if let uri {
            if uri != lastURI {
                lastURI = uri
                lastURIIsXInclude = Self.isXInclude(uri)
            }
            if lastURIIsXInclude {
                refuse(ctx, .forbiddenConstruct, "XInclude elements are refused: l10n never includes other files into a document")
                return false
            }
        }
        if let attributes {
            for k in 0..<attributeCount {
                let a = attributes + k * 5
                if let value = a[3], let end = a[4], end - value > policy.maxAttributeValueBytes {
                    let name = a[0].map { String(cString: $0) } ?? "?"
                    refuse(ctx, .tooLarge, "attribute \(name) is longer than \(policy.maxAttributeValueBytes) bytes (\(end - value))")
                    return false
                }
            }
        }
        return true
    }

    @inline(__always)
    func endElement() {
        depth -= 1
        textRun = 0
    }

    /// Character data: the text-run limit. False when the parse was refused.
    @inline(__always)
    func text(_ ctx: UnsafeMutableRawPointer, _ p: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard failure == nil else { return false }
        textRun += count
        guard textRun > policy.maxTextRunBytes else { return true }
        refuseTextRun(ctx, p, count: count)
        return false
    }

    /// Stops the parse at a run of text over the limit (see ``text(_:_:count:)``).
    @inline(never)
    private func refuseTextRun(_ ctx: UnsafeMutableRawPointer, _ p: UnsafePointer<UInt8>, count: Int) {
        // libxml2 reports a chunk once it has read it, so its line is the chunk's last one; the
        // refusal names the line where the run passes the limit.
        let chunk = UnsafeBufferPointer(start: p, count: count)
        let crossing = max(0, min(count, policy.maxTextRunBytes - (textRun - count)))
        let newlines = chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let before = chunk[..<crossing].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        stop(ctx, FormatError(.tooLarge, "a run of text is longer than \(policy.maxTextRunBytes) bytes",
                              at: SourceLocation(file: file, line: Self.line(ctx) - newlines + before)))
    }

    /// A comment or processing instruction ends a text run.
    func markup() { textRun = 0 }

    /// A DOCTYPE: refused unless the policy allows one. Its external DTD is never loaded either way.
    func doctype(_ ctx: UnsafeMutableRawPointer) -> Bool {
        guard failure == nil else { return false }
        if policy.doctype == .forbidden {
            refuse(ctx, .forbiddenConstruct, "a DOCTYPE is refused: this format has no DTD, and DTDs are never loaded")
            return false
        }
        return true
    }

    func entityDeclaration(_ ctx: UnsafeMutableRawPointer, _ name: UnsafePointer<UInt8>?) {
        let name = name.map { String(cString: $0) } ?? "?"
        refuse(ctx, .forbiddenConstruct,
               "the DOCTYPE declares entity '\(name)'; entity declarations are refused (XXE and entity-expansion attacks)")
    }

    /// A reference to an entity that is neither predefined nor declared: only a DTD, which is never
    /// loaded, could have declared it.
    func entityReference(_ ctx: UnsafeMutableRawPointer, _ name: UnsafePointer<UInt8>?) {
        let name = name.map { String(cString: $0) } ?? "?"
        refuse(ctx, .forbiddenConstruct,
               "the document refers to entity &\(name); which only a DTD could declare; DTDs and external entities are never loaded")
    }

    func record(_ error: xmlError) {
        guard firstError == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var message = error.message.map { String(cString: $0) } ?? "error \(error.code)"
        while let last = message.last, last.isWhitespace { message.removeLast() }
        firstError = (Int(error.line), Int(error.int2), message)
    }

    private static func isXInclude(_ uri: UnsafePointer<UInt8>) -> Bool {
        let s = String(cString: uri)
        return s == "http://www.w3.org/2001/XInclude" || s == "http://www.w3.org/2003/XInclude"
    }

    // MARK: - Running a parse

    /// Runs libxml2 over `data` with `sax` and this session, then turns the outcome into the
    /// first refusal, a `.malformed` error, or the document libxml2 built (tree mode).
    func run(_ data: UnsafeRawBufferPointer, sax: xmlSAXHandler) throws -> xmlDocPtr? {
        LibXML2.initialize()
        guard !data.isEmpty else {
            throw FormatError(.emptyInput, "the file is empty: not XML", at: SourceLocation(file: file, byteOffset: 0))
        }
        guard data.count <= policy.maxDocumentBytes else {
            throw FormatError(.tooLarge, "the document is larger than \(policy.maxDocumentBytes) bytes (\(data.count))",
                              at: SourceLocation.at(byteOffset: policy.maxDocumentBytes, in: data.bindMemory(to: UInt8.self), file: file))
        }
        guard let ctxt = xmlNewParserCtxt() else {
            throw FormatError(.malformed, "libxml2 could not create a parser", at: SourceLocation(file: file))
        }
        defer { xmlFreeParserCtxt(ctxt) }
        let box = Unmanaged.passRetained(self)
        defer { box.release() }
        ctxt.pointee._private = box.toOpaque()
        ctxt.pointee.sax.pointee = sax
        let doc = xmlCtxtReadMemory(ctxt, data.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(data.count),
                                    file, nil, LibXML2.parseOptions)
        if let failure {
            if let doc { xmlFreeDoc(doc) }
            throw failure
        }
        guard ctxt.pointee.wellFormed != 0, ctxt.pointee.nsWellFormed != 0, sawRoot else {
            if let doc { xmlFreeDoc(doc) }
            let first = firstError
            throw FormatError(.malformed, "not well-formed XML: \(first?.message ?? "no root element")",
                              at: SourceLocation(file: file, line: first.map { max($0.line, 1) } ?? 1,
                                                 column: first.flatMap { $0.column > 0 ? $0.column : nil }))
        }
        return doc
    }
}
