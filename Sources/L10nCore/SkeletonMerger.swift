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
        var unitsByID: [String: TextUnit] = [:]
        for unit in document.units { unitsByID[unit.id] = unit }

        var out = Data()
        out.reserveCapacity(original.count + original.count / 4)
        var cursor = 0
        for span in skeleton.spans {
            out.append(original[original.startIndex + cursor..<original.startIndex + span.start])
            cursor = span.end
            guard let unit = unitsByID[span.unit] else {
                out.append(original[original.startIndex + span.start..<original.startIndex + span.end])
                continue
            }
            try out.append(contentsOf: Array(render(unit, span: span, original: original).utf8))
        }
        out.append(original[original.startIndex + cursor..<original.endIndex])
        return out
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
