import Foundation
import L10nCore
import Testing

@Suite struct SkeletonMergerTests {
    let source = "Intro\r\n\r\nHello *world*. Bye.\r\n"

    func document() throws -> Document {
        let start = "Intro\r\n\r\n".utf8.count
        let drafts = [
            UnitDraft(type: "t:p", pieces: pieces("Intro")),
            UnitDraft(type: "t:p", pieces: pieces("Hello *world*. Bye.", start: start)),
        ]
        return try DocumentBuilder(breaker: DotSpaceBreaker())
            .build(original: "x.t", format: "t", bytes: Data(source.utf8), sourceLanguage: "en", drafts: drafts)
    }

    @Test func noTargetsGiveTheOriginalBytes() throws {
        #expect(try SkeletonMerger(escaper: PlainEscaper()).merge(document()) == Data(source.utf8))
    }

    @Test func translatedSegmentIsEscapedAndCodesRestored() throws {
        let doc = try document().mappingTargets { unit, segment in
            guard unit.id == "u2", segment.id == "s1" else { return nil }
            return Content([.text("Olá "), .code(segment.source.codes[0]), .text("mundo*"), .code(segment.source.codes[1]), .text(".")])
        }
        let merged = try SkeletonMerger(escaper: PlainEscaper()).merge(doc)
        #expect(String(decoding: merged, as: UTF8.self) == "Intro\r\n\r\nOlá *mundo\\**. Bye.\r\n")
    }

    @Test func resegmentedUnitIsWrittenFromItsTargets() throws {
        var doc = try document()
        doc.units[1].segments = [Segment(id: "s1", source: "Hello world. Bye.", target: "Olá mundo. Tchau.")]
        let merged = try SkeletonMerger(escaper: PlainEscaper()).merge(doc)
        #expect(String(decoding: merged, as: UTF8.self) == "Intro\r\n\r\nOlá mundo. Tchau.\r\n")
    }

    @Test func unknownCodeInTargetIsAnError() throws {
        var doc = try document()
        doc.units[1].segments[0].target = Content([.text("x"), .code(InlineCode(kind: .standalone, id: "99", data: ""))])
        #expect(throws: FormatError.self) { try SkeletonMerger(escaper: PlainEscaper()).merge(doc) }
    }

    @Test func skeletonSurvivesEncoding() throws {
        let skeleton = try document().skeleton
        #expect(try Skeleton.decode(skeleton.encoded()) == skeleton)
    }

    @Test func skeletonWithBadRangesIsRejected() throws {
        var skeleton = try document().skeleton
        skeleton.spans[1].end = 10_000
        #expect(throws: FormatError.self) { try Skeleton.decode(skeleton.encoded()) }
    }
}
