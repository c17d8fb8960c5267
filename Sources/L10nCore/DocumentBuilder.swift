import Foundation

/// Turns what a format reader found (unit drafts over the original bytes) into a ``Document``:
/// protects non-translatable spans, splits units into sentences, sets ignorables aside, numbers
/// codes and ids, and records the skeleton that makes merge byte-exact.
///
/// Pure and deterministic: the same bytes and drafts always give the same document.
public struct DocumentBuilder: Sendable {
    public var breaker: (any SentenceBreaking)?
    public var protectors: [any SpanProtecting]

    public init(breaker: (any SentenceBreaking)? = nil, protectors: [any SpanProtecting] = []) {
        self.breaker = breaker
        self.protectors = protectors
    }

    public func build(
        original: String, format: String, bytes: Data, sourceLanguage: String,
        targetLanguage: String? = nil, drafts: [UnitDraft]
    ) throws -> Document {
        var units: [TextUnit] = []
        var spans: [Skeleton.UnitSpan] = []
        var lastEnd = 0
        for draft in drafts {
            guard let first = draft.pieces.first, let last = draft.pieces.last else { continue }
            var p = first.bytes.lowerBound
            for piece in draft.pieces {
                guard piece.bytes.lowerBound == p else {
                    throw FormatError(.malformed, "internal: pieces of a \(draft.type ?? "unit") do not tile its bytes at \(p)",
                                      at: SourceLocation.at(byteOffset: p, in: bytes, file: original))
                }
                p = piece.bytes.upperBound
            }
            guard first.bytes.lowerBound >= lastEnd, last.bytes.upperBound <= bytes.count else {
                throw FormatError(.malformed, "internal: units overlap at byte \(first.bytes.lowerBound)",
                                  at: SourceLocation.at(byteOffset: first.bytes.lowerBound, in: bytes, file: original))
            }
            let id = "u\(units.count + 1)"
            guard let (unit, span) = makeUnit(id: id, draft: draft) else { continue }
            lastEnd = span.end
            units.append(unit)
            spans.append(span)
        }
        return Document(
            original: original, format: format, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
            units: units, skeleton: Skeleton(original: bytes, spans: spans))
    }

    // MARK: - One unit

    private func makeUnit(id: String, draft: UnitDraft) -> (TextUnit, Skeleton.UnitSpan)? {
        var pieces = protect(draft.pieces)
        pieces = renumberCodes(pieces)
        let groups = split(pieces)

        var segments: [Segment] = []
        var parts: [Skeleton.PartSpan] = []
        var segmentNumber = 0, ignorableNumber = 0
        func add(_ group: [Piece], ignorable: Bool) {
            guard let first = group.first, let last = group.last else { return }
            let content = Content(group.map { piece -> Content.Run in
                switch piece {
                case .text(let t, _, _): return .text(t)
                case .code(let c, _): return .code(c)
                }
            })
            if ignorable, let prev = segments.last, prev.isIgnorable {
                // Two ignorables in a row become one.
                segments[segments.count - 1].source = Content(prev.source.runs + content.runs)
                parts[parts.count - 1].end = last.bytes.upperBound
                return
            }
            let partID: String
            if ignorable { ignorableNumber += 1; partID = "i\(ignorableNumber)" } else { segmentNumber += 1; partID = "s\(segmentNumber)" }
            segments.append(Segment(id: partID, source: content, isIgnorable: ignorable))
            parts.append(Skeleton.PartSpan(id: partID, start: first.bytes.lowerBound, end: last.bytes.upperBound))
        }
        for group in groups {
            let (lead, body, trail) = trimWhitespace(group)
            add(lead, ignorable: true)
            if hasTranslatableText(body) {
                add(body, ignorable: false)
            } else {
                add(body, ignorable: true)
            }
            add(trail, ignorable: true)
        }
        guard segmentNumber > 0, let start = parts.first?.start, let end = parts.last?.end else { return nil }
        let codes = pieces.compactMap { piece -> InlineCode? in
            if case .code(let c, _) = piece { return c } else { return nil }
        }
        let unit = TextUnit(id: id, type: draft.type, name: draft.name, segments: segments, notes: draft.notes)
        let span = Skeleton.UnitSpan(unit: id, type: draft.type, start: start, end: end, parts: parts, codes: codes)
        return (unit, span)
    }

    private func hasTranslatableText(_ pieces: [Piece]) -> Bool {
        pieces.contains { piece in
            if case .text(let t, _, _) = piece { return t.unicodeScalars.contains { $0.properties.isAlphabetic } }
            return false
        }
    }

    // MARK: - Protection

    private func protect(_ pieces: [Piece]) -> [Piece] {
        guard !protectors.isEmpty else { return pieces }
        var out: [Piece] = []
        var next = 0
        for piece in pieces {
            guard case .text(let text, let bytes, true) = piece else { out.append(piece); continue }
            var spans = protectors.flatMap { $0.protectedSpans(in: text) }
            guard !spans.isEmpty else { out.append(piece); continue }
            // Earliest first; on overlap the longer one wins.
            spans.sort { a, b in
                a.range.lowerBound != b.range.lowerBound ? a.range.lowerBound < b.range.lowerBound
                    : text.utf8.distance(from: a.range.lowerBound, to: a.range.upperBound) > text.utf8.distance(from: b.range.lowerBound, to: b.range.upperBound)
            }
            var cursor = text.startIndex
            for span in spans where span.range.lowerBound >= cursor && !span.range.isEmpty {
                let before = String(text[cursor..<span.range.lowerBound])
                let offset = bytes.lowerBound + text.utf8.distance(from: text.startIndex, to: cursor)
                if !before.isEmpty { out.append(.text(before, bytes: offset..<offset + before.utf8.count, verbatim: true)) }
                let matched = String(text[span.range])
                let mStart = bytes.lowerBound + text.utf8.distance(from: text.startIndex, to: span.range.lowerBound)
                next += 1
                let code = InlineCode(
                    kind: .standalone, id: "p\(next)", data: matched, type: .other, subType: span.subType,
                    display: matched, equiv: matched, canDelete: false)
                out.append(.code(code, bytes: mStart..<mStart + matched.utf8.count))
                cursor = span.range.upperBound
            }
            if cursor < text.endIndex {
                let rest = String(text[cursor...])
                let offset = bytes.lowerBound + text.utf8.distance(from: text.startIndex, to: cursor)
                out.append(.text(rest, bytes: offset..<bytes.upperBound, verbatim: true))
            }
        }
        return out
    }

    /// Codes numbered 1, 2, 3… in order of appearance, each close taking the number of the
    /// latest unclosed open with the same reader id (so readers may reuse ids for sibling pairs);
    /// a half whose partner is not in the unit is marked isolated.
    private func renumberCodes(_ pieces: [Piece]) -> [Piece] {
        var out = pieces
        var counter = 0
        var openStack: [(readerID: String, index: Int, newID: String)] = []
        for (index, piece) in pieces.enumerated() {
            guard case .code(var c, let bytes) = piece else { continue }
            switch c.kind {
            case .open:
                counter += 1
                openStack.append((c.id, index, String(counter)))
                c.id = String(counter)
                c.isolated = false
            case .close:
                if let k = openStack.lastIndex(where: { $0.readerID == c.id }) {
                    c.id = openStack[k].newID
                    c.isolated = false
                    openStack.remove(at: k)
                } else {
                    counter += 1
                    c.id = String(counter)
                    c.isolated = true
                }
            case .standalone:
                counter += 1
                c.id = String(counter)
                c.isolated = false
            }
            out[index] = .code(c, bytes: bytes)
        }
        for open in openStack {
            if case .code(var c, let bytes) = out[open.index] {
                c.isolated = true
                out[open.index] = .code(c, bytes: bytes)
            }
        }
        return out
    }

    // MARK: - Sentences

    /// The pieces grouped into sentences.
    private func split(_ pieces: [Piece]) -> [[Piece]] {
        guard let breaker else { return [pieces] }
        var flat = ""
        var starts: [Int] = []  // UTF-16 offset where each piece starts in `flat`
        for piece in pieces {
            starts.append(flat.utf16.count)
            switch piece {
            case .text(let t, _, _): flat += t
            case .code(let c, _): if c.kind == .standalone { flat += "\u{FFFC}" }
            }
        }
        let total = flat.utf16.count
        let boundaries = breaker.sentenceBoundaries(in: flat).filter { $0 > 0 && $0 < total }
        guard !boundaries.isEmpty else { return [pieces] }

        // Split verbatim text pieces at boundaries that fall inside them.
        var cut: [(piece: Piece, start: Int)] = []
        for (i, piece) in pieces.enumerated() {
            let start = starts[i]
            guard case .text(let t, let bytes, true) = piece else { cut.append((piece, start)); continue }
            let length = t.utf16.count
            let inside = boundaries.filter { $0 > start && $0 < start + length }
            guard !inside.isEmpty else { cut.append((piece, start)); continue }
            var lastUTF16 = 0
            var lastIndex = t.startIndex
            for b in inside + [start + length] {
                let local = b - start
                guard let idx = t.utf16.index(t.utf16.startIndex, offsetBy: local, limitedBy: t.utf16.endIndex),
                      idx.samePosition(in: t.unicodeScalars) != nil else { continue }
                let chunk = String(t[lastIndex..<idx])
                let byteStart = bytes.lowerBound + t.utf8.distance(from: t.startIndex, to: lastIndex)
                cut.append((.text(chunk, bytes: byteStart..<byteStart + chunk.utf8.count, verbatim: true), start + lastUTF16))
                lastUTF16 = local
                lastIndex = idx
            }
        }

        var groups: [[Piece]] = Array(repeating: [], count: boundaries.count + 1)
        for (piece, start) in cut {
            var index: Int
            if case .code(let c, _) = piece, c.kind == .close {
                index = boundaries.filter { $0 < start }.count
            } else {
                index = boundaries.filter { $0 <= start }.count
            }
            if case .text(let t, _, _) = piece, t.isEmpty { continue }
            index = min(index, groups.count - 1)
            groups[index].append(piece)
        }
        return groups.filter { !$0.isEmpty }
    }

    /// Leading and trailing whitespace of a group, set apart from its body.
    private func trimWhitespace(_ group: [Piece]) -> (lead: [Piece], body: [Piece], trail: [Piece]) {
        var pieces = group
        var lead: [Piece] = [], trail: [Piece] = []
        while let first = pieces.first, case .text(let t, let bytes, let verbatim) = first {
            if t.allSatisfy(\.isWhitespace) { lead.append(first); pieces.removeFirst(); continue }
            guard verbatim else { break }
            let ws = t.prefix { $0.isWhitespace }
            if !ws.isEmpty {
                let n = ws.utf8.count
                lead.append(.text(String(ws), bytes: bytes.lowerBound..<bytes.lowerBound + n, verbatim: true))
                pieces[0] = .text(String(t.dropFirst(ws.count)), bytes: bytes.lowerBound + n..<bytes.upperBound, verbatim: true)
            }
            break
        }
        while let last = pieces.last, case .text(let t, let bytes, let verbatim) = last {
            if t.allSatisfy(\.isWhitespace) { trail.insert(last, at: 0); pieces.removeLast(); continue }
            guard verbatim else { break }
            let ws = String(t.reversed().prefix { $0.isWhitespace }.reversed())
            if !ws.isEmpty {
                let n = ws.utf8.count
                trail.insert(.text(ws, bytes: bytes.upperBound - n..<bytes.upperBound, verbatim: true), at: 0)
                pieces[pieces.count - 1] = .text(String(t.dropLast(ws.count)), bytes: bytes.lowerBound..<bytes.upperBound - n, verbatim: true)
            }
            break
        }
        return (lead, pieces, trail)
    }
}
