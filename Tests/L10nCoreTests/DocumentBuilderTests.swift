import Foundation
import L10nCore
import Testing

/// Splits after ". " — enough to exercise the builder without ICU.
struct DotSpaceBreaker: SentenceBreaking {
    func sentenceBoundaries(in text: String) -> [Int] {
        var out: [Int] = []
        let u = Array(text.utf16)
        var i = 0
        while i + 1 < u.count {
            if u[i] == 0x2E && u[i + 1] == 0x20 {
                var j = i + 1
                while j < u.count && u[j] == 0x20 { j += 1 }
                out.append(j)
            }
            i += 1
        }
        out.append(u.count)
        return out
    }
}

/// Protects every "XP-" model number.
struct ModelNumberProtector: SpanProtecting {
    func protectedSpans(in text: String) -> [ProtectedSpan] {
        text.ranges(of: /XP-\d+[A-Z]?/).map { ProtectedSpan(range: $0, subType: "l10n:sku") }
    }
}

/// Makes pieces over `source` from a tiny markup: `*` toggles a bold pair; everything else is text.
func pieces(_ source: String, start: Int = 0) -> [Piece] {
    var out: [Piece] = []
    var offset = start
    var open = false
    var text = ""
    func flush() {
        guard !text.isEmpty else { return }
        out.append(.text(text, bytes: offset..<offset + text.utf8.count, verbatim: true))
        offset += text.utf8.count
        text = ""
    }
    for ch in source {
        if ch == "*" {
            flush()
            out.append(.code(InlineCode(kind: open ? .close : .open, id: "b", data: "*", type: .fmt), bytes: offset..<offset + 1))
            offset += 1
            open.toggle()
        } else {
            text.append(ch)
        }
    }
    flush()
    return out
}

@Suite struct DocumentBuilderTests {
    func build(_ source: String, prefix: String = "# ", suffix: String = "\n", breaker: (any SentenceBreaking)? = DotSpaceBreaker(), protectors: [any SpanProtecting] = []) throws -> Document {
        let bytes = Data((prefix + source + suffix).utf8)
        let draft = UnitDraft(type: "test:p", pieces: pieces(source, start: prefix.utf8.count))
        return try DocumentBuilder(breaker: breaker, protectors: protectors)
            .build(original: "t.md", format: "test", bytes: bytes, sourceLanguage: "en-US", drafts: [draft])
    }

    @Test func splitsSentencesAndKeepsSpacesAsIgnorables() throws {
        let doc = try build("One. Two.  Three.")
        let unit = try #require(doc.units.first)
        #expect(unit.segments.map(\.id) == ["s1", "i1", "s2", "i2", "s3"])
        #expect(unit.segments.map(\.source.plainText) == ["One.", " ", "Two.", "  ", "Three."])
        #expect(unit.segments.map(\.isIgnorable) == [false, true, false, true, false])
        let span = try #require(doc.skeleton.spans.first)
        #expect(span.start == 2 && span.end == 2 + "One. Two.  Three.".utf8.count)
    }

    @Test func closingCodeAtABoundaryStaysWithItsSentence() throws {
        let doc = try build("Hello *world.* Next *one*.")
        let unit = try #require(doc.units.first)
        let segs = unit.translatableSegments
        #expect(segs.count == 2)
        #expect(segs[0].source.codes.map(\.kind) == [.open, .close])
        #expect(segs[1].source.codes.map(\.kind) == [.open, .close])
        #expect(segs[0].source.codes.map(\.id) == ["1", "1"])
        #expect(segs[1].source.codes.map(\.id) == ["2", "2"])
    }

    @Test func pairSpanningSentencesKeepsOneIDAndIsNotIsolated() throws {
        let doc = try build("*Bold one. Bold two.* Plain.")
        let codes = try #require(doc.units.first).segments.flatMap(\.source.codes)
        #expect(codes.count == 2)
        #expect(Set(codes.map(\.id)).count == 1)
        #expect(codes.allSatisfy { !$0.isolated })
    }

    @Test func unpairedHalfIsMarkedIsolated() throws {
        let doc = try build("*Open only.")
        let code = try #require(doc.units.first?.segments.flatMap(\.source.codes).first)
        #expect(code.isolated)
    }

    @Test func unitWithNeitherLettersNorFiguresIsLeftInTheSkeleton() throws {
        let doc = try build("  — • —  ")
        #expect(doc.units.isEmpty)
        #expect(try SkeletonMerger(escaper: PlainEscaper()).merge(doc) == Data("#   — • —  \n".utf8))
    }

    /// A price or a date alone (a table cell) is a unit adaptation may rewrite, but nobody
    /// translates: `translate` is false, its figures a segment, the whitespace around ignorable.
    @Test func unitOfFiguresAloneIsNotForTranslation() throws {
        let doc = try build("  $1,299.50 – 12/03/2026  ")
        let unit = try #require(doc.units.first)
        #expect(doc.units.count == 1 && !unit.translate)
        #expect(unit.segments.map(\.isIgnorable) == [true, false, true])
        #expect(unit.translatableSegments.first?.source == "$1,299.50 – 12/03/2026")
        #expect(doc.segmentCount == 0, "nothing in it to translate")
        #expect(try SkeletonMerger(escaper: PlainEscaper()).merge(doc) == Data("#   $1,299.50 – 12/03/2026  \n".utf8))

        let sentence = try #require(try build("Only $1,299.50.").units.first)
        #expect(sentence.translate, "figures among words are an ordinary sentence")
    }

    @Test func protectorsTurnModelNumbersIntoUndeletableCodes() throws {
        let doc = try build("Buy the XP-2000B today.", protectors: [ModelNumberProtector()])
        let seg = try #require(doc.units.first?.translatableSegments.first)
        let code = try #require(seg.source.codes.first)
        #expect(code.data == "XP-2000B" && code.equiv == "XP-2000B" && !code.canDelete && code.subType == "l10n:sku")
        #expect(seg.source.plainText == "Buy the  today.")
        #expect(seg.source.readableText == "Buy the XP-2000B today.")
    }

    @Test func multiByteTextKeepsByteOffsets() throws {
        let source = "Café é ótimo. Ünïcödé 😀 works."
        let doc = try build(source)
        let merged = try SkeletonMerger(escaper: PlainEscaper()).merge(doc.mappingTargets { _, s in s.source })
        #expect(merged == Data(("# " + source + "\n").utf8))
        #expect(doc.units[0].translatableSegments.map(\.source.plainText) == ["Café é ótimo.", "Ünïcödé 😀 works."])
    }

    @Test func withoutBreakerAUnitIsOneSegment() throws {
        let doc = try build("One. Two.", breaker: nil)
        #expect(doc.units[0].translatableSegments.count == 1)
    }

    @Test func piecesThatDoNotTileAreAnInternalError() throws {
        let bytes = Data("abc def".utf8)
        let draft = UnitDraft(pieces: [.text("abc", bytes: 0..<3, verbatim: true), .text("def", bytes: 4..<7, verbatim: true)])
        #expect(throws: FormatError.self) {
            try DocumentBuilder().build(original: "x", format: "t", bytes: bytes, sourceLanguage: "en", drafts: [draft])
        }
    }
}

struct PlainEscaper: TextEscaping {
    func escape(_ text: String, unitType: String?) -> String { text.replacingOccurrences(of: "*", with: "\\*") }
}
