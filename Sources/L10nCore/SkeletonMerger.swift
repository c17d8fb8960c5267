import Foundation

/// Rebuilds a document from its skeleton and its (possibly translated) units.
///
/// A segment whose target is missing or equal to its source is copied from the original bytes,
/// so a merge without translation reproduces the input exactly; a translated segment is written
/// from its target, text escaped for its place and codes restored from their original data.
public struct SkeletonMerger: Sendable {
    public var escaper: any TextEscaping

    public init(escaper: any TextEscaping) {
        self.escaper = escaper
    }

    public func merge(_ document: Document) throws -> Data {
        let skeleton = document.skeleton
        let original = skeleton.original
        // The last unit with each id, as a dictionary of units would keep it.
        var unitIndex: [String: Int] = [:]
        unitIndex.reserveCapacity(document.units.count)
        for (i, unit) in document.units.enumerated() { unitIndex[unit.id] = i }

        var out: [UInt8] = []
        out.reserveCapacity(original.count + original.count / 4)
        try original.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var cursor = 0
            for span in skeleton.spans {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<span.start]))
                cursor = span.end
                guard let i = unitIndex[span.unit] else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]))
                    continue
                }
                let unit = document.units[i]
                if Self.isUnchanged(unit, span: span) {
                    // Every part comes from the original, and the parts tile the unit.
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]))
                } else {
                    out.append(contentsOf: try render(unit, span: span, original: original).utf8)
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor...]))
        }
        return Data(out)
    }

    /// True when ``render(_:span:original:)`` would copy every part from the original: same
    /// partition, and each segment ignorable or untranslated and not rewritten.
    private static func isUnchanged(_ unit: TextUnit, span: Skeleton.UnitSpan) -> Bool {
        guard unit.segments.count == span.parts.count else { return false }
        for (segment, part) in zip(unit.segments, span.parts) {
            guard segment.id == part.id else { return false }
            if segment.isIgnorable { continue }
            guard segment.target == nil || segment.target == segment.source, part.rewritten != true else { return false }
        }
        return true
    }

    private func render(_ unit: TextUnit, span: Skeleton.UnitSpan, original: Data) throws -> String {
        let samePartition = unit.segments.map(\.id) == span.parts.map(\.id)
        var s = ""
        for (i, segment) in unit.segments.enumerated() {
            let unchanged = segment.target == nil || segment.target == segment.source
            let rewritten = samePartition && span.parts[i].rewritten == true
            if samePartition && ((unchanged && !rewritten) || segment.isIgnorable) {
                let part = span.parts[i]
                s += String(decoding: original[original.startIndex + part.start..<original.startIndex + part.end], as: UTF8.self)
            } else {
                s += try write(segment.effectiveTarget, unit: unit, span: span, isUnitStart: s.isEmpty)
            }
        }
        return s
    }

    private func write(_ content: Content, unit: TextUnit, span: Skeleton.UnitSpan, isUnitStart: Bool) throws -> String {
        // Codes resolved to their original data first, so the escaper can see its neighbours.
        let runs: [Content.Run] = try content.runs.map { run in
            guard case .code(let c) = run else { return run }
            if let known = span.codes.first(where: { $0.id == c.id && $0.kind == c.kind }) { return .code(known) }
            guard !c.data.isEmpty else {
                throw FormatError(.invalidXLIFF, "unit \(unit.id): the target has a code \(c.id) (\(c.kind.rawValue)) that is not in the source")
            }
            return .code(c)
        }
        var s = ""
        var open: [InlineCode] = []
        for (i, run) in runs.enumerated() {
            switch run {
            case .text(let t):
                var context = EscapingContext(unitType: span.type ?? unit.type, isUnitStart: isUnitStart && s.isEmpty,
                                              enclosingCodes: open)
                if i > 0, case .code(let c) = runs[i - 1] { context.previousCode = c }
                if i + 1 < runs.count, case .code(let c) = runs[i + 1] { context.nextCode = c }
                s += escaper.escape(t, context: context)
            case .code(let c):
                switch c.kind {
                case .open: open.append(c)
                case .close: if let k = open.lastIndex(where: { $0.id == c.id }) { open.remove(at: k) }
                case .standalone: break
                }
                s += c.data
            }
        }
        return s
    }
}
