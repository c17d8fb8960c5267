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
        // At most a unit per draft and subflow: sized once, not regrown (and copied) as they come.
        var most = drafts.count
        for d in drafts.indices { most += drafts[d].subflows.count }
        units.reserveCapacity(most)
        spans.reserveCapacity(most)
        var lastEnd = 0
        try bytes.withUnsafeBytes { raw in
            let source = raw.bindMemory(to: UInt8.self)
            var assembler = UnitAssembler(source: source, breaker: breaker, protectors: protectors)
            /// Throws unless the draft's pieces tile its bytes, after `lastEnd` and inside the document:
            /// the assembler reads verbatim text from those bytes.
            func checkTiling(_ draft: UnsafePointer<UnitDraft>, after lastEnd: Int) throws {
                let pieces = draft.pointee.pieces
                guard let firstIndex = pieces.indices.first, let lastIndex = pieces.indices.last else { return }
                let first = pieces[firstIndex].bytes, last = pieces[lastIndex].bytes
                var p = first.lowerBound
                // By index: `for piece in` would copy each piece out, retaining a code's strings.
                for i in pieces.indices {
                    let r = pieces[i].bytes
                    guard r.lowerBound == p, r.upperBound >= p else {
                        throw FormatError(.malformed, "internal: pieces of a \(draft.pointee.type ?? "unit") do not tile its bytes at \(p)",
                                          at: SourceLocation.at(byteOffset: min(p, bytes.count), in: bytes, file: original))
                    }
                    p = r.upperBound
                }
                guard first.lowerBound >= lastEnd, last.upperBound <= bytes.count else {
                    throw FormatError(.malformed, "internal: units overlap at byte \(first.lowerBound)",
                                      at: SourceLocation.at(byteOffset: min(max(first.lowerBound, 0), bytes.count), in: bytes, file: original))
                }
            }
            // Drafts read in place, by pointer (`for draft in drafts` copied each one out and
            // destroyed the copy: ≈ 280 instructions a draft); subflows, rare, by `withUnsafePointer`.
            try drafts.withUnsafeBufferPointer { drafts in
                for d in drafts.indices {
                    let draft = drafts.baseAddress! + d
                    guard !draft.pointee.pieces.isEmpty else { continue }
                    try checkTiling(draft, after: lastEnd)
                    let id = UnitAssembler.partID(UInt8(ascii: "u"), units.count + 1)
                    // The assembler appends the unit and its span itself; they are read back in place.
                    let parent = units.count
                    guard let codePieces = assembler.make(id: id, draft: draft, into: &units, &spans) else {
                        // No unit to hang them on: the subflows are units of their own, in place.
                        for sub in draft.pointee.subflows {
                            guard let first = sub.pieces.first, first.bytes.lowerBound >= lastEnd else { continue }
                            let made = try withUnsafePointer(to: sub) { sub in
                                try checkTiling(sub, after: lastEnd)
                                return assembler.make(id: UnitAssembler.partID(UInt8(ascii: "u"), units.count + 1), draft: sub, into: &units, &spans)
                            }
                            guard made != nil else { continue }
                            lastEnd = spans[spans.count - 1].end
                        }
                        continue
                    }
                    lastEnd = spans[parent].end
                    var lastSubEnd = spans[parent].start
                    for sub in draft.pointee.subflows {
                        guard let first = sub.pieces.first, let last = sub.pieces.last else { continue }
                        let range = first.bytes.lowerBound..<last.bytes.upperBound
                        // The code piece whose bytes hold the subflow, and its index among the unit's codes.
                        guard range.lowerBound >= lastSubEnd,
                              let k = codePieces.firstIndex(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) else {
                            throw FormatError(.malformed, "internal: a nested unit of a \(draft.pointee.type ?? "unit") is not inside one of its codes at byte \(range.lowerBound)",
                                              at: SourceLocation.at(byteOffset: min(max(range.lowerBound, 0), bytes.count), in: bytes, file: original))
                        }
                        let made = try withUnsafePointer(to: sub) { sub in
                            try checkTiling(sub, after: lastSubEnd)
                            return assembler.make(id: UnitAssembler.partID(UInt8(ascii: "u"), units.count + 1), draft: sub, into: &units, &spans)
                        }
                        guard made != nil else { continue }
                        let madeIndex = spans.count - 1
                        spans[madeIndex].parent = Skeleton.Parent(unit: id, code: k, offset: spans[madeIndex].start - codePieces[k].lowerBound)
                        if units[madeIndex].notes.isEmpty, let note = Self.location(of: sub, in: units[parent]) { units[madeIndex].notes = [note] }
                        lastSubEnd = spans[madeIndex].end
                    }
                }
            }
        }
        return Document(
            original: original, format: format, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
            units: units, skeleton: Skeleton(original: bytes, spans: spans))
    }

    // MARK: - Notes

    /// A note telling the translator where a subflow lives: its name and the start of the
    /// sentence it belongs to, so an `alt` or `title` can be translated in context.
    private static func location(of sub: UnitDraft, in parent: TextUnit) -> Note? {
        guard let name = sub.name ?? sub.type else { return nil }
        // The first 60 characters of the sentence, whitespace runs as one space: one bounded pass,
        // collected as UTF-8 (appending to a `String.UnicodeScalarView` costs ≈ 400 instructions a scalar).
        var excerpt: [UInt8] = []
        excerpt.reserveCapacity(64)
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
                if space { excerpt.append(0x20); count += 1; space = false }
                if scalar.isASCII { excerpt.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { excerpt.append($0) } }
                count += 1
            }
        }
        return Note(text: "\(name) inside unit \(parent.id): “\(String(decoding: excerpt, as: UTF8.self))\(more ? "…" : "")”", category: "l10n:context")
    }
}
