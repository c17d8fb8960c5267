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
            guard let (unit, span, codePieces) = makeUnit(id: id, draft: draft) else {
                // No unit to hang them on: the subflows are units of their own, in place.
                for sub in draft.subflows {
                    guard let first = sub.pieces.first, first.bytes.lowerBound >= lastEnd,
                          let (unit, span, _) = makeUnit(id: "u\(units.count + 1)", draft: sub) else { continue }
                    lastEnd = span.end
                    units.append(unit)
                    spans.append(span)
                }
                continue
            }
            lastEnd = span.end
            units.append(unit)
            spans.append(span)
            var lastSubEnd = span.start
            for sub in draft.subflows {
                guard let first = sub.pieces.first, let last = sub.pieces.last else { continue }
                let range = first.bytes.lowerBound..<last.bytes.upperBound
                // The code piece whose bytes hold the subflow, and its index among the unit's codes.
                guard range.lowerBound >= lastSubEnd,
                      let k = codePieces.firstIndex(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) else {
                    throw FormatError(.malformed, "internal: a nested unit of a \(draft.type ?? "unit") is not inside one of its codes at byte \(range.lowerBound)",
                                      at: SourceLocation.at(byteOffset: range.lowerBound, in: bytes, file: original))
                }
                guard var (subUnit, subSpan, _) = makeUnit(id: "u\(units.count + 1)", draft: sub) else { continue }
                subSpan.parent = Skeleton.Parent(unit: id, code: k, offset: subSpan.start - codePieces[k].lowerBound)
                if subUnit.notes.isEmpty, let note = Self.location(of: sub, in: unit) { subUnit.notes = [note] }
                lastSubEnd = subSpan.end
                units.append(subUnit)
                spans.append(subSpan)
            }
        }
        return Document(
            original: original, format: format, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
            units: units, skeleton: Skeleton(original: bytes, spans: spans))
    }

    // MARK: - One unit

    /// A note telling the translator where a subflow lives: its name and the start of the
    /// sentence it belongs to, so an `alt` or `title` can be translated in context.
    private static func location(of sub: UnitDraft, in parent: TextUnit) -> Note? {
        guard let name = sub.name ?? sub.type else { return nil }
        // The first 60 characters of the sentence, whitespace runs as one space: one bounded pass.
        var excerpt = String.UnicodeScalarView()
        var count = 0, space = false, more = false
        scan: for run in parent.segments.first(where: { !$0.isIgnorable })?.source.runs ?? [] {
            let text: String
            switch run {
            case .text(let t): text = t
            case .code(let c): guard c.isProtectedText, let e = c.equiv else { continue }; text = e  // as readableText
            }
            for scalar in text.unicodeScalars {
                // ASCII by comparison; only other scalars pay for a Unicode property lookup.
                let isWhitespace = scalar.isASCII ? scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace
                if isWhitespace { space = count > 0; continue }
                if count == 60 { more = true; break scan }
                if space { excerpt.append(" "); count += 1; space = false }
                excerpt.append(scalar)
                count += 1
            }
        }
        return Note(text: "\(name) inside unit \(parent.id): “\(String(excerpt))\(more ? "…" : "")”", category: "l10n:context")
    }

    private func makeUnit(id: String, draft: UnitDraft) -> (TextUnit, Skeleton.UnitSpan, [Range<Int>])? {
        var pieces = protect(draft.pieces)
        renumberCodes(&pieces)
        let groups = split(pieces)

        // A unit is its sentences with translatable text; a unit with none but figures in it (a
        // price, a date, a measurement alone in a table cell) is a unit nobody translates but
        // adaptation may rewrite, its figure runs as segments. Anything else stays in the skeleton.
        let translate: Bool
        let segments: [Segment], parts: [Skeleton.PartSpan]
        if let found = Self.segments(of: groups, where: Self.hasTranslatableText) {
            (segments, parts, translate) = (found.segments, found.parts, true)
        } else if let found = Self.segments(of: groups, where: Self.hasFigure) {
            (segments, parts, translate) = (found.segments, found.parts, false)
        } else {
            return nil
        }
        guard let start = parts.first?.start, let end = parts.last?.end else { return nil }
        var codes: [InlineCode] = []
        var codeBytes: [Range<Int>] = []
        for piece in pieces {
            if case .code(let c, let r) = piece {
                codes.append(c)
                if !draft.subflows.isEmpty { codeBytes.append(r) }
            }
        }
        var unit = TextUnit(id: id, type: draft.type, name: draft.name, segments: segments, notes: draft.notes)
        unit.translate = translate
        unit.cell = draft.cell
        let span = Skeleton.UnitSpan(unit: id, type: draft.type, start: start, end: end, parts: parts, codes: codes)
        return (unit, span, codeBytes)
    }

    /// The segments and ignorables of a unit's sentence groups, and their parts of the skeleton:
    /// a group's body is a segment when `isSegment` says so, else an ignorable with the
    /// whitespace around it. Nil when no body is a segment.
    private static func segments(
        of groups: [ArraySlice<Piece>], where isSegment: (ArraySlice<Piece>) -> Bool
    ) -> (segments: [Segment], parts: [Skeleton.PartSpan])? {
        var segments: [Segment] = []
        var parts: [Skeleton.PartSpan] = []
        segments.reserveCapacity(groups.count + 2)
        parts.reserveCapacity(groups.count + 2)
        var segmentNumber = 0, ignorableNumber = 0
        func add(_ group: ArraySlice<Piece>, ignorable: Bool) {
            guard let first = group.first, let last = group.last else { return }
            let content = Self.content(group)
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
            add(lead[...], ignorable: true)
            add(body, ignorable: !isSegment(body))
            add(trail[...], ignorable: true)
        }
        return segmentNumber > 0 ? (segments, parts) : nil
    }

    /// The content of `pieces`: runs in one pass, adjacent texts joined and empty ones dropped
    /// as ``Content/init(_:)`` would.
    static func content(_ pieces: ArraySlice<Piece>) -> Content {
        var runs: [Content.Run] = []
        runs.reserveCapacity(pieces.count)
        var pending: String?  // text not yet appended, so joins are made in place
        for piece in pieces {
            switch piece {
            case .text(let t, _, _):
                guard !t.isEmpty else { continue }
                if pending == nil { pending = t } else { pending! += t }
            case .code(let c, _):
                if let text = pending { runs.append(.text(text)); pending = nil }
                runs.append(.code(c))
            }
        }
        if let text = pending { runs.append(.text(text)) }
        return Content(normalRuns: runs)
    }

    /// Whether some text piece holds an ASCII digit: a figure adaptation may rewrite.
    private static func hasFigure(_ pieces: ArraySlice<Piece>) -> Bool {
        pieces.contains { piece in
            guard case .text(let t, _, _) = piece else { return false }
            return t.utf8.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }
    }

    private static func hasTranslatableText(_ pieces: ArraySlice<Piece>) -> Bool {
        pieces.contains { piece in
            guard case .text(let t, _, _) = piece else { return false }
            for b in t.utf8 {
                if (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") { return true }
                if b >= 0x80 { return t.unicodeScalars.contains { $0.properties.isAlphabetic } }
            }
            return false
        }
    }

    // MARK: - Protection

    private func protect(_ pieces: [Piece]) -> [Piece] {
        guard !protectors.isEmpty else { return pieces }
        // Most units have nothing to protect: the pieces are only copied once a span is found.
        var out: [Piece]?
        var next = 0
        for (index, piece) in pieces.enumerated() {
            guard case .text(let text, let bytes, true) = piece else { out?.append(piece); continue }
            var spans: [ProtectedSpan] = []
            for protector in protectors {
                let found = protector.protectedSpans(in: text)
                guard !found.isEmpty else { continue }
                if spans.isEmpty { spans = found } else { spans += found }
            }
            guard !spans.isEmpty else { out?.append(piece); continue }
            if out == nil {
                out = Array(pieces[..<index])
                out?.reserveCapacity(pieces.count + 2 * spans.count)
            }
            // Earliest first; on overlap the longer one wins.
            spans.sort { a, b in
                a.range.lowerBound != b.range.lowerBound ? a.range.lowerBound < b.range.lowerBound
                    : text.utf8.distance(from: a.range.lowerBound, to: a.range.upperBound) > text.utf8.distance(from: b.range.lowerBound, to: b.range.upperBound)
            }
            var cursor = text.startIndex
            for span in spans where span.range.lowerBound >= cursor && !span.range.isEmpty {
                let before = String(text[cursor..<span.range.lowerBound])
                let offset = bytes.lowerBound + text.utf8.distance(from: text.startIndex, to: cursor)
                if !before.isEmpty { out?.append(.text(before, bytes: offset..<offset + before.utf8.count, verbatim: true)) }
                let matched = String(text[span.range])
                let mStart = bytes.lowerBound + text.utf8.distance(from: text.startIndex, to: span.range.lowerBound)
                next += 1
                let code = InlineCode(
                    kind: .standalone, id: "p\(next)", data: matched, type: .other, subType: span.subType,
                    display: matched, equiv: matched, canDelete: false)
                out?.append(.code(code, bytes: mStart..<mStart + matched.utf8.count))
                cursor = span.range.upperBound
            }
            if cursor < text.endIndex {
                let rest = String(text[cursor...])
                let offset = bytes.lowerBound + text.utf8.distance(from: text.startIndex, to: cursor)
                out?.append(.text(rest, bytes: offset..<bytes.upperBound, verbatim: true))
            }
        }
        return out ?? pieces
    }

    /// Codes numbered 1, 2, 3… in order of appearance, each close taking the number of the
    /// latest unclosed open with the same reader id (so readers may reuse ids for sibling pairs);
    /// a half whose partner is not in the unit is marked isolated.
    private func renumberCodes(_ pieces: inout [Piece]) {
        var counter = 0
        var openStack: [(readerID: String, index: Int, newID: String)] = []
        for index in pieces.indices {
            guard case .code(var c, let bytes) = pieces[index] else { continue }
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
            pieces[index] = .code(c, bytes: bytes)
        }
        for open in openStack {
            if case .code(var c, let bytes) = pieces[open.index] {
                c.isolated = true
                pieces[open.index] = .code(c, bytes: bytes)
            }
        }
    }

    // MARK: - Sentences

    /// The pieces grouped into sentences.
    private func split(_ pieces: [Piece]) -> [ArraySlice<Piece>] {
        guard let breaker else { return [pieces[...]] }
        // The unit's text as the breaker sees it: text pieces, U+FFFC for standalone codes.
        var units: [UInt16] = []
        var starts: [Int] = []  // UTF-16 offset where each piece starts in `units`
        starts.reserveCapacity(pieces.count + 1)
        for piece in pieces {
            starts.append(units.count)
            switch piece {
            case .text(let t, _, _): Self.appendUTF16(t, to: &units)
            case .code(let c, _): if c.kind == .standalone { units.append(0xFFFC) }
            }
        }
        let total = units.count
        starts.append(total)
        let boundaries = breaker.sentenceBoundaries(inUTF16: units).filter { $0 > 0 && $0 < total }
        guard !boundaries.isEmpty else { return [pieces[...]] }

        // Split verbatim text pieces at boundaries that fall inside them, and put each piece
        // (or part) into one array, noting where each sentence's group starts: groups are
        // contiguous and in order, so they are slices of that array, not arrays of their own.
        // Boundaries and pieces are both in order, so one index walks the boundaries once.
        var cut: [Piece] = []
        cut.reserveCapacity(pieces.count + 2 * boundaries.count)
        var groupStarts: [Int] = []  // index in `cut` where group k starts, for the groups seen
        var lastGroup = -1
        var atOrBefore = 0  // boundaries <= the current start
        func place(_ piece: Piece, start: Int) {
            while atOrBefore < boundaries.count, boundaries[atOrBefore] <= start { atOrBefore += 1 }
            var index = atOrBefore
            if case .code(let c, _) = piece, c.kind == .close, atOrBefore > 0, boundaries[atOrBefore - 1] == start {
                index -= 1  // a close code at a boundary stays with the sentence it closes
            }
            if case .text(let t, _, _) = piece, t.isEmpty { return }
            // Group indexes never decrease (a close code goes back only to a group it follows).
            if index > lastGroup {
                groupStarts.append(cut.count)
                lastGroup = index
            }
            cut.append(piece)
        }
        var next = 0  // first boundary after the current piece's start
        for (i, piece) in pieces.enumerated() {
            let start = starts[i], end = starts[i + 1]
            while next < boundaries.count, boundaries[next] <= start { next += 1 }
            guard case .text(let t, let bytes, true) = piece, next < boundaries.count, boundaries[next] < end else {
                place(piece, start: start)
                continue
            }
            // Walk the piece's UTF-8 once, cutting where a boundary falls between two scalars
            // (a boundary inside a surrogate pair is not a place to cut). Offsets are counted
            // in UTF-16 (what the breaker saw) and UTF-8 (where to cut) side by side.
            var lastByte = 0, lastUTF16 = 0
            var utf16 = 0, byte = 0
            var k = next
            let utf8 = t.utf8
            var index = utf8.startIndex
            let count = utf8.count
            func emit(upTo cut: Int, local: Int) {
                let chunk = String(t[utf8.index(t.startIndex, offsetBy: lastByte)..<utf8.index(t.startIndex, offsetBy: cut)])
                let byteStart = bytes.lowerBound + lastByte
                place(.text(chunk, bytes: byteStart..<byteStart + cut - lastByte, verbatim: true), start: start + lastUTF16)
                lastUTF16 = local
                lastByte = cut
            }
            while k < boundaries.count, boundaries[k] < end, byte < count {
                let local = boundaries[k] - start
                if utf16 == local {
                    emit(upTo: byte, local: local)
                    k += 1
                } else if utf16 > local {
                    k += 1  // inside the previous scalar's surrogate pair
                } else {
                    // One scalar: its UTF-8 length from the lead byte, its UTF-16 length from that.
                    let lead = utf8[index]
                    let n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    utf16 += n == 4 ? 2 : 1
                    byte += n
                    index = utf8.index(index, offsetBy: n)
                }
            }
            emit(upTo: count, local: end - start)
        }
        groupStarts.append(cut.count)
        return (0..<groupStarts.count - 1).map { cut[groupStarts[$0]..<groupStarts[$0 + 1]] }
    }

    /// `t`'s UTF-16 code units; ASCII (the usual case) is widened byte by byte instead of going
    /// through the transcoding view.
    static func appendUTF16(_ t: String, to units: inout [UInt16]) {
        var t = t
        let ascii = t.withUTF8 { p -> Bool in
            var any: UInt8 = 0
            for b in p { any |= b }
            guard any < 0x80 else { return false }
            units.reserveCapacity(units.count + p.count)
            for b in p { units.append(UInt16(b)) }
            return true
        }
        if !ascii { units.append(contentsOf: t.utf16) }
    }

    /// Leading and trailing whitespace of a group, set apart from its body.
    private static func trimWhitespace(_ group: ArraySlice<Piece>) -> (lead: [Piece], body: ArraySlice<Piece>, trail: [Piece]) {
        var pieces = group
        var lead: [Piece] = [], trail: [Piece] = []
        while let first = pieces.first, case .text(let t, let bytes, let verbatim) = first {
            if Self.isAllWhitespace(t) { lead.append(first); pieces.removeFirst(); continue }
            guard verbatim else { break }
            let n = Self.leadingWhitespaceCount(t)
            if n > 0 {
                let split = t.utf8.index(t.startIndex, offsetBy: n)
                lead.append(.text(String(t[..<split]), bytes: bytes.lowerBound..<bytes.lowerBound + n, verbatim: true))
                pieces[pieces.startIndex] = .text(String(t[split...]), bytes: bytes.lowerBound + n..<bytes.upperBound, verbatim: true)
            }
            break
        }
        while let last = pieces.last, case .text(let t, let bytes, let verbatim) = last {
            if Self.isAllWhitespace(t) { trail.append(last); pieces.removeLast(); continue }
            guard verbatim else { break }
            let n = Self.trailingWhitespaceCount(t)
            if n > 0 {
                let split = t.utf8.index(t.endIndex, offsetBy: -n)
                trail.append(.text(String(t[split...]), bytes: bytes.upperBound - n..<bytes.upperBound, verbatim: true))
                pieces[pieces.endIndex - 1] = .text(String(t[..<split]), bytes: bytes.lowerBound..<bytes.upperBound - n, verbatim: true)
            }
            break
        }
        return (lead, pieces, trail.reversed())
    }

    // Whitespace as `Character.isWhitespace` sees it (whole grapheme clusters). ASCII text, by
    // far the usual case, is decided byte by byte: no ASCII character joins a cluster with its
    // neighbour except CR LF, which is whitespace either way.

    @inline(__always) private static func isASCIIWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    static func isAllWhitespace(_ t: String) -> Bool {
        for b in t.utf8 {
            if b >= 0x80 { return t.allSatisfy(\.isWhitespace) }
            if !isASCIIWhitespace(b) { return false }
        }
        return true
    }

    /// UTF-8 length of the leading whitespace.
    static func leadingWhitespaceCount(_ t: String) -> Int {
        var n = 0
        for b in t.utf8 {
            if b >= 0x80 { return t.prefix { $0.isWhitespace }.utf8.count }
            if !isASCIIWhitespace(b) { return n }
            n += 1
        }
        return n
    }

    /// UTF-8 length of the trailing whitespace.
    static func trailingWhitespaceCount(_ t: String) -> Int {
        var n = 0
        for b in t.utf8.reversed() {
            if b >= 0x80 { return String(t.reversed().prefix { $0.isWhitespace }.reversed()).utf8.count }
            if !isASCIIWhitespace(b) { return n }
            n += 1
        }
        return n
    }
}
