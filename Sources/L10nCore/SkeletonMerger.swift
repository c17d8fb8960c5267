import Foundation

/// Rebuilds a document from its skeleton and its (possibly translated) units.
///
/// A segment whose target is missing or equal to its source is copied from the original bytes,
/// so a merge without translation reproduces the input exactly; a translated segment is written
/// from its target, text escaped for its place and codes restored from their original data.
/// A subflow (a translatable attribute inside a code of another unit) is written into that
/// code's data, wherever the parent's translation put the code.
public struct SkeletonMerger: Sendable {
    public var escaper: any TextEscaping

    public init(escaper: any TextEscaping) {
        self.escaper = escaper
    }

    public func merge(_ document: Document) throws -> Data {
        let skeleton = document.skeleton
        let original = skeleton.original
        // The last unit with each id, as a dictionary of units would keep it.
        var out: [UInt8] = []
        out.reserveCapacity(original.count + original.count / 4)
        // Units and spans are lent in place through buffer pointers: read out of their arrays,
        // each was copied (every string and array in it retained, then released).
        try document.units.withUnsafeBufferPointer { units in
            try skeleton.spans.withUnsafeBufferPointer { spans in
                // Spans numbered u1, u2… in order (as the span map names them unless it says
                // otherwise) have no two ids alike, and an id says its span's place.
                let numbered = spans.indices.allSatisfy { DecimalID.number(spans[$0].unit, after: UInt8(ascii: "u")) == $0 + 1 }
                let unitIndex = UnitIndex(units, spans: spans, numbered: numbered)
                let children = Children(spans, numbered: numbered)
                try original.withUnsafeBytes { raw in
                    let run = Run(units: units, spans: spans, bytes: raw.bindMemory(to: UInt8.self), unitIndex: unitIndex,
                                  children: children, escaper: escaper)
                    var cursor = 0
                    for s in spans.indices where spans[s].parent == nil {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: run.bytes[cursor..<spans[s].start]))
                        cursor = spans[s].end
                        try run.appendUnit(s, to: &out)
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: run.bytes[cursor...]))
                }
            }
        }
        return Data(out)
    }

    /// The last unit with each id, as a dictionary of units would keep it. When the units are the
    /// spans, one for one and in order, and the spans are `numbered` (so no id repeats), a span's
    /// unit is the unit at its place: no table, no id hashed twice per unit.
    struct UnitIndex {
        private var table: [String: Int]?

        init(_ units: UnsafeBufferPointer<TextUnit>, spans: UnsafeBufferPointer<Skeleton.UnitSpan>, numbered: Bool) {
            if numbered, units.count == spans.count, spans.indices.allSatisfy({ units[$0].id == spans[$0].unit }) {
                return
            }
            var table: [String: Int] = [:]
            table.reserveCapacity(units.count)
            for i in units.indices { table[units[i].id] = i }
            self.table = table
        }

        /// The unit of span `s`, whose id is `id`.
        func unit(_ id: String, span s: Int) -> Int? { table.map { $0[id] } ?? s }
    }

    /// The subflows of each span's unit id, in order. When the spans are `numbered`, a subflow's
    /// parent id says its parent's place, so they are kept by span index: no id hashed per span.
    struct Children {
        private var bySpan: [[Int]] = []
        private var byUnit: [String: [Int]] = [:]

        init(_ spans: UnsafeBufferPointer<Skeleton.UnitSpan>, numbered: Bool) {
            for t in spans.indices {
                guard let parent = spans[t].parent else { continue }
                guard numbered else { byUnit[parent.unit, default: []].append(t); continue }
                // A parent id that is no span's is never asked for.
                guard let n = DecimalID.number(parent.unit, after: UInt8(ascii: "u")), n >= 1, n <= spans.count else { continue }
                if bySpan.isEmpty { bySpan = Array(repeating: [], count: spans.count) }
                bySpan[n - 1].append(t)
            }
        }

        /// The subflows of span `s`, whose unit id is `unit`.
        func of(span s: Int, unit: String) -> [Int] {
            if !bySpan.isEmpty { return bySpan[s] }
            return byUnit.isEmpty ? [] : byUnit[unit] ?? []
        }
    }

    /// One merge: the document's units and spans, its original bytes and the indexes built for it.
    private struct Run {
        let units: UnsafeBufferPointer<TextUnit>
        let spans: UnsafeBufferPointer<Skeleton.UnitSpan>
        let bytes: UnsafeBufferPointer<UInt8>
        let unitIndex: UnitIndex
        let children: Children
        let escaper: any TextEscaping

        func appendUnit(_ s: Int, to out: inout [UInt8]) throws {
            let nested = children.of(span: s, unit: spans[s].unit)
            guard let i = unitIndex.unit(spans[s].unit, span: s) else {
                try appendOriginal(spans[s].start..<spans[s].end, nested: nested, to: &out)
                return
            }
            if Self.isUnchanged(units[i].segments, parts: spans[s].parts) {
                // Every part comes from the original, and the parts tile the unit.
                try appendOriginal(spans[s].start..<spans[s].end, nested: nested, to: &out)
            } else {
                try render(unit: i, span: s, nested: nested, to: &out)
            }
        }

        /// The original bytes of `range`, with each subflow inside it merged in its place.
        func appendOriginal(_ range: Range<Int>, nested: [Int], to out: inout [UInt8]) throws {
            var cursor = range.lowerBound
            for child in nested {
                let (start, end) = (spans[child].start, spans[child].end)
                guard start >= cursor, end <= range.upperBound else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<start]))
                try appendUnit(child, to: &out)
                cursor = end
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<range.upperBound]))
        }

        /// True when ``render(unit:span:nested:to:)`` would copy every part from the original:
        /// same partition, and each segment ignorable or untranslated and not rewritten.
        static func isUnchanged(_ segments: [Segment], parts: [Skeleton.PartSpan]) -> Bool {
            guard samePartition(segments, parts) else { return false }
            for k in segments.indices where !segments[k].isIgnorable {
                guard segments[k].target == nil || segments[k].target == segments[k].source, parts[k].rewritten != true else { return false }
            }
            return true
        }

        /// The segments are the parts: same ids, in order.
        static func samePartition(_ segments: [Segment], _ parts: [Skeleton.PartSpan]) -> Bool {
            guard segments.count == parts.count else { return false }
            for k in segments.indices where segments[k].id != parts[k].id { return false }
            return true
        }

        /// Writes unit `u` (of ``units``) over span `s` (of ``spans``). Units, spans and segments are
        /// read by index in place: copied out (a `TextUnit`, a `UnitSpan`, a `Segment` each), all
        /// their strings and arrays were retained and released again.
        func render(unit u: Int, span s: Int, nested: [Int], to out: inout [UInt8]) throws {
            let segments = units[u].segments
            let parts = spans[s].parts
            let samePartition = Self.samePartition(segments, parts)
            var atStart = true
            for k in segments.indices {
                let unchanged = segments[k].target == nil || segments[k].target == segments[k].source
                let rewritten = samePartition && parts[k].rewritten == true
                if samePartition && ((unchanged && !rewritten) || segments[k].isIgnorable) {
                    try appendOriginal(parts[k].start..<parts[k].end, nested: nested, to: &out)
                    atStart = atStart && parts[k].start == parts[k].end
                } else {
                    let start = out.count
                    try write(segments[k].effectiveTarget, unit: u, span: s, nested: nested, isUnitStart: atStart, to: &out)
                    atStart = atStart && out.count == start
                }
            }
        }

        /// Appends `content` to `out`: text escaped for its place, codes as their original data.
        private func write(_ content: Content, unit u: Int, span s: Int, nested: [Int], isUnitStart: Bool,
                           to out: inout [UInt8]) throws {
            let codes = spans[s].codes
            // Codes resolved to their original data first (with their subflows merged in), so
            // the escaper can see its neighbours.
            let runs: [Content.Run] = try content.runs.map { run in
                guard case .code(let c) = run else { return run }
                if let k = codes.firstIndex(where: { $0.id == c.id && $0.kind == c.kind }) {
                    var known = codes[k]
                    let inside = nested.isEmpty ? [] : nested.filter { spans[$0].parent?.code == k }
                    if !inside.isEmpty { known.data = try data(of: known, withSubflows: inside) }
                    return .code(known)
                }
                guard !c.data.isEmpty else {
                    throw FormatError(.invalidXLIFF, "unit \(units[u].id): the target has a code \(c.id) (\(c.kind.rawValue)) that is not in the source")
                }
                return .code(c)
            }
            let unitType = spans[s].type ?? units[u].type
            let start = out.count
            var open: [InlineCode] = []
            for (i, run) in runs.enumerated() {
                switch run {
                case .text(let t):
                    var context = EscapingContext(unitType: unitType, isUnitStart: isUnitStart && out.count == start, enclosingCodes: open)
                    if i > 0, case .code(let c) = runs[i - 1] { context.previousCode = c }
                    if i + 1 < runs.count, case .code(let c) = runs[i + 1] { context.nextCode = c }
                    escaper.escape(t, context: context, into: &out)
                case .code(let c):
                    switch c.kind {
                    case .open: open.append(c)
                    case .close: if let k = open.lastIndex(where: { $0.id == c.id }) { open.remove(at: k) }
                    case .standalone: break
                    }
                    out.append(contentsOf: c.data.utf8)
                }
            }
        }

        /// A code's original data with the merged subflows in place of their original bytes.
        private func data(of code: InlineCode, withSubflows inside: [Int]) throws -> String {
            let data = Array(code.data.utf8)
            var out: [UInt8] = []
            out.reserveCapacity(data.count + 32)
            var cursor = 0
            for child in inside {
                let length = spans[child].end - spans[child].start
                guard let offset = spans[child].parent?.offset, offset >= cursor, offset + length <= data.count else { continue }
                out.append(contentsOf: data[cursor..<offset])
                try appendUnit(child, to: &out)
                cursor = offset + length
            }
            out.append(contentsOf: data[cursor...])
            return String(decoding: out, as: UTF8.self)
        }
    }
}
