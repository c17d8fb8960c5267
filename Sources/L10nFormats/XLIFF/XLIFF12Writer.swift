import Foundation
import L10nCore

/// Writes documents as XLIFF 1.2 (strict schema), one `<file>` per document, with the skeleton
/// in `<header><skl><internal-file form="base64">` (see ``XLIFFSkeletonEmbedding``).
///
/// A `<trans-unit xml:space="preserve">` holds the whole unit in `<source>`, the segments as
/// `<mrk mtype="seg" mid>` in `<seg-source>` (ignorables as plain content between them) and, when
/// any segment is translated, a `<target>` with the same mrks: an untranslated segment gets an
/// empty mrk. 1.2 has one `state` per `<target>`: the least advanced state of the translated
/// segments (see `SegmentState.xliff12Value`).
///
/// Code mapping (per `<source>`/`<target>`; a `<g>` never straddles two mrks):
/// - a well-formed pair inside one segment → `<g id ctype>`
/// - a pair across segments, overlapping, or isolated → `<bx id rid ctype/>` / `<ex id rid/>`
///   (`rid` only where the matching `<bx>` is in the same element, as the schema's keyref wants)
/// - a standalone code → `<x id ctype equiv-text/>`
/// - `ctype`: `xlf:b`/`xlf:i`/`xlf:u` → bold/italic/underlined, `link` type → link, `xlf:lb`/`xlf:pb`
///   → lb/pb, `image` type → image, otherwise `x-` + subType (or type).
/// 1.2 cannot carry original data inline: merge restores it from the skeleton by code id. A
/// character XML cannot carry becomes `<x id="l10n-cp-N" ctype="x-l10n-cp-0001"/>`.
struct XLIFF12Writer {
    static let datatypes: Set<String> = [
        "asp", "c", "cdf", "cfm", "cpp", "csharp", "cstring", "csv", "database", "documentfooter", "documentheader",
        "filedialog", "form", "html", "htmlbody", "ini", "interleaf", "javaclass", "javapropertyresourcebundle",
        "javalistresourcebundle", "javascript", "jscript", "layout", "lisp", "margin", "menufile", "messagefile", "mif",
        "mimetype", "mo", "msglib", "pagefooter", "pageheader", "parameters", "pascal", "php", "plaintext", "po", "report",
        "resources", "resx", "rtf", "sgml", "sgmldtd", "svg", "vbscript", "warning", "winres", "xhtml", "xml", "xmldtd",
        "xsl", "xul",
    ]
    static let codePointPrefix = "x-l10n-cp-"

    func write(_ documents: [Document]) throws -> [UInt8] {
        guard !documents.isEmpty else {
            throw FormatError(.unsupported, "nothing to write: an XLIFF file needs at least one document")
        }
        var out = XMLOutput(capacity: 4096)
        header(to: &out)
        for document in documents { try file(document, to: &out) }
        footer(to: &out)
        return out.bytes
    }

    /// `<xliff …>`: the start of the file (1.2 declares languages per `<file>`).
    func header(to out: inout XMLOutput) {
        out.start("xliff", [("xmlns", XLIFFVersion.v1_2.namespace), ("version", "1.2")])
        out.newline()
    }

    func footer(to out: inout XMLOutput) {
        out.end("xliff")
        out.newline()
    }

    /// One `<file>`.
    func file(_ document: Document, to out: inout XMLOutput) throws {
        try write(document, to: &out)
    }

    static func datatype(forFormat format: String) -> String {
        datatypes.contains(format) ? format : "x-" + String(format.map { $0.isWhitespace ? "-" : $0 })
    }

    private func write(_ document: Document, to out: inout XMLOutput) throws {
        do {
            try document.skeleton.validate()
        } catch var error as FormatError {
            error.message = "\(document.original): " + error.message
            throw error
        }
        out.indent(1)
        out.start("file", [
            ("original", document.original), ("source-language", document.sourceLanguage),
            ("target-language", document.targetLanguage), ("datatype", Self.datatype(forFormat: document.format)),
        ])
        out.newline()
        out.indent(2); out.start("header"); out.newline()
        out.indent(3); out.start("skl"); out.newline()
        out.indent(4); out.start("internal-file", [("form", "base64")])
        XLIFFSkeletonEmbedding.appendXLIFF12Body(document.skeleton, indent: "        ", to: &out)
        out.end("internal-file"); out.newline()
        out.indent(3); out.end("skl"); out.newline()
        out.indent(2); out.end("header"); out.newline()
        out.indent(2); out.start("body"); out.newline()
        for unit in document.units { try write(unit, sizeProfiles: document.sizeProfiles, to: &out) }
        out.indent(2); out.end("body"); out.newline()
        out.indent(1); out.end("file"); out.newline()
    }

    private func write(_ unit: TextUnit, sizeProfiles: SizeProfiles?, to out: inout XMLOutput) throws {
        let restype = unit.type.map { "x-" + String($0.map { $0.isWhitespace ? "-" : $0 }) }
        out.indent(3)
        out.start("trans-unit", [("id", unit.id), ("resname", unit.name), ("restype", restype), ("translate", unit.translate ? nil : "no"),
                                 ("xml:space", "preserve")]
                  + XLIFFSizeRestrictions.xliff12Attributes(unit.sizeLimits, profiles: sizeProfiles))
        out.newline()

        let layouts = unit.segments.map { InlineCodeLayout($0.source.runs) }
        var cp = 0
        // <source>: the whole unit.
        out.indent(4); out.start("source")
        var rids = Set<String>()
        for (i, segment) in unit.segments.enumerated() {
            write(segment.source, layout: layouts[i], rids: &rids, cp: &cp, to: &out)
        }
        out.end("source"); out.newline()

        // <seg-source>: segments as mrks, ignorables between them.
        out.indent(4); out.start("seg-source")
        rids = []
        for (i, segment) in unit.segments.enumerated() {
            if segment.isIgnorable {
                write(segment.source, layout: layouts[i], rids: &rids, cp: &cp, to: &out)
            } else {
                guard InlineCodeLayout.isNMToken(segment.id) else {
                    throw FormatError(.unsupported, "unit \(unit.id): segment id \"\(segment.id)\" is not an XML name token")
                }
                out.start("mrk", [("mtype", "seg"), ("mid", segment.id)])
                write(segment.source, layout: layouts[i], rids: &rids, cp: &cp, to: &out)
                out.end("mrk")
            }
        }
        out.end("seg-source"); out.newline()

        // <target>: the same mrks; untranslated segments are empty mrks.
        let translated = unit.segments.filter { !$0.isIgnorable && $0.target != nil }
        if !translated.isEmpty {
            let state = translated.compactMap(\.state).min { $0.rank < $1.rank }
            let qualifier = Provenance.xliff12Qualifier(of: translated.map(\.provenance))
            out.indent(4); out.start("target", [("state", state?.xliff12Value), ("state-qualifier", qualifier)])
            rids = []
            for (i, segment) in unit.segments.enumerated() {
                let content = segment.target ?? (segment.isIgnorable ? segment.source : nil)
                let layout = content.map { InlineCodeLayout($0.runs, allowed: layouts[i].pairedIDs) }
                if segment.isIgnorable {
                    if let content, let layout { write(content, layout: layout, rids: &rids, cp: &cp, to: &out) }
                } else if let content, let layout {
                    out.start("mrk", [("mtype", "seg"), ("mid", segment.id)])
                    write(content, layout: layout, rids: &rids, cp: &cp, to: &out)
                    out.end("mrk")
                } else {
                    out.start("mrk", [("mtype", "seg"), ("mid", segment.id)], empty: true)
                }
            }
            out.end("target"); out.newline()
        }

        for note in unit.notes {
            let priority = note.priority.flatMap { (1...10).contains($0) ? String($0) : nil }
            out.indent(4)
            out.start("note", [("from", note.category), ("priority", priority), ("annotates", note.appliesTo?.rawValue)])
            out.plainText(note.text)
            out.end("note"); out.newline()
        }
        // Fuzzy memory matches as <alt-trans>, each pointing at its segment's mrk (`mid`).
        let segments = Set(unit.segments.lazy.filter { !$0.isIgnorable }.map(\.id))
        for candidate in unit.candidates where segments.contains(candidate.segment) {
            out.indent(4)
            out.start("alt-trans", [("mid", candidate.segment), ("match-quality", String(min(max(candidate.similarity, 0), 100))),
                                    ("origin", candidate.origin), ("alttranstype", "proposal")])
            out.newline()
            var rids = Set<String>(), cp = 0
            let layout = InlineCodeLayout(candidate.source.runs)
            out.indent(5); out.start("source")
            write(candidate.source, layout: layout, rids: &rids, cp: &cp, to: &out)
            out.end("source"); out.newline()
            rids = []
            out.indent(5); out.start("target")
            write(candidate.target, layout: InlineCodeLayout(candidate.target.runs, allowed: layout.pairedIDs), rids: &rids, cp: &cp, to: &out)
            out.end("target"); out.newline()
            out.indent(4); out.end("alt-trans"); out.newline()
        }
        // XLIFF 1.2 has no glossary module: one note per term found, its status in words.
        for entry in unit.glossary {
            out.indent(4)
            out.start("note", [("from", "l10n:glossary"), ("annotates", "source")])
            out.plainText(Self.noteText(entry))
            out.end("note"); out.newline()
        }
        out.indent(3); out.end("trans-unit"); out.newline()
    }

    /// `pump housing → Pumpengehäuse (segment s1): preferred term (noun) [plumbing.csv]`.
    static func noteText(_ entry: GlossEntry) -> String {
        var text = entry.term
        if !entry.translations.isEmpty { text += " → " + entry.translations.joined(separator: " | ") }
        if let segment = entry.segment { text += " (segment \(segment))" }
        if let definition = entry.definition { text += ": " + definition }
        if let glossary = entry.glossary { text += " [\(glossary)]" }
        return text
    }

    private func write(_ content: Content, layout: InlineCodeLayout, rids: inout Set<String>, cp: inout Int, to out: inout XMLOutput) {
        let runs = content.runs
        for (i, run) in runs.enumerated() {
            switch run {
            case .text(let t):
                out.text(t) { value, bytes in
                    cp += 1
                    bytes.append(contentsOf: "<x id=\"l10n-cp-\(cp)\" ctype=\"\(Self.codePointPrefix)\(XLIFF2Writer.hex4(value))\"/>".utf8)
                }
            case .code(let c):
                let ctype = InlineCodeLayout.ctype(c)
                switch c.kind {
                case .standalone:
                    out.start("x", [("id", c.id), ("ctype", ctype), ("equiv-text", c.equiv)], empty: true)
                case .open:
                    if layout.closeOf(i) != nil {
                        out.start("g", [("id", c.id), ("ctype", ctype)])
                    } else {
                        let rid = InlineCodeLayout.isNMToken(c.id) && rids.insert(c.id).inserted ? c.id : nil
                        out.start("bx", [("id", c.id), ("rid", rid), ("ctype", ctype), ("equiv-text", c.equiv)], empty: true)
                    }
                case .close:
                    if layout.isPairedClose(i) {
                        out.end("g")
                    } else {
                        out.start("ex", [("id", c.id), ("rid", !c.isolated && rids.contains(c.id) ? c.id : nil), ("equiv-text", c.equiv)], empty: true)
                    }
                }
            }
        }
    }
}
