import CLibXML2
import L10nCore
import L10nXML

/// Runs libxml2's forgiving HTML parser over the bytes with SAX callbacks and turns its events
/// into an ``HTMLTree`` whose nodes carry exact byte ranges.
///
/// libxml2's HTML DOM has no byte offsets, so positions come from the parser itself: in each
/// callback, `input.consumed + (input.cur - input.base)` is how far it has read. Every event is
/// then matched against the raw bytes from the last accounted position (the *cursor*):
/// - a start tag is real when `<name` is found between the cursor and the position (where the
///   parser stands on `>` or `/>`), otherwise libxml2 implied it and it is zero-width;
/// - an end tag is real when `</name` is found there, otherwise it is implied;
/// - character data runs from the cursor to the position of the last text event;
/// - bytes libxml2 skipped silently (a stray `</span>`) become ``HTMLTree/Node/markup``.
/// So the tree always tiles the input, whatever libxml2 repaired.
final class HTMLTreeBuilder {
    /// Deeper nesting than this is rejected: the extractor walks the tree recursively.
    static let maxDepth = 400

    /// Attributes copied out of libxml2 events; the rest are never needed.
    private static let keptAttributes: Set<String> = [
        "translate", "class", "type", "name", "property", "content", "value",
        "alt", "title", "placeholder", "aria-label", "aria-description", "label",
    ]

    private let bytes: UnsafeBufferPointer<UInt8>
    private var context: htmlParserCtxtPtr?
    private(set) var tree = HTMLTree()
    private var stack: [Int] = [0]
    private var cursor: Int
    private var textEnd: Int
    /// Where nesting first went deeper than ``maxDepth``.
    private(set) var tooDeepAt: Int?
    /// libxml2 interns element and attribute names in its dictionary, so a name's pointer is
    /// stable for one parse: Swift strings and roles are made once per distinct name.
    private var names: [UnsafePointer<xmlChar>: (name: String, id: Int, role: HTMLElementRole)] = [:]
    private var attributeNames: [UnsafePointer<xmlChar>: String?] = [:]

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        cursor = bom ? 3 : 0
        textEnd = cursor
    }

    /// The tree of `bytes` (UTF-8, already validated), or a `FormatError` naming `file`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> HTMLTree {
        LibXML2.initialize()
        guard bytes.count < Int(Int32.max), let base = bytes.baseAddress else {
            throw FormatError(.tooLarge, "the file is too large for the HTML parser (\(bytes.count) bytes)", at: SourceLocation(file: file))
        }
        let builder = HTMLTreeBuilder(bytes: bytes)
        guard let ctxt = base.withMemoryRebound(to: CChar.self, capacity: bytes.count, {
            htmlCreateMemoryParserCtxt($0, Int32(bytes.count))
        }) else {
            throw FormatError(.malformed, "libxml2 could not start parsing the HTML", at: SourceLocation(file: file))
        }
        defer {
            if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc) }
            htmlFreeParserCtxt(ctxt)
        }
        ctxt.pointee.sax.pointee = makeHandler()
        builder.context = ctxt
        // The builder outlives the parse (it is a local held until `withExtendedLifetime` ends),
        // so an unretained pointer is safe; nothing else sees it.
        ctxt.pointee.userData = Unmanaged.passUnretained(builder).toOpaque()
        let options = Int32(bitPattern: HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)
        _ = htmlCtxtUseOptions(ctxt, options)
        // The input is UTF-8 (checked before). Without this libxml2 guesses at the first non-ASCII
        // byte, may pick ISO-8859-1 and re-encode its buffer, and positions stop matching bytes.
        ctxt.pointee.charset = Int32(XML_CHAR_ENCODING_UTF8.rawValue)
        withExtendedLifetime(builder) { _ = htmlParseDocument(ctxt) }
        builder.context = nil
        builder.finish()
        if let at = builder.tooDeepAt {
            throw FormatError(.tooLarge, "elements are nested more than \(maxDepth) levels deep",
                              at: SourceLocation.at(byteOffset: at, in: bytes, file: file))
        }
        return builder.tree
    }

    /// Built per parse: `xmlSAXHandler` is a C struct, not `Sendable`, so no shared global.
    private static func makeHandler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.startElement = { ctx, name, atts in
            guard let ctx, let name else { return }
            saxBuilder(ctx).startElement(name, atts)
        }
        h.endElement = { ctx, name in
            guard let ctx, let name else { return }
            saxBuilder(ctx).endElement(name)
        }
        h.characters = { ctx, _, _ in
            guard let ctx else { return }
            saxBuilder(ctx).characters()
        }
        h.ignorableWhitespace = h.characters
        h.cdataBlock = h.characters
        h.comment = { ctx, _ in
            guard let ctx else { return }
            saxBuilder(ctx).token(opener: [0x3C, 0x21])  // "<!"
        }
        h.processingInstruction = { ctx, _, _ in
            guard let ctx else { return }
            saxBuilder(ctx).token(opener: [0x3C, 0x3F])  // "<?"
        }
        h.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            saxBuilder(ctx).token(opener: [0x3C, 0x21])
        }
        return h
    }

    // MARK: - Positions

    /// How far libxml2 has read, in bytes of the original input.
    private func position() -> Int {
        guard let input = context?.pointee.input, let cur = input.pointee.cur, let base = input.pointee.base else { return cursor }
        let p = Int(input.pointee.consumed) + (cur - base)
        return min(max(p, cursor), bytes.count)
    }

    /// Closes the pending character data before an event at `limit`. libxml2 reports text in
    /// chunks and may stand at the start of the chunk's last character when it reports a full
    /// buffer, so the text is extended to the next `<` or `&` (where libxml2 stops text).
    private func flushText(before limit: Int) {
        guard textEnd > cursor else { return }
        while textEnd < limit, bytes[textEnd] != UInt8(ascii: "<"), bytes[textEnd] != UInt8(ascii: "&") { textEnd += 1 }
        append(.text(cursor..<textEnd))
        cursor = textEnd
    }

    private func append(_ node: HTMLTree.Node) {
        tree.elements[stack[stack.count - 1]].children.append(node)
    }

    private func skipTo(_ index: Int) {
        if index > cursor { append(.markup(cursor..<index)) }
        cursor = max(cursor, index)
    }

    // MARK: - Events

    private func characters() {
        let p = position()
        if p > textEnd { textEnd = p }
    }

    private func startElement(_ cName: UnsafePointer<xmlChar>, _ atts: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let p = position()
        flushText(before: p)
        let known = intern(cName)
        var element = HTMLTree.Element(
            name: known.name, nameID: known.id, role: known.role, start: cursor, startTagEnd: nil, endTagStart: nil,
            end: cursor, attributes: [], translate: .inherit, children: [], containsBlock: false)
        if let lt = findTag(cName, closing: false, in: cursor..<p) {
            skipTo(lt)
            var end = p
            if p < bytes.count, bytes[p] == UInt8(ascii: ">") { end = p + 1 }
            else if p + 1 < bytes.count, bytes[p] == UInt8(ascii: "/"), bytes[p + 1] == UInt8(ascii: ">") { end = p + 2 }
            element.start = lt
            element.startTagEnd = end
            element.end = end
            cursor = end
            textEnd = end
        }
        if let atts {
            var i = 0
            while let n = atts[i] {
                let kept: String?
                if let cached = attributeNames[n] {
                    kept = cached
                } else {
                    let attName = String(cString: n)
                    kept = Self.keptAttributes.contains(attName) ? attName : nil
                    attributeNames[n] = kept
                }
                if let kept {
                    element.attributes.append(.init(name: kept, value: atts[i + 1].map { String(cString: $0) }))
                }
                i += 2
            }
            element.translate = HTMLTree.Element.translateFlag(element.attributes)
        }
        let index = tree.elements.count
        tree.elements.append(element)
        append(.element(index))
        stack.append(index)
        if stack.count > Self.maxDepth, tooDeepAt == nil {
            tooDeepAt = element.start
            if let context { xmlStopParser(context) }
        }
    }

    private func endElement(_ cName: UnsafePointer<xmlChar>) {
        let p = position()
        flushText(before: p)
        let id = intern(cName).id
        guard let depth = stack.lastIndex(where: { tree.elements[$0].nameID == id }), depth > 0 else {
            // libxml2 closed something it never opened for us: keep its bytes, change nothing.
            if let lt = findTag(cName, closing: true, in: cursor..<p) { skipTo(lt); skipTo(p) }
            return
        }
        var endTag: Range<Int>?
        if let lt = findTag(cName, closing: true, in: cursor..<p) {
            skipTo(lt)
            endTag = lt..<p
        }
        // Elements above it were closed by libxml2 without an event (a start tag missing its
        // `>`); they end where this end tag begins.
        while stack.count - 1 > depth { close(stack.removeLast(), endTag: nil) }
        close(stack.removeLast(), endTag: endTag)
        if let endTag { cursor = endTag.upperBound; textEnd = cursor }
    }

    private func intern(_ cName: UnsafePointer<xmlChar>) -> (name: String, id: Int, role: HTMLElementRole) {
        if let known = names[cName] { return known }
        let name = String(cString: cName)
        // Names libxml2 passes as C literals (implied `html`, `body`, `p`) are not interned: look
        // for the same text under another pointer.
        let id = names.values.first { $0.name == name }?.id ?? names.count
        let entry = (name: name, id: id, role: HTMLElementRole.of(name))
        names[cName] = entry
        return entry
    }

    private func close(_ index: Int, endTag: Range<Int>?) {
        tree.elements[index].endTagStart = endTag?.lowerBound
        tree.elements[index].end = endTag?.upperBound ?? cursor
        let e = tree.elements[index]
        let breaks: Bool
        switch e.role {
        case .block, .preformatted: breaks = true
        case .inline, .flexible: breaks = e.containsBlock
        case .void, .literal, .raw: breaks = false
        }
        if breaks, let parent = stack.last { tree.elements[parent].containsBlock = true }
    }

    /// A comment, doctype or processing instruction ending at the parser's position.
    private func token(opener: [UInt8]) {
        let p = position()
        flushText(before: p)
        var i = cursor
        while i + 1 < p, !(bytes[i] == opener[0] && bytes[i + 1] == opener[1]) { i += 1 }
        guard i + 1 < p else { return }
        skipTo(i)
        append(.comment(i..<p))
        cursor = p
        textEnd = p
    }

    private func finish() {
        flushText(before: bytes.count)
        while stack.count > 1 { close(stack.removeLast(), endTag: nil) }
        skipTo(bytes.count)
        tree.elements[0].end = bytes.count
    }

    // MARK: - Matching tags against the bytes

    /// The `<` of `<name` (or `</name`, for `closing`) within `range`: the first one for a start
    /// tag, the last one for an end tag. The name must be followed by a byte that cannot continue
    /// it, so `<p` does not match `<pre`.
    private func findTag(_ name: UnsafePointer<xmlChar>, closing: Bool, in range: Range<Int>) -> Int? {
        let n = Int(xmlStrlen(name))
        let prefix = closing ? 2 : 1
        guard range.count >= prefix + n else { return nil }
        func matches(at i: Int) -> Bool {
            guard bytes[i] == UInt8(ascii: "<") else { return false }
            if closing, bytes[i + 1] != UInt8(ascii: "/") { return false }
            for k in 0..<n where lower(bytes[i + prefix + k]) != name[k] { return false }
            let after = i + prefix + n
            return after >= bytes.count || !isNameByte(bytes[after])
        }
        if closing {
            var i = range.upperBound - prefix - n
            while i >= range.lowerBound { if matches(at: i) { return i }; i -= 1 }
        } else {
            var i = range.lowerBound
            while i <= range.upperBound - prefix - n { if matches(at: i) { return i }; i += 1 }
        }
        return nil
    }

    private func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }

    /// Bytes libxml2 accepts inside a tag name.
    private func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || b == UInt8(ascii: ":") || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
    }
}

/// The builder behind a libxml2 callback's user data (see ``HTMLTreeBuilder/parse(_:file:)``).
private func saxBuilder(_ ctx: UnsafeMutableRawPointer) -> HTMLTreeBuilder {
    Unmanaged<HTMLTreeBuilder>.fromOpaque(ctx).takeUnretainedValue()
}
