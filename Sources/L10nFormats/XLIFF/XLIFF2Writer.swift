import Foundation
import L10nCore

/// Writes documents as XLIFF 2.0, 2.1 or 2.2 (one `<file>` per document), valid against the
/// OASIS core schema, with the skeleton embedded (see ``XLIFFSkeletonEmbedding``).
///
/// Code mapping (per `<source>`/`<target>`):
/// - a well-formed open/close pair inside it → `<pc id dataRefStart dataRefEnd dispStart dispEnd equivStart equivEnd>`
/// - a pair whose halves sit in different segments, or overlaps another → `<sc id/>` … `<ec startRef/>`
/// - a half whose partner is outside the unit (`isolated`) → `<sc id isolated="yes"/>` / `<ec id isolated="yes"/>`
/// - a standalone code → `<ph id dataRef disp equiv/>`
/// - `canDelete == false` → `canDelete="no"`; the code's original data goes to `<originalData>`
///   (identical data shares one `<data>`).
/// Characters XML cannot carry become `<cp hex="…"/>`.
struct XLIFF2Writer {
    var version: XLIFFVersion

    func write(_ documents: [Document]) throws -> [UInt8] {
        guard let first = documents.first else {
            throw FormatError(.unsupported, "nothing to write: an XLIFF file needs at least one document")
        }
        let sourceLanguage = first.sourceLanguage
        if let other = documents.first(where: { $0.sourceLanguage != sourceLanguage }) {
            throw FormatError(.unsupported, "XLIFF \(version.rawValue) holds one source language per file, but \(first.original) is \(sourceLanguage) and \(other.original) is \(other.sourceLanguage)")
        }
        let targets = Set(documents.compactMap(\.targetLanguage))
        guard targets.count <= 1 else {
            throw FormatError(.unsupported, "XLIFF \(version.rawValue) holds one target language per file, but the documents have \(targets.sorted().joined(separator: ", "))")
        }
        let targetLanguage = targets.first
        if targetLanguage == nil, let doc = documents.first(where: { $0.units.contains { $0.segments.contains { $0.target != nil } } }) {
            throw FormatError(.unsupported, "\(doc.original) has translations but no target language")
        }

        var out = XMLOutput(capacity: 4096)
        header(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, to: &out)
        for (i, document) in documents.enumerated() {
            try write(document, fileID: "f\(i + 1)", to: &out)
        }
        footer(to: &out)
        return out.bytes
    }

    /// `<xliff …>`: the start of the file, declaring the languages every `<file>` shares.
    func header(sourceLanguage: String, targetLanguage: String?, to out: inout XMLOutput) {
        out.start("xliff", [("xmlns", version.namespace), ("version", version.rawValue), ("srcLang", sourceLanguage), ("trgLang", targetLanguage)])
        out.newline()
    }

    func footer(to out: inout XMLOutput) {
        out.end("xliff")
        out.newline()
    }

    /// One `<file>` of a file written piece by piece, checked against the languages its header
    /// declared.
    func file(_ document: Document, number: Int, sourceLanguage: String, targetLanguage: String?, to out: inout XMLOutput) throws {
        guard document.sourceLanguage == sourceLanguage else {
            throw FormatError(.unsupported, "XLIFF \(version.rawValue) holds one source language per file, but \(document.original) is \(document.sourceLanguage), not \(sourceLanguage)")
        }
        if let target = document.targetLanguage, target != targetLanguage {
            throw FormatError(.unsupported, "XLIFF \(version.rawValue) holds one target language per file, but \(document.original) is for \(target), not \(targetLanguage ?? "no target language")")
        }
        if targetLanguage == nil, document.units.contains(where: { $0.segments.contains { $0.target != nil } }) {
            throw FormatError(.unsupported, "\(document.original) has translations but no target language")
        }
        try write(document, fileID: "f\(number)", to: &out)
    }

    private func write(_ document: Document, fileID: String, to out: inout XMLOutput) throws {
        do {
            try document.skeleton.validate()
        } catch var error as FormatError {
            error.message = "\(document.original): " + error.message
            throw error
        }
        // The units first, into their own buffer: the skeleton, which comes before them, leaves
        // out what their inline elements already say of each code.
        var body = XMLOutput(capacity: document.skeleton.original.count * 2 + 1024, declaration: false)
        // What each unit's inline elements say of its codes, by unit (in document order; the
        // skeleton's spans are in the same order unless someone built them otherwise).
        // A unit's sources name each of its codes at most once: the skeleton's code tables count them.
        var codeCount = 0
        for s in document.skeleton.spans.indices { codeCount += document.skeleton.spans[s].codes.count }
        var bases = XLIFFCodeBases(units: document.units.count, codes: codeCount)
        var seen = Set<String>()
        // `u1`, `u2`… in order (what the builder makes) are unique names by construction.
        // (Loops by index here and below: `enumerated()` and `zip` copy every unit out.)
        let units = document.units
        var numbered = true
        for u in units.indices where !SkeletonCodec.isNumbered(units[u].id, UInt8(ascii: "u"), u + 1) { numbered = false; break }
        let subflows = Self.subflows(of: document.skeleton)
        // By unit position when the ids say it (`u7` is unit 6), so no unit id is hashed.
        var subflowsByPosition: [[SkeletonCodec.CodeKey: String]?] = []
        if numbered, !subflows.isEmpty {
            subflowsByPosition = Array(repeating: nil, count: units.count)
            for (id, codes) in subflows {
                if let n = Int(id.dropFirst()), n >= 1, n <= units.count, units[n - 1].id == id { subflowsByPosition[n - 1] = codes }
            }
        }
        let sized = document.hasSizeRestrictions
        let groups = sized ? try XLIFFSizeRestrictions.GroupLayout(document) : nil
        let codeSizes = groups.flatMap { _ in XLIFFSizeRestrictions.CodeSizes(document.sizeProfiles) }
        let restricted = groups.map { XLIFFSizeRestrictions.restrictedUnits(document, groups: $0) } ?? []
        // Units passed in place, by pointer: `units[u]` of an array, or of its buffer, copies the
        // whole unit out (and destroys the copy after), ≈ 450 instructions a unit.
        try units.withUnsafeBufferPointer { units in
            for u in units.indices {
                guard numbered || InlineCodeLayout.isNMToken(units[u].id) && seen.insert(units[u].id).inserted else {
                    throw FormatError(.unsupported, "\(document.original): unit id \"\(units[u].id)\" is not a unique XML name token")
                }
                for group in groups?.opens[u] ?? [] {
                    body.indent(2)
                    body.start("group", [("id", group.id), ("slr:sizeRestriction", group.limits.size), ("slr:storageRestriction", group.limits.storage)])
                    body.newline()
                }
                let unitSubflows = subflows.isEmpty ? [:] : numbered ? subflowsByPosition[u] ?? [:] : subflows[units[u].id] ?? [:]
                try write(units.baseAddress! + u, to: &body, bases: &bases, subflows: unitSubflows,
                          codeSizes: codeSizes != nil && restricted.contains(units[u].id) ? codeSizes : nil)
                bases.endUnit()
                for _ in 0..<(groups?.closes[u] ?? 0) { body.indent(2); body.end("group"); body.newline() }
            }
        }
        var inOrder = units.count == document.skeleton.spans.count
        for u in units.indices where inOrder && units[u].id != document.skeleton.spans[u].unit { inOrder = false }
        let unitIndex = inOrder ? [:] : Dictionary(document.units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { _, last in last })

        out.indent(1)
        out.start("file", [("id", fileID), ("original", document.original), ("xml:space", "preserve"),
                           ("xmlns:slr", sized ? XLIFFNamespace.sizeRestriction : nil),
                           ("slr:sizeRestriction", document.sizeLimits?.size), ("slr:storageRestriction", document.sizeLimits?.storage)])
        out.newline()
        out.indent(2); out.start("skeleton"); out.newline()
        out.indent(3)
        let spans = document.skeleton.spans
        // The units' bytes and the lines around them follow the skeleton.
        XLIFFSkeletonEmbedding.appendXLIFF2(document.skeleton, format: document.format, level: 3, base: { s, c in
            guard let u = inOrder ? s : unitIndex[spans[s].unit] else { return nil }
            return bases.base(unit: u, hint: c, spans[s].codes[c].kind, spans[s].codes[c].id)
        }, followedBy: body.count + 1024, to: &out)
        out.indent(2); out.end("skeleton"); out.newline()
        if let profiles = document.sizeProfiles {
            out.indent(2)
            let normalization = profiles.generalNormalization != nil || profiles.storageNormalization != nil
            out.start("slr:profiles", [("generalProfile", profiles.general), ("storageProfile", profiles.storage)], empty: !normalization)
            if normalization {
                out.start("slr:normalization", [("general", profiles.generalNormalization), ("storage", profiles.storageNormalization)], empty: true)
                out.end("slr:profiles")
            }
            out.newline()
        }
        if document.units.isEmpty {
            // The schema wants at least one unit or group; an empty group keeps the file valid.
            out.indent(2); out.start("group", [("id", "l10n-empty")], empty: true); out.newline()
        }
        out.append(body)
        out.indent(1); out.end("file"); out.newline()
    }

    /// For each unit, the `subFlows` value of each of its codes that holds subflow units.
    static func subflows(of skeleton: Skeleton) -> [String: [SkeletonCodec.CodeKey: String]] {
        var out: [String: [SkeletonCodec.CodeKey: String]] = [:]
        var lastTop = -1
        for (s, span) in skeleton.spans.enumerated() {
            guard let parent = span.parent else { lastTop = s; continue }
            // A valid skeleton hangs each subflow on the top-level span before it.
            guard lastTop >= 0, skeleton.spans[lastTop].unit == parent.unit, parent.code < skeleton.spans[lastTop].codes.count else { continue }
            let code = skeleton.spans[lastTop].codes[parent.code]
            let key = SkeletonCodec.CodeKey(code.kind, code.id)
            out[parent.unit, default: [:]][key] = out[parent.unit]?[key].map { $0 + " " + span.unit } ?? span.unit
        }
        return out
    }

    /// `bases`: what each source code's first inline element says of it (see ``SkeletonCodec``).
    /// `subflows`: the units nested in each code, written as `subFlows`.
    /// `codeSizes`: for a unit under a size restriction, what its protected spans' `<ph>` say of their size.
    /// The unit is read in place through `unit` (the caller's buffer), field by field.
    private func write(_ unit: UnsafePointer<TextUnit>, to out: inout XMLOutput, bases: inout XLIFFCodeBases,
                       subflows: [SkeletonCodec.CodeKey: String], codeSizes: XLIFFSizeRestrictions.CodeSizes? = nil) throws {
        let type = unit.pointee.type.flatMap { Self.isUserDefinedValue($0) ? $0 : nil }
        out.raw("    ")
        out.tag("unit")
        out.attr("id", unit.pointee.id); out.attr("name", unit.pointee.name); out.attr("type", type); out.attr("translate", unit.pointee.translate ? nil : "no")
        if let limits = unit.pointee.sizeLimits { out.attr("slr:sizeRestriction", limits.size); out.attr("slr:storageRestriction", limits.storage) }
        out.finish(empty: false)
        out.newline()
        if !unit.pointee.candidates.isEmpty { candidates(unit.pointee.candidates, of: unit.pointee, to: &out) }
        if !unit.pointee.glossary.isEmpty { Self.glossary(unit.pointee.glossary, to: &out) }
        if !unit.pointee.notes.isEmpty {
            out.indent(3); out.start("notes"); out.newline()
            var noteIDs = Set<String>()
            for note in unit.pointee.notes {
                let id = note.id.flatMap { InlineCodeLayout.isNMToken($0) && noteIDs.insert($0).inserted ? $0 : nil }
                let priority = note.priority.flatMap { (1...10).contains($0) ? String($0) : nil }
                out.indent(4)
                out.start("note", [("id", id), ("category", note.category), ("priority", priority), ("appliesTo", note.appliesTo?.rawValue)])
                out.plainText(note.text)
                out.end("note"); out.newline()
            }
            out.indent(3); out.end("notes"); out.newline()
        }

        // One <data> per distinct original data, numbered in order of first use (d1, d2…).
        var dataIDs = SmallMap<String, Int>()
        let segments = unit.pointee.segments
        for s in segments.indices {
            Self.collectData(segments[s].source.runs, into: &dataIDs)
            if let target = segments[s].target { Self.collectData(target.runs, into: &dataIDs) }
        }
        if !dataIDs.isEmpty {
            out.raw("      <originalData>\n")
            for (i, (data, _)) in dataIDs.entries.enumerated() {
                out.raw("        <data")
                out.attr("id", prefix: UInt8(ascii: "d"), i + 1)
                if data.isEmpty {
                    out.raw("/>")
                } else {
                    out.raw(">")
                    out.text(data, onInvalid: Self.codePoint)
                    out.close("data")
                }
                out.newline()
            }
            out.raw("      </originalData>\n")
        }

        // A loop, not `contains(where:)`: the closure copied each segment out to read one flag.
        var translatable = false
        for s in segments.indices where !segments[s].isIgnorable { translatable = true; break }
        guard translatable else {
            throw FormatError(.unsupported, "unit \(unit.pointee.id): XLIFF 2 needs at least one segment that is not ignorable")
        }
        var noBases = XLIFFCodeBases(units: 0)
        let separate: [String] = subflows.isEmpty ? [] : subflows.keys.map(\.id)
        // Each segment passed in place, by pointer: `for segment in`, and `segments[s]` passed
        // from the buffer, copied every one out.
        segments.withUnsafeBufferPointer { segments in
            for s in segments.indices {
                write(segments.baseAddress! + s, to: &out, dataIDs: dataIDs, subflows: subflows, separate: separate, bases: &bases, noBases: &noBases, codeSizes: codeSizes)
            }
        }
        out.raw("    </unit>\n")
    }

    /// Numbers the original data of each code in `runs` not numbered yet. (A static function
    /// with the map passed inout: a nested function capturing it had every access checked for
    /// exclusivity at run time.)
    private static func collectData(_ runs: [Content.Run], into dataIDs: inout SmallMap<String, Int>) {
        // By index, each run read in place: `for case .code(let c) in runs` copied every run
        // out, text included (most of this function's own time).
        for i in runs.indices {
            guard let data = runs[i].codeData else { continue }
            let next = dataIDs.count + 1
            dataIDs.insertIfAbsent(data, next)
        }
    }

    /// One `<segment>` or `<ignorable>` of a unit (see the unit's `write` for the parameters).
    /// The segment is read in place through `segment`, field by field.
    private func write(_ segment: UnsafePointer<Segment>, to out: inout XMLOutput, dataIDs: SmallMap<String, Int>, subflows: [SkeletonCodec.CodeKey: String],
                       separate: [String], bases: inout XLIFFCodeBases, noBases: inout XLIFFCodeBases,
                       codeSizes: XLIFFSizeRestrictions.CodeSizes?) {
        var state: String?
        if !segment.pointee.isIgnorable, let s = segment.pointee.state, s == .initial || segment.pointee.target != nil { state = s.rawValue }
        // Provenance travels as `subState` (which needs an explicit state): `l10n:mt-pseudo`, `l10n:tm-100`.
        let subState = state != nil && segment.pointee.target != nil ? segment.pointee.provenance.map { "l10n:" + $0.token } : nil
        out.raw("      ")
        if segment.pointee.isIgnorable { out.tag("ignorable") } else { out.tag("segment") }
        out.attr("id", InlineCodeLayout.isNMToken(segment.pointee.id) ? segment.pointee.id : nil); out.attr("state", state); out.attr("subState", subState)
        out.finish(empty: false)
        out.newline()
        let layout = InlineCodeLayout(segment.pointee.source.runs, separate: separate)
        out.raw("        <source>")
        write(segment.pointee.source, layout: layout, dataIDs: dataIDs, subflows: subflows, to: &out, bases: &bases, record: true, codeSizes: codeSizes)
        out.raw("</source>\n")
        if let target = segment.pointee.target {
            out.raw("        <target>")
            write(target, layout: InlineCodeLayout(target.runs, allowed: layout.pairedIDs, separate: separate), dataIDs: dataIDs,
                  subflows: subflows, to: &out, bases: &noBases, record: false, codeSizes: codeSizes)
            out.raw("</target>\n")
        }
        out.raw("      ")
        if segment.pointee.isIgnorable { out.close("ignorable") } else { out.close("segment") }
        out.newline()
    }

    /// The namespace of `l10n:status` on `<gls:glossEntry>` (the module's `##other` attributes).
    static let glossaryStatusNamespace = "urn:x-l10n:glossary:1"

    /// The Glossary module's `<gls:glossary>` (first in the unit, where the core schema allows
    /// other namespaces), its namespaces declared on it so files without glossary entries do not
    /// change. `ref` points to the segment (`#s1`): a segment is a span the validator resolves, and
    /// pointing at an `<mrk>` would mean changing the source the translator and merge read. The
    /// status is in the definition for people and in `l10n:status` for tools.
    static func glossary(_ entries: [GlossEntry], to out: inout XMLOutput) {
        out.indent(3); out.start("gls:glossary", [("xmlns:gls", XLIFFNamespace.glossary), ("xmlns:l10n", glossaryStatusNamespace)]); out.newline()
        for entry in entries {
            let ref = entry.segment.flatMap { InlineCodeLayout.isNMToken($0) ? "#" + $0 : nil }
            out.indent(4); out.start("gls:glossEntry", [("ref", ref), ("l10n:status", entry.status)]); out.newline()
            out.indent(5); out.start("gls:term", [("source", entry.glossary)]); out.plainText(entry.term); out.end("gls:term"); out.newline()
            for translation in entry.translations {
                out.indent(5); out.start("gls:translation"); out.plainText(translation); out.end("gls:translation"); out.newline()
            }
            if let definition = entry.definition {
                out.indent(5); out.start("gls:definition"); out.plainText(definition); out.end("gls:definition"); out.newline()
            }
            // The module's `##other` elements after the definition: a wrong translation in a
            // structured place, where no CAT tool offers it as one to use.
            for wrong in entry.forbidden {
                out.indent(5); out.start("l10n:forbidden"); out.plainText(wrong); out.end("l10n:forbidden"); out.newline()
            }
            out.indent(4); out.end("gls:glossEntry"); out.newline()
        }
        out.indent(3); out.end("gls:glossary"); out.newline()
    }

    /// The Translation Candidates module's `<mtc:matches>` (before the glossary, where the core
    /// schema allows other namespaces): one `<mtc:match>` per candidate, pointing at its segment,
    /// with the memory unit's source and target. Their codes carry no `dataRef` (the unit's
    /// `<originalData>` is the segments'), so a reader never confuses them with the segment's.
    private func candidates(_ candidates: [TranslationCandidate], of unit: TextUnit, to out: inout XMLOutput) {
        let segments = Set(unit.segments.lazy.filter { !$0.isIgnorable }.map(\.id))
        let offered = candidates.filter { segments.contains($0.segment) && InlineCodeLayout.isNMToken($0.segment) }
        guard !offered.isEmpty else { return }
        out.indent(3); out.start("mtc:matches", [("xmlns:mtc", XLIFFNamespace.matches)]); out.newline()
        var none = XLIFFCodeBases(units: 0)
        for (i, candidate) in offered.enumerated() {
            let similarity = String(min(max(candidate.similarity, 0), 100))
            out.indent(4)
            out.start("mtc:match", [("id", "m\(i + 1)"), ("ref", "#" + candidate.segment), ("similarity", similarity), ("matchQuality", similarity),
                                    ("origin", candidate.origin), ("type", "tm")])
            out.newline()
            let layout = InlineCodeLayout(candidate.source.runs)
            out.indent(5); out.raw("<source>")
            write(candidate.source, layout: layout, dataIDs: SmallMap(), subflows: [:], to: &out, bases: &none, record: false)
            out.raw("</source>"); out.newline()
            out.indent(5); out.raw("<target>")
            write(candidate.target, layout: InlineCodeLayout(candidate.target.runs, allowed: layout.pairedIDs), dataIDs: SmallMap(), subflows: [:],
                  to: &out, bases: &none, record: false)
            out.raw("</target>"); out.newline()
            out.indent(4); out.end("mtc:match"); out.newline()
        }
        out.indent(3); out.end("mtc:matches"); out.newline()
    }

    /// With `record`, each code's first element is also noted in `bases` as the reader will see
    /// it (``XLIFFCodeResolver/Attributes``), so the skeleton can leave out what it says.
    private func write(_ content: Content, layout: InlineCodeLayout, dataIDs: SmallMap<String, Int>, subflows: [SkeletonCodec.CodeKey: String],
                       to out: inout XMLOutput, bases: inout XLIFFCodeBases, record: Bool,
                       codeSizes: XLIFFSizeRestrictions.CodeSizes? = nil) {
        let runs = content.runs
        /// The code as the reader will see it from its element: attribute values cannot carry what XML forbids.
        func note(_ kind: InlineCode.Kind, _ id: String, type: InlineCode.CodeType?, subType: String?, canDelete: Bool,
                  display: String?, equiv: String?, isolated: Bool = false) {
            bases.note(kind, id, InlineCode(
                kind: kind, id: id, data: "", type: type, subType: subType.map(XMLEscaping.replacingInvalid),
                display: display.map(XMLEscaping.replacingInvalid), equiv: equiv.map(XMLEscaping.replacingInvalid),
                isolated: isolated, canDelete: canDelete))
        }
        let d = UInt8(ascii: "d")
        // Runs switched on in place from the buffer: `for run in` copies each run (a code's five strings) out.
        runs.withUnsafeBufferPointer { runs in
            for i in runs.indices {
                switch runs[i] {
                case .text(let t):
                    out.text(t, onInvalid: Self.codePoint)
                case .code(let c):
                    let (codeType, subType) = InlineCodeLayout.typeAndSubType(c)
                    let type = codeType?.rawValue
                    let canDelete = c.canDelete ? nil : "no"
                    switch c.kind {
                    case .standalone:
                        out.tag("ph")
                        out.attr("id", c.id); out.attr("type", type); out.attr("subType", subType); out.attr("canDelete", canDelete)
                        out.attr("dataRef", prefix: d, dataIDs[c.data]); out.attr("disp", c.display); out.attr("equiv", c.equiv)
                        if !subflows.isEmpty { out.attr("subFlows", subflows[SkeletonCodec.CodeKey(.standalone, c.id)]) }
                        if let codeSizes {
                            let (info, storage) = codeSizes.sizes(of: c)
                            out.attr("slr:sizeInfo", info); out.attr("slr:equivStorage", storage)
                        }
                        out.finish(empty: true)
                        if record { note(.standalone, c.id, type: codeType, subType: subType, canDelete: c.canDelete, display: c.display, equiv: c.equiv) }
                    case .open:
                        if let closeIndex = layout.closeOf(i), case .code(let close) = runs[closeIndex] {
                            let hasEquiv = c.equiv != nil || close.equiv != nil
                            out.tag("pc")
                            out.attr("id", c.id); out.attr("type", type); out.attr("subType", subType)
                            out.attr("canDelete", c.canDelete && close.canDelete ? nil : "no")
                            out.attr("dataRefStart", prefix: d, dataIDs[c.data]); out.attr("dataRefEnd", prefix: d, dataIDs[close.data])
                            out.attr("dispStart", c.display); out.attr("dispEnd", close.display)
                            out.attr("equivStart", hasEquiv ? c.equiv ?? "" : nil); out.attr("equivEnd", hasEquiv ? close.equiv ?? "" : nil)
                            out.finish(empty: false)
                            if record {
                                note(.open, c.id, type: codeType, subType: subType, canDelete: c.canDelete && close.canDelete,
                                     display: c.display, equiv: hasEquiv ? c.equiv ?? "" : nil)
                            }
                        } else {
                            out.tag("sc")
                            out.attr("id", c.id); out.attr("isolated", c.isolated ? "yes" : nil); out.attr("type", type); out.attr("subType", subType)
                            out.attr("canDelete", canDelete); out.attr("dataRef", prefix: d, dataIDs[c.data]); out.attr("disp", c.display); out.attr("equiv", c.equiv)
                            if !subflows.isEmpty { out.attr("subFlows", subflows[SkeletonCodec.CodeKey(.open, c.id)]) }
                            out.finish(empty: true)
                            if record {
                                note(.open, c.id, type: codeType, subType: subType, canDelete: c.canDelete, display: c.display, equiv: c.equiv, isolated: c.isolated)
                            }
                        }
                    case .close:
                        if let openIndex = layout.openOf(i) {
                            out.close("pc")
                            // The end half reads as the <pc>'s end attributes (type and subType the
                            // open's), under the open's id.
                            if record, case .code(let open) = runs[openIndex] {
                                let (openType, openSubType) = InlineCodeLayout.typeAndSubType(open)
                                let hasEquiv = open.equiv != nil || c.equiv != nil
                                note(.close, open.id, type: openType, subType: openSubType, canDelete: open.canDelete && c.canDelete,
                                     display: c.display, equiv: hasEquiv ? c.equiv ?? "" : nil)
                            }
                        } else if c.isolated {
                            out.tag("ec")
                            out.attr("id", c.id); out.attr("isolated", "yes"); out.attr("type", type); out.attr("subType", subType)
                            out.attr("canDelete", canDelete); out.attr("dataRef", prefix: d, dataIDs[c.data]); out.attr("disp", c.display); out.attr("equiv", c.equiv)
                            if !subflows.isEmpty { out.attr("subFlows", subflows[SkeletonCodec.CodeKey(.close, c.id)]) }
                            out.finish(empty: true)
                            if record {
                                note(.close, c.id, type: codeType, subType: subType, canDelete: c.canDelete, display: c.display, equiv: c.equiv, isolated: true)
                            }
                        } else {
                            out.tag("ec")
                            out.attr("startRef", c.id); out.attr("canDelete", canDelete); out.attr("dataRef", prefix: d, dataIDs[c.data])
                            out.attr("disp", c.display); out.attr("equiv", c.equiv)
                            if !subflows.isEmpty { out.attr("subFlows", subflows[SkeletonCodec.CodeKey(.close, c.id)]) }
                            out.finish(empty: true)
                            if record { note(.close, c.id, type: nil, subType: nil, canDelete: c.canDelete, display: c.display, equiv: c.equiv) }
                        }
                    }
                }
            }
        }
    }

    /// `<cp hex="0001"/>`: XLIFF 2's way to carry a character XML 1.0 forbids.
    static func codePoint(_ value: UInt32, _ out: inout [UInt8]) {
        out.append(contentsOf: "<cp hex=\"".utf8)
        out.append(contentsOf: hex4(value).utf8)
        out.append(contentsOf: "\"/>".utf8)
    }

    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// XLIFF 2's `prefix:value` pattern (`[^\s:]+:[^\s:]+`, where XSD's `\s` is ASCII whitespace)
    /// for `type` on units and `subType` on codes.
    static func isUserDefinedValue(_ s: String) -> Bool {
        s.withUTF8Bytes { p in
            // By index, stopping at a second colon (`enumerated()` cost ≈ 190 instructions a value).
            var colon = -1
            for i in 0..<p.count {
                switch p[i] {
                case UInt8(ascii: ":"): if colon >= 0 { return false }; colon = i
                case 0x20, 0x09, 0x0A, 0x0D: return false
                default: continue
                }
            }
            return colon > 0 && colon < p.count - 1
        }
    }
}
