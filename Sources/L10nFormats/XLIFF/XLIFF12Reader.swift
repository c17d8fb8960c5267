import Foundation
import L10nCore

/// Reads XLIFF 1.2 (see ``XLIFFReader`` for what it accepts, ``XLIFF12Writer`` for the layout).
///
/// With `<seg-source>`, each `<mrk mtype="seg">` is a segment and the content between them is an
/// ignorable (numbered `i1`, `i2`… as extract numbers them); target mrks are matched by `mid`, and
/// an empty target mrk means "not translated". Without `<seg-source>` the unit is one segment.
/// The `<target state>` applies to every segment translated in it; a target without mrks for a
/// multi-segment unit becomes one segment holding the whole unit.
struct XLIFF12Reader {
    var file: String
    var namespace: String?
    /// What the caller needs of units nobody translated (see ``XLIFFReader/Detail``).
    var detail: XLIFFReader.Detail = .full
    /// See ``XLIFFReader/requiresSkeleton``.
    var requiresSkeleton = true

    func read(_ root: XMLElement) throws -> [Document] {
        let files = root.elements(named: "file", namespace: namespace)
        guard !files.isEmpty else { throw error("<xliff> has no <file>", root) }
        return try files.map(document)
    }

    private func error(_ message: String, _ element: XMLElement, code: FormatError.Code = .invalidXLIFF) -> FormatError {
        FormatError(code, message, at: SourceLocation(file: file, line: element.line))
    }

    private func document(_ fileElement: XMLElement) throws -> Document {
        let skeleton: Skeleton
        if let internalFile = fileElement.first("header", namespace: namespace)?
            .first("skl", namespace: namespace)?.first("internal-file", namespace: namespace) {
            guard internalFile["form"] == nil || internalFile["form"] == "base64" else {
                throw error("the embedded skeleton has form=\"\(internalFile["form"]!)\"; l10n writes base64", internalFile, code: .invalidSkeleton)
            }
            skeleton = try XLIFFSkeletonEmbedding.decodeXLIFF12(internalFile.text, file: file, line: internalFile.line)
        } else if requiresSkeleton {
            throw XLIFFSkeletonEmbedding.missing(file: file, line: fileElement.line)
        } else {
            skeleton = Skeleton(original: Data(), spans: [])
        }
        guard let sourceLanguage = fileElement["source-language"] else { throw error("<file> has no source-language", fileElement) }
        guard let datatype = fileElement["datatype"] else { throw error("<file> has no datatype (l10n writes the format id there)", fileElement) }
        let format = datatype.hasPrefix("x-") ? String(datatype.dropFirst(2)) : datatype
        var spans: [String: Skeleton.UnitSpan] = [:]
        for span in skeleton.spans { spans[span.unit] = span }

        var units: [TextUnit] = []
        // `translate` is inherited from enclosing groups (XLIFF 1.2 default: yes).
        func collect(_ container: XMLElement, translate: Bool) throws {
            for child in container.elements where child.namespace == namespace {
                let translate = child["translate"].map { $0 != "no" } ?? translate
                if child.name == "trans-unit" {
                    if detail == .merging, let id = child["id"], let span = spans[id],
                       var untouched = try untranslatedUnit(child, id: id, span: span) {
                        untouched.translate = translate
                        units.append(untouched)
                        continue
                    }
                    var unit = try unit(child, spans: spans)
                    unit.translate = translate
                    units.append(unit)
                } else if child.name == "group" {
                    try collect(child, translate: translate)
                }
            }
        }
        if let body = fileElement.first("body", namespace: namespace) { try collect(body, translate: true) }
        var document = Document(
            original: fileElement["original"] ?? file, format: format, sourceLanguage: sourceLanguage,
            targetLanguage: fileElement["target-language"], units: units, skeleton: skeleton)
        // 1.2 sizes are code points and UTF-8 bytes, unnormalized: XLIFF 2's standard profiles.
        if units.contains(where: { $0.sizeLimits != nil }) { document.sizeProfiles = .xliff12 }
        return document
    }

    private func unit(_ element: XMLElement, spans: [String: Skeleton.UnitSpan]) throws -> TextUnit {
        guard let id = element["id"] else { throw error("<trans-unit> has no id", element) }
        let span = spans[id]
        let codes = XLIFFCodeResolver(span: span)
        guard let source = element.first("source", namespace: namespace) else { throw error("<trans-unit id=\"\(id)\"> has no <source>", element) }
        let target = element.first("target", namespace: namespace)
        let state = target?["state"].flatMap(SegmentState.init(xliff12Value:))
        let provenance = target?["state-qualifier"].flatMap(Provenance.init(xliff12Qualifier:))

        var parts: [XLIFFReadPart] = []
        var builder = XLIFFContentBuilder()
        if let segSource = element.first("seg-source", namespace: namespace) {
            // The builder gathers what lies between markers: an ignorable.
            try segSource.forEachChild { child in
                if case .element(let e) = child, isSegmentMarker(e) {
                    if !builder.isEmpty { parts.append(XLIFFReadPart(id: nil, isIgnorable: true, source: builder.finish())) }
                    parts.append(XLIFFReadPart(id: e["mid"], isIgnorable: false, source: try content(e, codes: codes, builder: &builder)))
                } else {
                    try append(child, codes: codes, to: &builder)
                }
            }
            if !builder.isEmpty { parts.append(XLIFFReadPart(id: nil, isIgnorable: true, source: builder.finish())) }

            if let target {
                var byMid: [String: Content] = [:]
                var hasMarkers = false
                try target.forEachElement { e in
                    guard isSegmentMarker(e) else { return true }
                    hasMarkers = true
                    if let mid = e["mid"] { byMid[mid] = try content(e, codes: codes, builder: &builder) }
                    return true
                }
                if hasMarkers {
                    // An empty segment is one nobody filled in yet (a 1.2 target has one state for
                    // all its segments), unless the whole target is empty and says it is done: then
                    // it is an empty translation, as in XLIFF 2.
                    let done = [.translated, .reviewed, .final].contains(state) && byMid.values.allSatisfy(\.isEmpty)
                    for i in parts.indices where !parts[i].isIgnorable {
                        guard let mid = parts[i].id, let t = byMid[mid], !t.isEmpty || done else { continue }
                        parts[i].target = t
                        parts[i].state = state
                        parts[i].provenance = provenance
                    }
                } else {
                    let whole = try content(target, codes: codes, builder: &builder)
                    // An empty target with no markers and no state saying the emptiness is meant is
                    // no translation (Translate Toolkit's pomerge writes one into every unit): the
                    // segments stay as extracted, so their original bytes are kept.
                    if !whole.isEmpty || [.translated, .reviewed, .final].contains(state) {
                        // A tool rewrote the target without segment markers: keep the unit whole.
                        parts = [XLIFFReadPart(id: nil, isIgnorable: false, source: Content(parts.flatMap(\.source.runs)),
                                               target: whole, state: state, provenance: provenance)]
                    }
                }
            }
        } else {
            let whole = try target.map { try content($0, codes: codes, builder: &builder) }
            let translated = whole.map { !$0.isEmpty } ?? false
            parts = [XLIFFReadPart(id: nil, isIgnorable: false, source: try content(source, codes: codes, builder: &builder),
                                   target: translated ? whole : nil, state: translated ? state : nil,
                                   provenance: translated ? provenance : nil)]
        }
        guard parts.contains(where: { !$0.isIgnorable }) else {
            throw error("<trans-unit id=\"\(id)\"> has no segment", element)
        }

        let notes = element.elements(named: "note", namespace: namespace).map { note in
            Note(text: note.text, category: note["from"], priority: note["priority"].flatMap { Int($0) },
                 appliesTo: note["annotates"].flatMap(Note.AppliesTo.init(rawValue:)))
        }
        let type = span?.type ?? element["restype"].map { $0.hasPrefix("x-") ? String($0.dropFirst(2)) : $0 }
        var unit = TextUnit(id: id, type: type, name: element["resname"], segments: XLIFFReadPart.segments(parts), notes: notes)
        unit.sizeLimits = XLIFFSizeRestrictions.xliff12Limits(
            sizeUnit: element["size-unit"], maxwidth: element["maxwidth"], minwidth: element["minwidth"],
            maxbytes: element["maxbytes"], minbytes: element["minbytes"])
        return unit
    }

    /// For ``XLIFFReader/Detail/merging``: a `<trans-unit>` without `<target>` whose parts —
    /// the segment markers of its `<seg-source>` and the text between them, numbered as the
    /// full read numbers them — are the skeleton's (same ids and kinds, in order, none
    /// rewritten), as its segments' ids and kinds alone; merge copies it from the original. nil
    /// when it is not such a unit, or when something other than text lies between the markers
    /// (the full read decides what that adds).
    private func untranslatedUnit(_ element: XMLElement, id: String, span: Skeleton.UnitSpan) throws -> TextUnit? {
        guard element.first("source", namespace: namespace) != nil else { throw error("<trans-unit id=\"\(id)\"> has no <source>", element) }
        guard element.first("target", namespace: namespace) == nil, !span.parts.contains(where: { $0.rewritten == true }) else { return nil }
        var parts: [XLIFFReadPart] = []
        if let segSource = element.first("seg-source", namespace: namespace) {
            var between = false, plain = true
            segSource.forEachChild { child in
                switch child {
                case .text:
                    between = true
                case .element(let e) where isSegmentMarker(e):
                    if between { parts.append(XLIFFReadPart(id: nil, isIgnorable: true, source: Content())) }
                    between = false
                    parts.append(XLIFFReadPart(id: e["mid"], isIgnorable: false, source: Content()))
                case .element:
                    plain = false
                }
            }
            guard plain else { return nil }
            if between { parts.append(XLIFFReadPart(id: nil, isIgnorable: true, source: Content())) }
        } else {
            parts = [XLIFFReadPart(id: nil, isIgnorable: false, source: Content())]
        }
        guard parts.contains(where: { !$0.isIgnorable }) else { return nil }
        let segments = XLIFFReadPart.segments(parts)
        guard segments.count == span.parts.count,
              zip(segments, span.parts).allSatisfy({ $0.id == $1.id }) else { return nil }
        let type = span.type ?? element["restype"].map { $0.hasPrefix("x-") ? String($0.dropFirst(2)) : $0 }
        return TextUnit(id: id, type: type, name: element["resname"], segments: segments)
    }

    private func isSegmentMarker(_ e: XMLElement) -> Bool {
        e.name == "mrk" && e.namespace == namespace && e["mtype"] == "seg"
    }

    /// The inline content of `element`, made with `builder` (which is left empty).
    private func content(_ element: XMLElement, codes: XLIFFCodeResolver, builder: inout XLIFFContentBuilder) throws -> Content {
        try element.forEachChild { try append($0, codes: codes, to: &builder) }
        return builder.finish()
    }

    private func append(_ child: XMLElement.Child, codes: XLIFFCodeResolver, to out: inout XLIFFContentBuilder) throws {
        let e: XMLElement
        switch child {
        case .text(let bytes): out.append(text: bytes); return
        case .element(let element): e = element
        }
        guard e.namespace == namespace else { return }
        var a = XLIFFCodeResolver.Attributes()
        a.equiv = e["equiv-text"]
        switch e.name {
        case "g":
            let id = try self.id(e)
            out.append(codes.code(.open, id: id, a))
            try e.forEachChild { try append($0, codes: codes, to: &out) }
            out.append(codes.code(.close, id: id, a))
        case "x":
            if let ctype = e["ctype"], ctype.hasPrefix(XLIFF12Writer.codePointPrefix) {
                let hex = ctype.dropFirst(XLIFF12Writer.codePointPrefix.count)
                guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
                    throw error("<x ctype=\"\(ctype)\"> does not name a code point", e)
                }
                out.append(scalar)
            } else {
                out.append(codes.code(.standalone, id: try id(e), a))
            }
        case "bx":
            out.append(codes.code(.open, id: try e["rid"] ?? id(e), a))
        case "ex":
            out.append(codes.code(.close, id: try e["rid"] ?? id(e), a))
        case "ph":
            a.inlineData = nativeData(e)
            out.append(codes.code(.standalone, id: try id(e), a))
        case "bpt":
            a.inlineData = nativeData(e)
            out.append(codes.code(.open, id: try e["rid"] ?? id(e), a))
        case "ept":
            a.inlineData = nativeData(e)
            out.append(codes.code(.close, id: try e["rid"] ?? id(e), a))
        case "it":
            a.inlineData = nativeData(e)
            a.isolated = true
            out.append(codes.code(e["pos"] == "close" ? .close : .open, id: try e["rid"] ?? id(e), a))
        case "sub":
            break  // sub-flow text belongs to its code's data
        default:  // <mrk> annotations: keep the content, drop the marker
            try e.forEachChild { try append($0, codes: codes, to: &out) }
        }
    }

    /// The native code written inside `<ph>`/`<bpt>`/`<ept>`/`<it>`, without `<sub>` flows.
    private func nativeData(_ e: XMLElement) -> String { e.text }

    private func id(_ e: XMLElement) throws -> String {
        guard let id = e["id"] else { throw error("<\(e.name)> has no id", e) }
        return id
    }
}
