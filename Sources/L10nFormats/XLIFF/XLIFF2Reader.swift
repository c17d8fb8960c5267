import Foundation
import L10nCore

/// Reads XLIFF 2.0/2.1/2.2 (see ``XLIFFReader`` for what it accepts).
struct XLIFF2Reader {
    var file: String
    var namespace: String
    /// What the caller needs of units nobody translated (see ``XLIFFReader/Detail``).
    var detail: XLIFFReader.Detail = .full
    /// See ``XLIFFReader/requiresSkeleton``.
    var requiresSkeleton = true

    func read(_ root: XMLElement) throws -> [Document] {
        guard let sourceLanguage = root["srcLang"] else {
            throw error("<xliff> has no srcLang", root)
        }
        let targetLanguage = root["trgLang"]
        let files = root.elements(named: "file", namespace: namespace)
        guard !files.isEmpty else { throw error("<xliff> has no <file>", root) }
        return try files.map { try document($0, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage) }
    }

    private func error(_ message: String, _ element: XMLElement, code: FormatError.Code = .invalidXLIFF) -> FormatError {
        FormatError(code, message, at: SourceLocation(file: file, line: element.line))
    }

    private func document(_ fileElement: XMLElement, sourceLanguage: String, targetLanguage: String?) throws -> Document {
        let embedded = fileElement.first("skeleton", namespace: namespace)?
            .first(XLIFFSkeletonEmbedding.elementName, namespace: XLIFFSkeletonEmbedding.namespace)
        if embedded == nil, requiresSkeleton { throw XLIFFSkeletonEmbedding.missing(file: file, line: fileElement.line) }
        // Another tool's file: no skeleton, its codes as its own elements describe them.
        let format = embedded?["format"] ?? "xliff"
        if let embedded, format.isEmpty { throw error("the embedded skeleton has no format attribute", embedded, code: .invalidSkeleton) }
        let read = try embedded.map { try XLIFFSkeletonEmbedding.decodeXLIFF2($0, file: file) }
            ?? XLIFFSkeletonEmbedding.Read(skeleton: Skeleton(original: Data(), spans: []), overrides: nil)
        var skeleton = read.skeleton
        let spanIndex = SpanIndex(read.skeleton.spans, numbered: read.numbered)

        var units: [TextUnit] = []
        units.reserveCapacity(skeleton.spans.count)  // a span a unit: grown by appends, the units were moved each time
        var groups: [SizeGroup] = []
        var provenances = SmallMap<String, Provenance?>()
        let names = Names(fileElement.arena, namespace: namespace)
        // The segments of untranslated units, shared by the units of one pattern (see
        // ``appendUntranslatedUnit(_:id:parts:type:names:shared:to:)``).
        var shared = SharedSegments()
        // Inline restrictions are looked for only where a profile says how to measure them.
        let profiles = Self.sizeProfiles(fileElement)
        let restrictions = profiles != nil && detail == .full
        // `translate` is inherited from the file and enclosing groups (XLIFF 2 default: yes).
        // What it fills is passed inout, not captured: captured by this recursive function and
        // its closure, each access paid a dynamic exclusivity check.
        func collect(_ container: XMLElement, translate: Bool, units: inout [TextUnit], groups: inout [SizeGroup],
                     skeleton: inout Skeleton, provenances: inout SmallMap<String, Provenance?>, shared: inout SharedSegments) throws {
            try container.forEachElement { child in
                guard child.namespaceIndex == names.xliff else { return true }
                let translate = child[nameIndex: names.translate].map { $0 != "no" } ?? translate
                if child.nameIndex == names.unit {
                    // The span found by the id's bytes; the id read once, as the span's own string
                    // when it is the same (each read made a string of the attribute). Found by
                    // number, it is; found by string, it is compared (equal strings may differ in bytes).
                    let idRange = child.valueRange(nameIndex: names.id)
                    let found = idRange.flatMap { spanIndex.first($0, in: child.arena) }
                    let id = idRange.map { range in
                        guard let i = found else { return child.arena.string(range) }
                        return spanIndex.isNumbered ? skeleton.spans[i].unit : child.arena.string(range, reusing: skeleton.spans[i].unit)
                    }
                    // The span's parts and type only, not the span copied out of the array (all its
                    // strings and arrays retained and released for every unit).
                    if detail == .merging, let id, let i = found,
                       try appendUntranslatedUnit(child, id: id, parts: skeleton.spans[i].parts, type: skeleton.spans[i].type,
                                                  names: names, shared: &shared, to: &units) {
                        units[units.count - 1].translate = translate
                        return true
                    }
                    var span: Skeleton.UnitSpan?
                    if let i = found {
                        if let overrides = read.overrides, !skeleton.spans[i].codes.isEmpty {
                            // The span map left out what the unit's source elements say of its codes
                            // (a unit without codes has nothing to complete: its sources go unwalked).
                            let bases = codeBases(child)
                            for c in skeleton.spans[i].codes.indices {
                                let key = SkeletonCodec.CodeKey(skeleton.spans[i].codes[c].kind, skeleton.spans[i].codes[c].id)
                                SkeletonCodec.complete(&skeleton.spans[i].codes[c], overrides: overrides[span: i, code: c], base: bases[key])
                            }
                        }
                        span = skeleton.spans[i]
                    }
                    // Completed in place in the array: set on a local first, the unit was copied into it.
                    try appendUnit(child, id: id, span: span, names: names, provenances: &provenances, markers: restrictions, to: &units)
                    units[units.count - 1].translate = translate
                    if restrictions { units[units.count - 1].inlineSizeLimits = Self.inlineSizeLimits(child, namespace: namespace) }
                } else if child.nameIndex == names.group {
                    // A restricted group keeps its place (outer before inner) and its units.
                    let limits = Self.sizeLimits(child)
                    let (slot, first) = (groups.count, units.count)
                    if let limits, let id = child["id"] { groups.append(SizeGroup(id: id, limits: limits, units: [])) }
                    try collect(child, translate: translate, units: &units, groups: &groups, skeleton: &skeleton, provenances: &provenances, shared: &shared)
                    if limits != nil, slot < groups.count { groups[slot].units = units[first...].map(\.id) }
                }
                return true
            }
        }
        try collect(fileElement, translate: fileElement["translate"].map { $0 != "no" } ?? true,
                    units: &units, groups: &groups, skeleton: &skeleton, provenances: &provenances, shared: &shared)
        var document = Document(
            original: fileElement["original"] ?? fileElement["id"] ?? file, format: format, sourceLanguage: sourceLanguage,
            targetLanguage: targetLanguage, units: units, skeleton: skeleton)
        document.sizeProfiles = profiles
        document.sizeLimits = Self.sizeLimits(fileElement)
        groups.removeAll { $0.units.isEmpty }  // a restriction on no unit restricts nothing
        if !groups.isEmpty { document.sizeGroups = groups }
        return document
    }

    /// The attribute and element names read on every unit and part, resolved once per file
    /// (``XMLArena/nameIndex(_:)``): each is then found by an integer comparison, and one the
    /// file never uses (`state`, `subState`, `order` in a file nobody translated) is known absent
    /// without a look at the element.
    struct Names {
        let id, translate, type, name, state, subState, order: Int32
        /// The XLIFF namespace, and the names of its elements walked for every unit.
        let xliff, unit, group, segment, ignorable, source, target: Int32

        init(_ arena: XMLArena, namespace: String) {
            (id, translate, type, name) = (arena.nameIndex("id"), arena.nameIndex("translate"), arena.nameIndex("type"), arena.nameIndex("name"))
            (state, subState, order) = (arena.nameIndex("state"), arena.nameIndex("subState"), arena.nameIndex("order"))
            // Never -1: the root is in this namespace, and elements are never in none by accident.
            xliff = arena.nameIndex(namespace)
            (unit, group, segment, ignorable) = (arena.nameIndex("unit"), arena.nameIndex("group"), arena.nameIndex("segment"), arena.nameIndex("ignorable"))
            (source, target) = (arena.nameIndex("source"), arena.nameIndex("target"))
        }
    }

    /// The first span of each unit id. A span map names its units `u1`, `u2`… in order unless it
    /// says otherwise (`n`), so nearly always an id's number is its span's place, and a unit's
    /// span is found without hashing: the table is made only for spans named otherwise.
    struct SpanIndex {
        private let count: Int
        private var table: [String: Int]?

        /// `numbered`: the decoder knows the spans are numbered (it named none), so they are not
        /// looked at.
        init(_ spans: [Skeleton.UnitSpan], numbered known: Bool = false) {
            count = spans.count
            let numbered = known || spans.withUnsafeBufferPointer { spans in
                spans.indices.allSatisfy { DecimalID.number(spans[$0].unit, after: UInt8(ascii: "u")) == $0 + 1 }
            }
            guard !numbered else { return }
            // Assigned from the last span back, so each id is hashed once (not looked up, then
            // stored), into a table sized once.
            var index: [String: Int] = [:]
            index.reserveCapacity(spans.count)
            for i in spans.indices.reversed() { index[spans[i].unit] = i }
            table = index
        }

        /// Whether spans are found by their ids' numbers: an id found is then its span's bytes for byte.
        var isNumbered: Bool { table == nil }

        /// The index of the first span of the unit whose id is the bytes `id` of `arena`'s text.
        func first(_ id: Range<Int>, in arena: XMLArena) -> Int? {
            if let table { return table[arena.string(id)] }
            guard let n = arena.withBytes(id, { DecimalID.number($0, after: UInt8(ascii: "u")) }), n >= 1, n <= count else { return nil }
            return n - 1
        }
    }

    /// The restrictions on a unit's inline spans: `slr:` size attributes on the `<pc>` and `<sc>`
    /// of its sources, by the span's id; nil when there are none.
    static func inlineSizeLimits(_ unit: XMLElement, namespace: String) -> [String: SizeLimits]? {
        var found: [String: SizeLimits] = [:]
        func walk(_ element: XMLElement) {
            element.forEachElement { e in
                guard e.namespace == namespace else { return true }
                if e.name == "pc" || e.name == "sc", let id = e["id"], let limits = sizeLimits(e) { found[id] = limits }
                if e.name != "sc" { walk(e) }
                return true
            }
        }
        unit.forEachElement { child in
            if child.namespace == namespace && child.name == "segment", let source = child.first("source", namespace: namespace) { walk(source) }
            return true
        }
        return found.isEmpty ? nil : found
    }

    /// `slr:sizeRestriction` and `slr:storageRestriction` of a `<file>`, `<group>` or `<unit>`,
    /// as written (their syntax is the profile's business; `l10n validate` checks it under the
    /// standard profiles, `length.size-restriction` reports values it cannot read).
    static func sizeLimits(_ element: XMLElement) -> SizeLimits? {
        let limits = SizeLimits(size: element.attribute("sizeRestriction", namespace: XLIFFNamespace.sizeRestriction),
                                storage: element.attribute("storageRestriction", namespace: XLIFFNamespace.sizeRestriction))
        return limits.isEmpty ? nil : limits
    }

    /// The file's `<slr:profiles>` and its `<slr:normalization>`, as written. Settings of
    /// third-party profiles (other elements inside it) are not kept.
    static func sizeProfiles(_ file: XMLElement) -> SizeProfiles? {
        // A file whose names include no `profiles` has none: its units are not walked for it.
        guard file.arena.nameIndex("profiles") >= 0 else { return nil }
        var found: XMLElement?
        file.forEachElement { e in
            if e.name == "profiles" && e.namespace == XLIFFNamespace.sizeRestriction { found = e; return false }
            return true
        }
        guard let profiles = found else { return nil }
        var normalization: XMLElement?
        profiles.forEachElement { e in
            if e.name == "normalization" && e.namespace == XLIFFNamespace.sizeRestriction { normalization = e; return false }
            return true
        }
        return SizeProfiles(general: profiles["generalProfile"], storage: profiles["storageProfile"],
                            generalNormalization: normalization?["general"], storageNormalization: normalization?["storage"])
    }

    /// What the first inline element of each code (by kind and id) in the unit's sources says of
    /// it, read the way ``append(_:codes:to:)`` reads it.
    /// A unit has a handful of codes: searched in a ``SmallMap``, not hashed, and an element's
    /// attributes read only for the first of its kind and id.
    private func codeBases(_ unit: XMLElement) -> SmallMap<SkeletonCodec.CodeKey, InlineCode> {
        var bases = SmallMap<SkeletonCodec.CodeKey, InlineCode>()
        func note(_ kind: InlineCode.Kind, _ id: String?, _ a: @autoclosure () -> XLIFFCodeResolver.Attributes) {
            guard let id else { return }
            bases.insertIfAbsent(SkeletonCodec.CodeKey(kind, id), a().code(kind, id: id, data: ""))
        }
        // Child elements only: the text between them says nothing of codes.
        func walk(_ element: XMLElement) {
            element.forEachElement { e in
                guard e.namespace == namespace else { return true }
                switch e.name {
                case "ph": note(.standalone, e["id"], attributes(e, start: nil))
                case "pc":
                    note(.open, e["id"], attributes(e, start: true))
                    walk(e)
                    note(.close, e["id"], attributes(e, start: false))
                case "sc": note(.open, e["id"], attributes(e, start: nil))
                case "ec": note(.close, e["startRef"] ?? e["id"], attributes(e, start: nil))
                case "cp", "sm", "em": break
                default: walk(e)
                }
                return true
            }
        }
        unit.forEachElement { child in
            if child.namespace == namespace && (child.name == "segment" || child.name == "ignorable"),
               let source = child.first("source", namespace: namespace) { walk(source) }
            return true
        }
        return bases
    }

    /// `id`: the unit's `id` attribute. `provenances`: what each `subState` value read so far
    /// said (a file repeats a few values on every segment, and reading one token is a table
    /// search; among a few values, a search without hashing).
    /// `markers`: also keep the restricted annotations of its segments (``TextUnit/markerRestrictions``);
    /// asked only where the file names a profile to measure them with. The unit is appended to
    /// `units` and completed there (returned, it was copied into the array).
    private func appendUnit(_ element: XMLElement, id: String?, span: Skeleton.UnitSpan?, names: Names,
                            provenances: inout SmallMap<String, Provenance?>, markers: Bool = false, to units: inout [TextUnit]) throws {
        guard let id else { throw error("<unit> has no id", element) }

        var notes: [Note] = []
        // Merging writes no note, glossary entry or restriction: it reads none (see ``XLIFFReader/Detail``).
        let merging = detail == .merging
        for note in (merging ? nil : element.first("notes", namespace: namespace))?.elements(named: "note", namespace: namespace) ?? [] {
            notes.append(Note(
                text: note.text, id: note["id"], category: note["category"], priority: note["priority"].flatMap { Int($0) },
                appliesTo: note["appliesTo"].flatMap(Note.AppliesTo.init(rawValue:))))
        }
        var builder = XLIFFContentBuilder()
        var data = SmallMap<String, String>()
        for d in element.first("originalData", namespace: namespace)?.elements(named: "data", namespace: namespace) ?? [] {
            guard let dataID = d["id"] else { throw error("<data> has no id", d) }
            try append(d, codes: nil, to: &builder)
            data.set(dataID, builder.finish().plainText)
        }
        let codes = XLIFFCodeResolver(span: span, data: data)

        var parts: [XLIFFReadPart] = []
        // Sized once: grown part by part, a unit of a few segments was reallocated as often.
        parts.reserveCapacity(span?.parts.count ?? 4)
        // The restricted annotations of the sources, walked across the parts (an `<sm>` may end in
        // a later segment); the targets are walked for them once the sources have any.
        var sourceMarkers = MarkerWalk(unrestricted: false)
        var targets: [(part: Int, element: XMLElement)] = []
        try element.forEachElement { child in
            guard child.namespace == namespace && (child.name == "segment" || child.name == "ignorable") else { return true }
            guard let source = child.first("source", namespace: namespace) else {
                throw error("<\(child.name)> has no <source>", child)
            }
            let target = child.first("target", namespace: namespace)
            var state: SegmentState?
            if child.name == "segment", let value = child[nameIndex: names.state] {
                guard let s = Self.segmentState(value) else { throw error("unknown segment state \"\(value)\"", child) }
                state = s
            }
            // Our own `subState` (`l10n:mt-pseudo`); other tools' values say nothing about provenance.
            var provenance: Provenance?
            if let value = child[nameIndex: names.subState] {
                if let known = provenances[value] {
                    provenance = known
                } else {
                    provenance = value.hasPrefix("l10n:") ? Provenance(token: String(value.dropFirst(5))) : nil
                    provenances.insertIfAbsent(value, provenance)
                }
            }
            var order: Int?
            if let value = target?[nameIndex: names.order] {
                guard let n = Int(value), n >= 1 else { throw error("<target order=\"\(value)\"> is not a positive integer", target!) }
                order = n
            }
            try append(source, codes: codes, to: &builder)
            let sourceContent = builder.finish()
            var targetContent: Content?
            if let target {
                try append(target, codes: codes, to: &builder)
                targetContent = builder.finish()
            }
            if markers {
                try walkMarkers(source, part: parts.count, codes: codes, into: &sourceMarkers)
                // A part without a target is merged as its source (an ignorable's space, say).
                targets.append((parts.count, target ?? source))
            }
            parts.append(XLIFFReadPart(
                id: child[nameIndex: names.id], isIgnorable: child.name == "ignorable", source: sourceContent,
                target: targetContent, state: state, provenance: provenance, order: order))
            return true
        }
        guard !parts.isEmpty else { throw error("<unit id=\"\(id)\"> has no segment", element) }
        let segments = XLIFFReadPart.segments(parts)
        units.append(TextUnit(id: id, type: element[nameIndex: names.type] ?? span?.type, name: element[nameIndex: names.name],
                              segments: segments, notes: notes))
        let u = units.count - 1
        // Segments collapsed by reordered targets no longer match their parts: nothing to place.
        if !sourceMarkers.found.isEmpty, segments.count == parts.count {
            // The target's markers repeat the source's ids (unique in a unit), not necessarily
            // their restrictions: every one is measured.
            var targetMarkers = MarkerWalk(unrestricted: true)
            for (part, target) in targets { try walkMarkers(target, part: part, codes: codes, into: &targetMarkers) }
            units[u].markerRestrictions = sourceMarkers.found.map { m in
                MarkerRestriction(segment: segments[m.part].id, marker: m.id, limits: m.limits, source: m.content,
                                  target: targetMarkers.found.first { $0.id == m.id }?.content)
            }
        }
        if !merging {
            units[u].sizeLimits = Self.sizeLimits(element)
            units[u].glossary = Self.glossary(element)
        }
    }

    /// For ``XLIFFReader/Detail/merging``: appends a unit with no `<target>` whose parts are the
    /// skeleton's (same ids, in order, none rewritten) as its segments' ids and kinds alone —
    /// merge copies such a unit from the original bytes (`SkeletonMerger`) and reads nothing
    /// else of it, so its inline content, original data and code bases are not built. False (and
    /// nothing appended) when the unit is not such a unit (it is then read in full). What the
    /// full read refuses of the parts themselves (no `<source>`, an unknown state) is refused
    /// here too. Appended, not returned: a returned unit was copied into the array.
    /// `shared`: the segments arrays units of the same parts share (made here for a unit of
    /// more parts than a pattern holds).
    private func appendUntranslatedUnit(_ element: XMLElement, id: String, parts: [Skeleton.PartSpan], type: String?,
                                        names: Names, shared: inout SharedSegments, to units: inout [TextUnit]) throws -> Bool {
        let own = parts.count > SharedSegments.maximumParts
        var segments: [Segment] = []  // made in the walk for `own` only; sized at the first part that qualifies
        var count = 0
        var ignorables: UInt64 = 0
        var matches = true
        let arena = element.arena
        try element.forEachElement { child in
            guard child.namespaceIndex == names.xliff && (child.nameIndex == names.segment || child.nameIndex == names.ignorable) else { return true }
            // Its `<source>` and `<target>` in one walk; the walk ends at a target.
            var hasSource = false, hasTarget = false
            child.forEachElement { e in
                guard e.namespaceIndex == names.xliff else { return true }
                if e.nameIndex == names.target { hasTarget = true; return false }
                if e.nameIndex == names.source { hasSource = true }
                return true
            }
            // A translated unit is told first, and cheaply: it is read in full, which checks it.
            // The part's id is compared in place, and is then the skeleton's string.
            let k = count
            guard !hasTarget, k < parts.count, parts[k].rewritten != true, let idRange = child.valueRange(nameIndex: names.id),
                  arena.bytes(idRange, equal: parts[k].id)
            else { matches = false; return false }
            guard hasSource else { throw error("<\(child.name)> has no <source>", child) }
            let isIgnorable = child.nameIndex == names.ignorable
            if !isIgnorable, let value = child[nameIndex: names.state], Self.segmentState(value) == nil {
                throw error("unknown segment state \"\(value)\"", child)
            }
            count += 1
            if own {
                if k == 0 { segments.reserveCapacity(parts.count) }
                segments.append(Segment(id: parts[k].id, source: Content(normalRuns: []), isIgnorable: isIgnorable))
            } else if isIgnorable {
                ignorables |= 1 << k
            }
            return true
        }
        guard matches, count == parts.count, count > 0 else { return false }
        if !own { segments = shared.segments(parts, ignorables: ignorables) }
        let ownType = element.valueRange(nameIndex: names.type).map { arena.string($0, reusing: type) }
        units.append(TextUnit(id: id, type: ownType ?? type, name: element[nameIndex: names.name], segments: segments))
        return true
    }

    /// `SegmentState(rawValue:)` as a plain switch (the synthesized initializer searches a table
    /// of strings; this runs once per segment).
    static func segmentState(_ value: String) -> SegmentState? {
        switch value {
        case "initial": return .initial
        case "translated": return .translated
        case "reviewed": return .reviewed
        case "final": return .final
        default: return nil
        }
    }

    /// The Glossary module's entries on a unit, as ``XLIFF2Writer`` writes them (and as other
    /// tools do: an entry without our status reads as preferred).
    static func glossary(_ unit: XMLElement) -> [GlossEntry] {
        let statusNamespace = XLIFF2Writer.glossaryStatusNamespace
        var out: [GlossEntry] = []
        for glossary in unit.elements(named: "glossary", namespace: XLIFFNamespace.glossary) {
            for entry in glossary.elements(named: "glossEntry", namespace: XLIFFNamespace.glossary) {
                guard let term = entry.first("term", namespace: XLIFFNamespace.glossary) else { continue }
                let ref = entry["ref"].map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
                var gloss = GlossEntry(
                    segment: ref, term: term.text,
                    translations: entry.elements(named: "translation", namespace: XLIFFNamespace.glossary).map(\.text),
                    definition: entry.first("definition", namespace: XLIFFNamespace.glossary)?.text,
                    status: entry.attribute("status", namespace: statusNamespace) ?? "preferred", glossary: term["source"])
                gloss.forbidden = entry.elements(named: "forbidden", namespace: statusNamespace).map(\.text)
                out.append(gloss)
            }
        }
        return out
    }

    /// Appends the inline content of `element`. `codes` is nil inside `<data>`, where only `<cp>`
    /// may appear.
    private func append(_ element: XMLElement, codes: XLIFFCodeResolver?, to out: inout XLIFFContentBuilder) throws {
        try element.forEachChild { try appendChild($0, codes: codes, to: &out) }
    }

    /// One child of inline content (see ``append(_:codes:to:)``).
    private func appendChild(_ child: XMLElement.Child, codes: XLIFFCodeResolver?, to out: inout XLIFFContentBuilder) throws {
        switch child {
        case .text(let bytes):
            out.append(text: bytes)
        case .element(let e):
            guard e.namespace == namespace else { return }  // foreign elements carry no text of ours
            if e.name == "cp" {
                guard let hex = e["hex"], let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
                    throw error("<cp hex=\"\(e["hex"] ?? "")\"> is not a Unicode code point", e)
                }
                out.append(scalar)
                return
            }
            guard let codes else { return }
            switch e.name {
            case "ph":
                out.append(codes.code(.standalone, id: try id(e)) { attributes(e, start: nil) })
            case "pc":
                let pcID = try id(e)
                out.append(codes.code(.open, id: pcID) { attributes(e, start: true) })
                try append(e, codes: codes, to: &out)
                out.append(codes.code(.close, id: pcID) { attributes(e, start: false) })
            case "sc":
                out.append(codes.code(.open, id: try id(e)) { attributes(e, start: nil) })
            case "ec":
                guard let ecID = e["startRef"] ?? e["id"] else { throw error("<ec> has neither startRef nor id", e) }
                out.append(codes.code(.close, id: ecID) { attributes(e, start: nil) })
            case "sm", "em":
                break
            default:  // <mrk> and anything unexpected: keep the content, drop the marker
                try append(e, codes: codes, to: &out)
            }
        }
    }

    /// Walks the annotations of `element` (a `<source>` or `<target>` of part `part`) into
    /// `walk`, reading what each holds as ``append(_:codes:to:)`` reads it: an `<mrk>` at any
    /// depth; an `<sm>` up to the `<em>` that names it, wherever that is on the same side of the
    /// unit — after the `<pc>` it starts in, inside one it does not, or in a later segment. Every
    /// piece of content met while a span is open goes into it, so a span crossing a `<pc>`
    /// boundary holds that code's opening or closing half.
    private func walkMarkers(_ element: XMLElement, part: Int, codes: XLIFFCodeResolver, into walk: inout MarkerWalk) throws {
        try element.forEachChild { child in
            guard case .element(let e) = child, e.namespace == namespace else {
                try walk.appendToOpen { try appendChild(child, codes: codes, to: &$0) }
                return
            }
            switch e.name {
            case "sm":
                if let id = e["id"], let limits = walk.limits(Self.sizeLimits(e)) { walk.open(id, limits: limits, part: part) }
            case "em":
                if let ref = e["startRef"] { walk.close(ref) }
            case "mrk":
                if let id = e["id"], let limits = walk.limits(Self.sizeLimits(e)) {
                    var builder = XLIFFContentBuilder()
                    try append(e, codes: codes, to: &builder)
                    walk.found.append(MarkerWalk.Span(id: id, limits: limits, part: part, content: builder.finish()))
                }
                // Its content goes to the spans open around it; markers inside it are found.
                try walkMarkers(e, part: part, codes: codes, into: &walk)
            case "pc":
                let pcID = try id(e)
                if walk.isOpen { walk.appendToOpen(codes.code(.open, id: pcID) { attributes(e, start: true) }) }
                try walkMarkers(e, part: part, codes: codes, into: &walk)
                if walk.isOpen { walk.appendToOpen(codes.code(.close, id: pcID) { attributes(e, start: false) }) }
            default:  // codes, <cp>, anything else: as the content reads them
                try walk.appendToOpen { try appendChild(child, codes: codes, to: &$0) }
            }
        }
    }

    private func id(_ e: XMLElement) throws -> String {
        guard let id = e["id"] else { throw error("<\(e.name)> has no id", e) }
        return id
    }

    /// `start`: nil for single elements, true/false for the start/end half of a `<pc>`. One pass
    /// over the element's attributes (an element carries up to ten of these). A name is told
    /// by its length first, so most cases cost an integer comparison, not a string one; a value
    /// is made a string only for the attribute that sets it.
    private func attributes(_ e: XMLElement, start: Bool?) -> XLIFFCodeResolver.Attributes {
        var a = XLIFFCodeResolver.Attributes()
        e.forEachAttribute { name, namespace, value in
            guard namespace == nil else { return }
            switch (name.utf8.count, name) {
            case (2, "id"): break
            case (4, "type"): a.type = value.string
            case (7, "subType"): a.subType = value.string
            case (9, "canDelete"): a.canDelete = value.string != "no"
            case (7, "dataRef"): if start == nil { a.dataRef = value.string }
            case (4, "disp"): if start == nil { a.display = value.string }
            case (5, "equiv"): if start == nil { a.equiv = value.string }
            case (12, "dataRefStart"): if start == true { a.dataRef = value.string }
            case (9, "dispStart"): if start == true { a.display = value.string }
            case (10, "equivStart"): if start == true { a.equiv = value.string }
            case (10, "dataRefEnd"): if start == false { a.dataRef = value.string }
            case (7, "dispEnd"): if start == false { a.display = value.string }
            case (8, "equivEnd"): if start == false { a.equiv = value.string }
            case (6, "copyOf"): a.copyOf = value.string
            case (8, "isolated"): a.isolated = value.string == "yes"
            default: break
            }
        }
        return a
    }
}
