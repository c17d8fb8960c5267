import CLibXML2
import Foundation
import L10nCore
import L10nFormats
import L10nTestSupport

/// Builds original bytes and unit drafts side by side, so tests can describe a document as
/// markup + text tokens and get exact byte ranges for free.
struct DraftBuilder {
    enum Token {
        case text(String)
        /// `pair` links an open and a close token; it is not the final code id (the builder renumbers).
        case open(String, pair: String, type: InlineCode.CodeType? = .fmt, subType: String? = nil, display: String? = nil)
        case close(String, pair: String, type: InlineCode.CodeType? = .fmt, subType: String? = nil, display: String? = nil)
        case ph(String, type: InlineCode.CodeType? = nil, subType: String? = nil, display: String? = nil, equiv: String? = nil, canDelete: Bool = true)
    }

    var bytes: [UInt8] = []
    var drafts: [UnitDraft] = []

    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func unit(type: String? = nil, name: String? = nil, notes: [Note] = [], _ tokens: [Token]) {
        var pieces: [Piece] = []
        for token in tokens {
            let start = bytes.count
            switch token {
            case .text(let t):
                raw(t)
                pieces.append(.text(t, bytes: start..<bytes.count, verbatim: true))
            case .open(let d, let pair, let type, let subType, let display):
                raw(d)
                pieces.append(.code(InlineCode(kind: .open, id: pair, data: d, type: type, subType: subType, display: display ?? d), bytes: start..<bytes.count))
            case .close(let d, let pair, let type, let subType, let display):
                raw(d)
                pieces.append(.code(InlineCode(kind: .close, id: pair, data: d, type: type, subType: subType, display: display ?? d), bytes: start..<bytes.count))
            case .ph(let d, let type, let subType, let display, let equiv, let canDelete):
                raw(d)
                pieces.append(.code(InlineCode(kind: .standalone, id: "ph\(start)", data: d, type: type, subType: subType, display: display, equiv: equiv, canDelete: canDelete), bytes: start..<bytes.count))
            }
        }
        drafts.append(UnitDraft(type: type, name: name, pieces: pieces, notes: notes))
    }

    func build(original: String = "doc.md", format: String = "markdown", sourceLanguage: String = "en", targetLanguage: String? = "de") throws -> Document {
        try DocumentBuilder(breaker: SimpleSentenceBreaker(), protectors: [SKUProtector()]).build(
            original: original, format: format, bytes: Data(bytes), sourceLanguage: sourceLanguage,
            targetLanguage: targetLanguage, drafts: drafts)
    }
}

/// Breaks after `.`, `!` or `?` followed by spaces (after the spaces), like a naive SRX rule.
struct SimpleSentenceBreaker: SentenceBreaking {
    func sentenceBoundaries(in text: String) -> [Int] {
        let u = Array(text.utf16)
        var out: [Int] = []
        var i = 0
        while i < u.count {
            if u[i] == 0x2E || u[i] == 0x21 || u[i] == 0x3F, i + 1 < u.count, u[i + 1] == 0x20 {
                var j = i + 1
                while j < u.count && u[j] == 0x20 { j += 1 }
                out.append(j)
                i = j
                continue
            }
            i += 1
        }
        out.append(u.count)
        return out
    }
}

/// Protects model numbers such as `XP-2000B`.
struct SKUProtector: SpanProtecting {
    func protectedSpans(in text: String) -> [ProtectedSpan] {
        guard let regex = try? NSRegularExpression(pattern: "\\b[A-Z]{2}-[0-9]{4}[A-Z]\\b") else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            Range(m.range, in: text).map { ProtectedSpan(range: $0, subType: "l10n:sku") }
        }
    }
}

/// Writes text as is: the documents in these tests carry no format-specific escaping.
struct VerbatimEscaper: TextEscaping {
    func escape(_ text: String, unitType: String?) -> String { text }
}

enum Samples {
    /// Everything the writers must handle: pairs inside and across segments, isolated halves,
    /// protected spans, control characters, CRLF, non-BMP text, XML specials, notes.
    static func document(original: String = "guide.md", targetLanguage: String? = "de") throws -> Document {
        var b = DraftBuilder()
        b.raw("# ")
        b.unit(type: "md:heading", name: "h1", [.text("Title & <Intro> \"quoted\"")])
        b.raw("\r\n\r\n")
        b.unit(type: "md:paragraph", notes: [
            Note(text: "Keep it short & <simple>", id: "n1", category: "l10n:context", priority: 2, appliesTo: .source),
            Note(text: "Second note", id: "n2"),
        ], [
            .open("**", pair: "b", subType: "xlf:b"), .text("Bold"), .close("**", pair: "b", subType: "xlf:b"),
            .text(" text. "),
            .open("*", pair: "e", subType: "xlf:i"), .text("Second"), .close("*", pair: "e", subType: "xlf:i"),
            .text(" sentence spans. "),
            .open("[", pair: "l", type: .link), .text("A link. Across"), .close("](https://example.com/a?b=1&c=2)", pair: "l", type: .link),
            .text(" done."),
        ])
        b.raw("\r\n\r\n")
        b.unit(type: "html:p", name: "p \"intro\"", [
            .open("<span class=\"x\">", pair: "s", type: .fmt), .text("Model XP-2000B ships\u{1} now\r\nwith \u{FFFE} and ]]> chars. "),
            .close("</em>", pair: "q", type: .fmt), .text("Emoji 😀 𝒳 too."),
        ])
        b.raw("\r\n")
        b.unit(type: "html:p", [
            .text("Line one"), .ph("<br/>", type: .fmt, subType: "xlf:lb", display: "↵", equiv: "\n"),
            .text("line two "), .open("<b>", pair: "m", type: .ui, subType: "xlf:b", display: "<b>\t"), .text("mixed"),
            .close("</b>", pair: "m", type: .ui, subType: "xlf:b"), .text(" "), .ph("{0}", type: nil, subType: "l10n:var"),
            .text(" and "), .ph("\u{1}\u{7}", type: .other, display: "ctl\u{1}", canDelete: false), .text("."),
        ])
        b.raw("\r\n\r\n```\ncode\n```\r\n")
        return try b.build(original: original, targetLanguage: targetLanguage)
    }

    /// `document()` with every translatable segment translated (text upper-cased, codes kept)
    /// and states cycling through all values; unit 2 mixes states.
    static func translated() throws -> Document {
        var n = 0
        return try document().mappingTargets { _, segment in
            n += 1
            return segment.source.mapText { "«" + $0.uppercased() + "»" }
        }.settingStates { unitIndex, segmentIndex in
            SegmentState.allCases[(unitIndex + segmentIndex) % SegmentState.allCases.count]
        }
    }
}

extension Document {
    func settingStates(_ state: (Int, Int) -> SegmentState?) -> Document {
        var copy = self
        for u in copy.units.indices {
            for s in copy.units[u].segments.indices where !copy.units[u].segments[s].isIgnorable {
                copy.units[u].segments[s].state = state(u, s)
            }
        }
        return copy
    }
}

/// Validates XML against the OASIS schemas copied into Fixtures/xliff/schemas, offline: the
/// `xml.xsd` import is pointed at the local copy in memory (the copied files stay unchanged).
enum SchemaValidator {
    private static let initialized: Void = { xmlInitParser() }()

    static func schema(for version: XLIFFVersion) -> (url: URL, rewrites: [(String, String)]) {
        let dir = FixtureFolder.local.root!.appendingPathComponent("xliff/schemas")
        switch version {
        case .v1_2: return (dir.appendingPathComponent("xliff-core-1.2-strict.xsd"), [])
        case .v2_0, .v2_1:
            return (dir.appendingPathComponent("xliff_core_2.0.xsd"), [("informativeCopiesOf3rdPartySchemas/w3c/xml.xsd", "xml.xsd")])
        case .v2_2:
            return (dir.appendingPathComponent("xliff-22/xliff_core_2.2.xsd"), [("http://www.w3.org/2001/xml.xsd", "../xml.xsd")])
        }
    }

    /// The schema errors (empty when valid).
    static func errors(_ xml: Data, version: XLIFFVersion, transitional: Bool = false) throws -> [String] {
        _ = initialized
        var (url, rewrites) = schema(for: version)
        if transitional { url = url.deletingLastPathComponent().appendingPathComponent("xliff-core-1.2-transitional.xsd") }
        var xsd = try String(contentsOf: url, encoding: .utf8)
        for (from, to) in rewrites { xsd = xsd.replacingOccurrences(of: "schemaLocation=\"\(from)\"", with: "schemaLocation=\"\(to)\"") }
        let collector = Collector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        let handler: xmlStructuredErrorFunc = { ctx, error in
            guard let ctx, let error else { return }
            let c = Unmanaged<Collector>.fromOpaque(ctx).takeUnretainedValue()
            c.messages.append("line \(error.pointee.line): " + (error.pointee.message.map { String(cString: $0) } ?? "?"))
        }
        let xsdBytes = Array(xsd.utf8)
        guard let schemaDoc = xsdBytes.withUnsafeBufferPointer({ p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) {
                xmlReadMemory($0, Int32(p.count), url.path, nil, Int32(XML_PARSE_NONET.rawValue))
            }
        }) else { return ["cannot parse schema \(url.lastPathComponent)"] }
        defer { xmlFreeDoc(schemaDoc) }
        guard let parser = xmlSchemaNewDocParserCtxt(schemaDoc) else { return ["no schema parser"] }
        defer { xmlSchemaFreeParserCtxt(parser) }
        xmlSchemaSetParserStructuredErrors(parser, handler, box.toOpaque())
        guard let schema = xmlSchemaParse(parser) else { return ["schema did not load"] + collector.messages }
        defer { xmlSchemaFree(schema) }
        guard let doc = xml.withUnsafeBytes({ raw in
            xmlReadMemory(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(raw.count), "test.xlf", nil, Int32(XML_PARSE_NONET.rawValue))
        }) else { return ["instance is not well-formed"] }
        defer { xmlFreeDoc(doc) }
        guard let validator = xmlSchemaNewValidCtxt(schema) else { return ["no validator"] }
        defer { xmlSchemaFreeValidCtxt(validator) }
        xmlSchemaSetValidStructuredErrors(validator, handler, box.toOpaque())
        let result = xmlSchemaValidateDoc(validator, doc)
        if result != 0 && collector.messages.isEmpty { return ["invalid (code \(result))"] }
        return collector.messages
    }

    private final class Collector { var messages: [String] = [] }
}
