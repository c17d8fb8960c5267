import Foundation
import L10nCore
import L10nFormats
import Testing

@Suite struct XLIFFRoundTripTests {
    static let xliff2: [XLIFFVersion] = [.v2_0, .v2_1, .v2_2]

    @Test(arguments: xliff2)
    func xliff2ReadsBackEqualDocuments(version: XLIFFVersion) throws {
        for documents in [[try Samples.document(), try Samples.document(original: "b/other.md")], [try Samples.translated()]] {
            let xml = try XLIFFWriter(version: version).write(documents)
            let read = try XLIFFReader().read(xml, file: "t.xlf")
            #expect(read == documents)
        }
    }

    @Test func xliff12ReadsBackWhatItCanHold() throws {
        for documents in [[try Samples.document(), try Samples.document(original: "b/other.md")], [try Samples.translated()]] {
            let xml = try XLIFFWriter(version: .v1_2).write(documents)
            let read = try XLIFFReader().read(xml, file: "t.xlf")
            #expect(read == documents.map(Self.as12))
        }
    }

    /// What XLIFF 1.2 keeps: one state per `<target>` (the least advanced of the translated
    /// segments), no state without a target, no note ids.
    static func as12(_ document: Document) -> Document {
        var d = document
        for u in d.units.indices {
            let states = d.units[u].segments.filter { !$0.isIgnorable && !($0.target?.isEmpty ?? true) }.compactMap(\.state)
            let least = states.min { SegmentState.allCases.firstIndex(of: $0)! < SegmentState.allCases.firstIndex(of: $1)! }
            for s in d.units[u].segments.indices {
                let seg = d.units[u].segments[s]
                if seg.isIgnorable || seg.target?.isEmpty ?? true {
                    d.units[u].segments[s].target = nil
                    d.units[u].segments[s].state = nil
                } else {
                    d.units[u].segments[s].state = least
                }
            }
            for n in d.units[u].notes.indices { d.units[u].notes[n].id = nil }
        }
        return d
    }

    @Test(arguments: XLIFFVersion.allCases)
    func untranslatedMergeGivesTheOriginalBytes(version: XLIFFVersion) throws {
        let document = try Samples.document()
        let read = try XLIFFReader().read(try XLIFFWriter(version: version).write([document]), file: "t.xlf")
        let merged = try SkeletonMerger(escaper: VerbatimEscaper()).merge(read[0])
        #expect(merged == document.skeleton.original)
        #expect(String(decoding: merged, as: UTF8.self).contains("\r\n"))
    }

    @Test(arguments: XLIFFVersion.allCases)
    func translatedMergeIsTheSameAfterTheRoundTrip(version: XLIFFVersion) throws {
        let document = try Samples.translated()
        let read = try XLIFFReader().read(try XLIFFWriter(version: version).write([document]), file: "t.xlf")
        let merger = SkeletonMerger(escaper: VerbatimEscaper())
        #expect(try merger.merge(read[0]) == merger.merge(document))
    }

    @Test(arguments: XLIFFVersion.allCases)
    func translatedMergeRestoresCodesAndKeepsTheRest(version: XLIFFVersion) throws {
        var b = DraftBuilder()
        b.raw("> ")
        b.unit(type: "md:paragraph", [
            .open("**", pair: "b"), .text("Bold"), .close("**", pair: "b"), .text(" first. Then "),
            .open("[", pair: "l", type: .link), .text("a link. Across"), .close("](u)", pair: "l", type: .link), .text(" here. Model XP-2000B\u{1}."),
        ])
        b.raw("\r\n")
        let document = try b.build().mappingTargets { _, segment in
            // Translated text, the segment's codes kept in place.
            let codes = segment.source.codes
            switch segment.id {
            case "s1": return Content([.code(codes[0]), .text("Fett"), .code(codes[1]), .text(" zuerst.")])
            case "s3": return Content([.text("quer"), .code(codes[0]), .text(" hier.")])
            case "s4": return Content([.text("Modell "), .code(codes[0]), .text("\u{1}.")])
            default: return nil
            }
        }.settingStates { _, _ in .translated }
        let read = try XLIFFReader().read(try XLIFFWriter(version: version).write([document]), file: "t.xlf")
        let merged = String(decoding: try SkeletonMerger(escaper: VerbatimEscaper()).merge(read[0]), as: UTF8.self)
        #expect(merged == "> **Fett** zuerst. Then [a link. quer](u) hier. Modell XP-2000B\u{1}.\r\n")
    }

    @Test func emptyTargetMeansUntranslatedUnlessTheStateSaysOtherwise() throws {
        var b = DraftBuilder()
        b.unit([.text("One. Two. Three.")])
        let document = try b.build().mappingTargets { _, s in s.id == "s3" ? "Drei." : Content() }
        var xml = String(decoding: try XLIFFWriter(version: .v2_1).write([document]), as: UTF8.self)
        #expect(xml.contains(#"<segment id="s1">"#))
        xml = xml.replacingOccurrences(of: #"<segment id="s2">"#, with: #"<segment id="s2" state="final">"#)
        let read = try XLIFFReader().read(Data(xml.utf8), file: "t.xlf")[0]
        let targets = read.units[0].segments.filter { !$0.isIgnorable }.map(\.target)
        #expect(targets == [nil, Content(), "Drei."])
    }

    /// XLIFF 1.2 has one state per target: an empty segment marker beside filled ones is a
    /// segment nobody translated yet; a target with no text at all that says it is translated is
    /// an empty translation (what `target.empty` reports), as an empty XLIFF 2 target with that state.
    @Test func xliff12EmptyTargetIsATranslationOnlyWhenItIsEmptyThroughout() throws {
        var b = DraftBuilder()
        b.unit([.text("One. Two.")])
        let document = try b.build().mappingTargets { _, s in s.id == "s2" ? "Zwei." : nil }.settingStates { _, _ in .translated }
        let xml = String(decoding: try XLIFFWriter(version: .v1_2).write([document]), as: UTF8.self)
        let partly = try XLIFFReader().read(Data(xml.utf8), file: "t.xlf")[0]
        #expect(partly.units[0].segments.filter { !$0.isIgnorable }.map(\.target) == [nil, "Zwei."])
        let emptied = xml.replacingOccurrences(of: ">Zwei.<", with: "><")
        #expect(emptied != xml)
        let empty = try XLIFFReader().read(Data(emptied.utf8), file: "t.xlf")[0]
        #expect(empty.units[0].segments.filter { !$0.isIgnorable }.map(\.target) == [Content(), Content()])
    }

    @Test(arguments: XLIFFVersion.allCases)
    func emptyDocumentsStayValid(version: XLIFFVersion) throws {
        var b = DraftBuilder()
        b.raw("```\nonly code\n```\n")
        let document = try b.build()
        #expect(document.units.isEmpty)
        let xml = try XLIFFWriter(version: version).write([document])
        #expect(try SchemaValidator.errors(xml, version: version) == [])
        let read = try XLIFFReader().read(xml, file: "t.xlf")
        #expect(read == [document])
    }
}
