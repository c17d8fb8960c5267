import L10nCore

/// Walks cmark's inline tree of one block in step with the block's subject bytes and turns it
/// into pieces with exact byte ranges.
///
/// cmark-gfm 0.29 gives incomplete inline positions (text nodes merge escapes and entities, soft
/// breaks and many inlines have none), so positions are not read from it: each node is found in
/// the subject where the previous one ended, using what the node is (a text literal, a delimiter,
/// a code span, a link) and the same scanning rules cmark uses.
struct MarkdownInlineAligner {
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    private let s: [UInt8]
    private let subject: MarkdownSubject
    private let source: [UInt8]
    private let tree: MarkdownTree
    private var p = 0
    private var nextID = 0
    private(set) var pieces: [Piece] = []
    /// Link and image titles: units of their own, nested in the code of the link's tail.
    private(set) var subflows: [UnitDraft] = []

    init(tree: MarkdownTree, subject: MarkdownSubject, source: [UInt8]) {
        self.tree = tree
        self.subject = subject
        self.s = subject.bytes
        self.source = source
    }

    /// Aligns the inline children of `block` with the whole subject.
    static func align(_ block: MarkdownNode, in tree: MarkdownTree, subject: MarkdownSubject, source: [UInt8],
                      entities: inout MarkdownEntityDecoder) throws -> (pieces: [Piece], subflows: [UnitDraft]) {
        var aligner = MarkdownInlineAligner(tree: tree, subject: subject, source: source)
        // Room for a text and two codes per inline child (grown from empty, the array was
        // reallocated and copied on the way).
        aligner.pieces.reserveCapacity(2 * block.children.count + 1)
        for node in tree.children(of: block) { try aligner.inline(node, entities: &entities) }
        guard aligner.p == aligner.s.count else {
            throw aligner.failure("text left over after the last inline")
        }
        return (aligner.pieces, aligner.subflows)
    }

    // MARK: - Helpers

    private func failure(_ message: String) -> Failure {
        Failure(offset: p < subject.raw.count ? subject.raw[p] : (subject.raw.last ?? 0), message: message)
    }

    private func byte(_ i: Int) -> UInt8? { i >= 0 && i < s.count ? s[i] : nil }

    private func rawString(_ r: Range<Int>) -> String {
        let raw = subject.rawRange(r)
        return String(decoding: source[raw], as: UTF8.self)
    }

    private mutating func newID() -> String {
        nextID += 1
        return "m\(nextID)"
    }

    private mutating func emitText(_ text: String, _ r: Range<Int>, verbatim: Bool) {
        guard !r.isEmpty else { return }
        pieces.append(.text(text, bytes: subject.rawRange(r), verbatim: verbatim))
    }

    /// Subject bytes `r` as one or more verbatim text pieces (split where the subject is not the
    /// raw bytes, e.g. at a table cell's `\|`).
    private mutating func emitVerbatim(_ r: Range<Int>) throws {
        guard !r.isEmpty else { return }
        if subject.isVerbatim(r) {
            // The document is valid UTF-8 (checked on input), so bytes that start and end on
            // character boundaries are valid text: no string is made, the builder reads them.
            let raw = subject.rawRange(r)
            guard Self.isCharacterStart(source, raw.lowerBound), Self.isCharacterStart(source, raw.upperBound) else {
                throw failure("text is not valid UTF-8")
            }
            pieces.append(.verbatim(bytes: raw))
            return
        }
        var start = r.lowerBound
        for i in r where !subject.isVerbatim(i..<i + 1) {
            try emitVerbatim(start..<i)
            emitText(String(decoding: [s[i]], as: UTF8.self), i..<i + 1, verbatim: false)
            start = i + 1
        }
        try emitVerbatim(start..<r.upperBound)
    }

    /// Whether `i` is the end of `bytes` or a byte that starts a UTF-8 sequence.
    private static func isCharacterStart(_ bytes: [UInt8], _ i: Int) -> Bool {
        i >= bytes.count || bytes[i] & 0xC0 != 0x80
    }

    private mutating func emitCode(_ kind: InlineCode.Kind, id: String, _ r: Range<Int>, type: InlineCode.CodeType,
                                   subType: String? = nil, display: String? = nil, equiv: String? = nil, canDelete: Bool = true) {
        let code = InlineCode(kind: kind, id: id, data: rawString(r), type: type, subType: subType,
                              display: display, equiv: equiv, canDelete: canDelete)
        pieces.append(.code(code, bytes: subject.rawRange(r)))
    }

    private func skipSpaceTab(_ i: Int) -> Int {
        var i = i
        while i < s.count, s[i] == 0x20 || s[i] == 0x09 { i += 1 }
        return i
    }

    /// After a line ending at `i`, or nil when there is none.
    private func afterLineEnding(_ i: Int) -> Int? {
        guard i < s.count else { return nil }
        if s[i] == 0x0D { return i + 1 < s.count && s[i + 1] == 0x0A ? i + 2 : i + 1 }
        return s[i] == 0x0A ? i + 1 : nil
    }

    /// cmark's `scan_spacechars`.
    private func skipSpaceChars(_ i: Int) -> Int {
        var i = i
        while i < s.count, s[i].isMarkdownSpace { i += 1 }
        return i
    }

    // MARK: - Nodes

    private mutating func inline(_ node: MarkdownNode, entities: inout MarkdownEntityDecoder) throws {
        switch node.kind {
        case .text:
            try text(tree.literal(of: node), entities: &entities)
        case .softBreak:
            let start = p
            guard let next = afterLineEnding(skipSpaceTab(p)) else { throw failure("expected a line break") }
            p = skipSpaceTab(next)
            // A soft break reads as a space: the translation is written on one line, so it never
            // needs the container prefix of the next line and cannot start a block by accident.
            emitText(" ", start..<p, verbatim: false)
        case .lineBreak:
            let start = p
            var i = p
            if byte(i) == UInt8(ascii: "\\") { i += 1 } else { i = skipSpaceTab(i) }
            guard let next = afterLineEnding(i) else { throw failure("expected a hard line break") }
            p = skipSpaceTab(next)
            emitCode(.standalone, id: newID(), start..<p, type: .fmt, subType: "xlf:lb", display: "↵", equiv: "\n")
        case .code:
            try codeSpan(node)
        case .htmlInline:
            let start = p
            try matchLiteral(tree.literal(of: node))
            let data = rawString(start..<p)
            emitCode(.standalone, id: newID(), start..<p, type: .other, subType: "md:html", display: data)
        case .emph, .strong, .strikethrough:
            try delimited(node, entities: &entities)
        case .link, .image:
            try link(node, entities: &entities)
        default:
            throw failure("unsupported inline \(tree.name(of: node.kind))")
        }
    }

    /// A text literal: verbatim runs, with backslash escapes and entity references as
    /// non-verbatim pieces of their own.
    private mutating func text(_ literal: ArraySlice<UInt8>, entities: inout MarkdownEntityDecoder) throws {
        var i = literal.startIndex
        var runStart = p
        while i < literal.endIndex {
            // Most bytes are the literal's own and neither `\` nor `&`: skip them in one tight loop.
            let same = Self.plainMatch(s, from: p, literal, from: i)
            p += same
            i += same
            guard i < literal.endIndex else { break }
            guard p < s.count else { throw failure("text ends early") }
            let c = s[p]
            if c == UInt8(ascii: "\\"), p + 1 < s.count, s[p + 1].isASCIIPunctuation, literal[i] == s[p + 1] {
                try emitVerbatim(runStart..<p)
                emitText(String(decoding: [s[p + 1]], as: UTF8.self), p..<p + 2, verbatim: false)
                p += 2
                i += 1
                runStart = p
                continue
            }
            if c == UInt8(ascii: "&"), let (length, decoded) = entities.reference(in: s, at: p),
               i + decoded.count <= literal.endIndex, literal[i..<i + decoded.count].elementsEqual(decoded) {
                try emitVerbatim(runStart..<p)
                emitText(String(decoding: decoded, as: UTF8.self), p..<p + length, verbatim: false)
                p += length
                i += decoded.count
                runStart = p
                continue
            }
            guard c == literal[i] else { throw failure("text does not match the source") }
            p += 1
            i += 1
        }
        try emitVerbatim(runStart..<p)
    }

    /// How many bytes from `s[p]` equal those from `literal[i]` and are neither `\` nor `&`.
    private static func plainMatch(_ s: [UInt8], from p: Int, _ literal: ArraySlice<UInt8>, from i: Int) -> Int {
        let n = min(literal.endIndex - i, s.count - p)
        guard n > 0 else { return 0 }
        return s.withUnsafeBufferPointer { sp in
            literal.withUnsafeBufferPointer { lp in
                let a = sp.baseAddress! + p, b = lp.baseAddress! + (i - literal.startIndex)
                var k = 0
                while k < n {
                    let c = a[k]
                    if c != b[k] || c == UInt8(ascii: "\\") || c == UInt8(ascii: "&") { break }
                    k += 1
                }
                return k
            }
        }
    }

    /// Matches `literal` byte for byte, except that line endings may differ in kind and the
    /// whitespace after them may differ (cmark keeps it on lazy lines, the subject never has it).
    private mutating func matchLiteral(_ literal: ArraySlice<UInt8>) throws {
        var i = literal.startIndex
        while i < literal.endIndex {
            if literal[i] == 0x0A || literal[i] == 0x0D, let next = afterLineEnding(p) {
                i += literal[i] == 0x0D && i + 1 < literal.endIndex && literal[i + 1] == 0x0A ? 2 : 1
                p = skipSpaceTab(next)
                while i < literal.endIndex, literal[i] == 0x20 || literal[i] == 0x09 { i += 1 }
                continue
            }
            guard p < s.count, s[p] == literal[i] else { throw failure("inline HTML does not match the source") }
            p += 1
            i += 1
        }
    }

    private mutating func codeSpan(_ node: MarkdownNode) throws {
        let start = p
        var n = 0
        while byte(p) == UInt8(ascii: "`") { p += 1; n += 1 }
        guard n > 0 else { throw failure("expected a code span") }
        // The closing run is the first backtick run of exactly the same length.
        var i = p
        while i < s.count {
            if s[i] == UInt8(ascii: "`") {
                var k = i
                while k < s.count, s[k] == UInt8(ascii: "`") { k += 1 }
                if k - i == n {
                    p = k
                    let content = String(decoding: tree.literal(of: node), as: UTF8.self)
                    emitCode(.standalone, id: newID(), start..<p, type: .other, subType: "l10n:code",
                             display: rawString(start..<p), equiv: content, canDelete: false)
                    return
                }
                i = k
            } else {
                i += 1
            }
        }
        throw failure("code span is not closed")
    }

    private mutating func delimited(_ node: MarkdownNode, entities: inout MarkdownEntityDecoder) throws {
        let (count, chars, subType): (Int, [UInt8], String) = switch node.kind {
        case .emph: (1, [UInt8(ascii: "*"), UInt8(ascii: "_")], "xlf:i")
        case .strong: (2, [UInt8(ascii: "*"), UInt8(ascii: "_")], "xlf:b")
        default: (0, [UInt8(ascii: "~")], "md:s")
        }
        func delimiter(_ at: Int) throws -> Int {
            guard let c = byte(at), chars.contains(c) else { throw failure("expected an emphasis delimiter") }
            var n = count
            if n == 0 {
                while byte(at + n) == c { n += 1 }
                guard n <= 2 else { throw failure("unexpected strikethrough delimiter run") }
            }
            for k in 0..<n where byte(at + k) != c { throw failure("expected an emphasis delimiter") }
            return n
        }
        let id = newID()
        let openLength = try delimiter(p)
        let openData = rawString(p..<p + openLength)
        emitCode(.open, id: id, p..<p + openLength, type: .fmt, subType: subType, display: openData)
        p += openLength
        for child in tree.children(of: node) { try inline(child, entities: &entities) }
        let closeLength = try delimiter(p)
        emitCode(.close, id: id, p..<p + closeLength, type: .fmt, subType: subType, display: rawString(p..<p + closeLength))
        p += closeLength
    }

    // MARK: - Links and images

    private mutating func link(_ node: MarkdownNode, entities: inout MarkdownEntityDecoder) throws {
        let start = p
        let isImage = node.kind == .image
        if !isImage, byte(p) == UInt8(ascii: "<") {
            // Autolink: `<http://…>` or `<a@b.c>`; never translated.
            guard let close = s[p...].firstIndex(of: UInt8(ascii: ">")) else { throw failure("autolink is not closed") }
            p = close + 1
            let url = rawString(start + 1..<close)
            emitCode(.standalone, id: newID(), start..<p, type: .link, subType: "l10n:url", display: url, equiv: url, canDelete: false)
            return
        }
        if !isImage, byte(p) != UInt8(ascii: "[") {
            // GFM extended autolink (`www.x.com`, `https://…`, e-mail): the link text is the source.
            let saved = pieces.count
            for child in tree.children(of: node) { try inline(child, entities: &entities) }
            pieces.removeSubrange(saved...)
            let text = rawString(start..<p)
            emitCode(.standalone, id: newID(), start..<p, type: .link, subType: "l10n:url", display: text, equiv: text, canDelete: false)
            return
        }
        let openLength = isImage ? 2 : 1
        guard !isImage || (byte(p) == UInt8(ascii: "!") && byte(p + 1) == UInt8(ascii: "[")) else { throw failure("expected an image") }
        let id = newID()
        let type: InlineCode.CodeType = isImage ? .image : .link
        emitCode(.open, id: id, p..<p + openLength, type: type, display: isImage ? "![" : "[")
        p += openLength
        for child in tree.children(of: node) { try inline(child, entities: &entities) }
        guard byte(p) == UInt8(ascii: "]") else { throw failure("expected the end of a link text") }
        let close = p
        if byte(p + 1) == UInt8(ascii: "("), let inline = inlineLinkTail(from: p + 1) {
            var carriesTitle = false
            if let title = inline.title {
                // The title is a unit of its own inside the close code `](url "title")`, so a
                // translation that moves the link cannot move text into or out of the title.
                p = title.lowerBound + 1
                let saved = pieces.count
                try decodedText(until: title.upperBound - 1, entities: &entities)
                if pieces.count > saved {
                    let unitType = switch s[title.lowerBound] {
                    case UInt8(ascii: "'"): "md:link-title-sq"
                    case UInt8(ascii: "("): "md:link-title-paren"
                    default: "md:link-title"
                    }
                    subflows.append(UnitDraft(type: unitType, name: isImage ? "image@title" : "link@title", pieces: Array(pieces[saved...])))
                    pieces.removeSubrange(saved...)
                    carriesTitle = true
                }
            }
            // A code that carries a title may not be deleted, nor may its other half (XLIFF wants
            // both halves to say the same).
            emitCode(.close, id: id, close..<inline.end, type: type, display: "]", canDelete: !carriesTitle)
            if carriesTitle, let k = pieces.lastIndex(where: { if case .code(let c, _) = $0 { c.id == id && c.kind == .open } else { false } }),
               case .code(var open, let r) = pieces[k] {
                open.canDelete = false
                pieces[k] = .code(open, bytes: r)
            }
            p = inline.end
            return
        }
        // Reference link. With a shortcut `[text]` or collapsed `[text][]` reference the link
        // text is also the label, so translating it would break the link: the close code's data
        // spells the label out (`][text]`), making a re-written link a full reference. Its bytes
        // stay the original ones, so an untranslated segment is still copied unchanged.
        var data: String?
        if byte(p + 1) == UInt8(ascii: "["), let labelEnd = linkLabelEnd(from: p + 1), labelEnd > p + 3 {
            p = labelEnd
        } else {
            p = byte(p + 1) == UInt8(ascii: "[") && byte(p + 2) == UInt8(ascii: "]") ? p + 3 : p + 1
            let label = s[start + openLength..<close].map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
            data = "][" + String(decoding: label, as: UTF8.self) + "]"
        }
        var code = InlineCode(kind: .close, id: id, data: data ?? rawString(close..<p), type: type, subType: "md:reference", display: "]")
        if data == nil { code.subType = "md:reference" }
        pieces.append(.code(code, bytes: subject.rawRange(close..<p)))
    }

    /// Text of a link title up to `end`: escapes, entities and line breaks as their own pieces.
    private mutating func decodedText(until end: Int, entities: inout MarkdownEntityDecoder) throws {
        var runStart = p
        while p < end {
            if s[p] == UInt8(ascii: "\\"), p + 1 < end, s[p + 1].isASCIIPunctuation {
                try emitVerbatim(runStart..<p)
                emitText(String(decoding: [s[p + 1]], as: UTF8.self), p..<p + 2, verbatim: false)
                p += 2
                runStart = p
            } else if s[p] == UInt8(ascii: "&"), let (length, decoded) = entities.reference(in: s, at: p), p + length <= end {
                try emitVerbatim(runStart..<p)
                emitText(String(decoding: decoded, as: UTF8.self), p..<p + length, verbatim: false)
                p += length
                runStart = p
            } else if let next = afterLineEnding(p), next <= end {
                try emitVerbatim(runStart..<p)
                let start = p
                p = min(skipSpaceTab(next), end)
                emitText(" ", start..<p, verbatim: false)
                runStart = p
            } else {
                p += 1
            }
        }
        try emitVerbatim(runStart..<p)
    }

    /// cmark 0.29's inline link tail after `]`: `(` spaces destination [spaces title] spaces `)`.
    private func inlineLinkTail(from open: Int) -> (urlEnd: Int, title: Range<Int>?, end: Int)? {
        let urlStart = skipSpaceChars(open + 1)
        guard let urlEnd = linkDestinationEnd(from: urlStart) else { return nil }
        let titleStart = skipSpaceChars(urlEnd)
        var title: Range<Int>?
        var titleEnd = titleStart
        if titleStart != urlEnd, let end = linkTitleEnd(from: titleStart) {
            title = titleStart..<end
            titleEnd = end
        }
        let last = skipSpaceChars(titleEnd)
        guard byte(last) == UInt8(ascii: ")") else { return nil }
        return (urlEnd, title, last + 1)
    }

    /// cmark's `manual_scan_link_url`.
    private func linkDestinationEnd(from start: Int) -> Int? {
        var i = start
        if byte(i) == UInt8(ascii: "<") {
            i += 1
            while i < s.count {
                let c = s[i]
                if c == UInt8(ascii: ">") { i += 1; return i < s.count ? i : nil }
                if c == UInt8(ascii: "\\") { i += 2; continue }
                if c == 0x0A || c == UInt8(ascii: "<") { return nil }
                i += 1
            }
            return nil
        }
        var depth = 0
        while i < s.count {
            let c = s[i]
            if c == UInt8(ascii: "\\"), i + 1 < s.count, s[i + 1].isASCIIPunctuation {
                i += 2
            } else if c == UInt8(ascii: "(") {
                depth += 1
                i += 1
                if depth > 32 { return nil }
            } else if c == UInt8(ascii: ")") {
                if depth == 0 { break }
                depth -= 1
                i += 1
            } else if c.isMarkdownSpace || c < 0x20 || c == 0x7F {
                break
            } else {
                i += 1
            }
        }
        guard i < s.count, depth == 0 else { return nil }
        return i
    }

    /// cmark's `scan_link_title`: `"…"`, `'…'` or `(…)` with backslash escapes.
    private func linkTitleEnd(from start: Int) -> Int? {
        guard let open = byte(start) else { return nil }
        let close: UInt8
        switch open {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): close = open
        case UInt8(ascii: "("): close = UInt8(ascii: ")")
        default: return nil
        }
        var i = start + 1
        while i < s.count {
            let c = s[i]
            if c == UInt8(ascii: "\\"), i + 1 < s.count, s[i + 1].isASCIIPunctuation { i += 2; continue }
            if c == close { return i + 1 }
            if open == UInt8(ascii: "("), c == UInt8(ascii: "(") { return nil }
            i += 1
        }
        return nil
    }

    /// cmark's `link_label`: `[` up to 1000 characters without unescaped brackets `]`.
    private func linkLabelEnd(from start: Int) -> Int? {
        var i = start + 1
        var length = 0
        while i < s.count, s[i] != UInt8(ascii: "["), s[i] != UInt8(ascii: "]") {
            if s[i] == UInt8(ascii: "\\") {
                i += 1
                length += 1
                if i < s.count, s[i].isASCIIPunctuation { i += 1; length += 1 }
            } else {
                i += 1
                length += 1
            }
            if length > 1000 { return nil }
        }
        guard i < s.count, s[i] == UInt8(ascii: "]") else { return nil }
        return i + 1
    }
}
