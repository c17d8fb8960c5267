import Foundation
import L10nCore
import L10nFormats
import L10nTestSupport
import Testing

@Suite struct XLIFFReaderTests {
    /// A small document whose XLIFF a "CAT tool" then edits by hand.
    static func catDocument() throws -> Document {
        var b = DraftBuilder()
        b.unit(type: "md:paragraph", [
            .open("**", pair: "b", subType: "xlf:b"), .text("Bold"), .close("**", pair: "b", subType: "xlf:b"),
            .text(" first. Second "), .open("*", pair: "e", subType: "xlf:i"), .text("em"), .close("*", pair: "e", subType: "xlf:i"),
            .text(" here. Model XP-2000B."),
        ])
        b.raw("\n")
        return try b.build()
    }

    @Test func catToolEditsOfXLIFF2AreMerged() throws {
        let document = try Self.catDocument().mappingTargets { _, s in Content(text: "T-\(s.id)") }
        var xml = String(decoding: try XLIFFWriter(version: .v2_1).write([document]), as: UTF8.self)
        // Codes reordered and kept by id only, an annotation added, <sc>/<ec> instead of <pc>,
        // a <cp>, a protected code moved; attributes the tool does not know to keep are gone.
        xml = xml.replacingOccurrences(of: "<target>T-s1</target>", with: #"<target><pc id="1">Fett</pc> <mrk id="m1" type="term">zuerst</mrk>.</target>"#)
        xml = xml.replacingOccurrences(of: "<target>T-s2</target>", with: #"<target>Hier <sc id="2"/>zweitens<ec startRef="2"/>.</target>"#)
        xml = xml.replacingOccurrences(of: "<target>T-s3</target>", with: #"<target><ph id="3"/> heißt<cp hex="0001"/> das Modell.</target>"#)
        let read = try XLIFFReader().read(Data(xml.utf8), file: "cat.xlf")
        let merged = String(decoding: try SkeletonMerger(escaper: VerbatimEscaper()).merge(read[0]), as: UTF8.self)
        #expect(merged == "**Fett** zuerst. Hier *zweitens*. XP-2000B heißt\u{1} das Modell.\n")
    }

    @Test func segmentsJoinedByTheTranslatorAreMerged() throws {
        let document = try Self.catDocument()
        var xml = String(decoding: try XLIFFWriter(version: .v2_1).write([document]), as: UTF8.self)
        // Join s1, i1 and s2 into one segment, as toJoin in the TC suite does.
        let start = try #require(xml.range(of: #"<segment id="s1">"#))
        let end = try #require(xml.range(of: #"<segment id="s3">"#))
        xml.replaceSubrange(start.lowerBound..<end.lowerBound, with: """
            <segment id="s1" state="translated"><source><pc id="1" dataRefStart="d1" dataRefEnd="d1">Bold</pc> first. Second <pc id="2" dataRefStart="d2" dataRefEnd="d2">em</pc> here.</source><target><pc id="1">Fett</pc> zuerst, <pc id="2">dann</pc> hier.</target></segment>
                  <ignorable><source> </source></ignorable>
                  
            """)
        let read = try XLIFFReader().read(Data(xml.utf8), file: "joined.xlf")
        #expect(read[0].units[0].segments.map(\.id) == ["s1", "i1", "s3"])
        let merged = String(decoding: try SkeletonMerger(escaper: VerbatimEscaper()).merge(read[0]), as: UTF8.self)
        #expect(merged == "**Fett** zuerst, *dann* hier. Model XP-2000B.\n")
    }

    @Test func reorderedTargetsCollapseIntoOneSegment() throws {
        let document = try Self.catDocument().mappingTargets { _, s in Content(text: "T-\(s.id)") }
        var xml = String(decoding: try XLIFFWriter(version: .v2_1).write([document]), as: UTF8.self)
        xml = xml.replacingOccurrences(of: "<target>T-s1</target>", with: #"<target order="5">Eins.</target>"#)
        xml = xml.replacingOccurrences(of: "<target>T-s3</target>", with: #"<target order="1">Drei.</target>"#)
        xml = xml.replacingOccurrences(of: "<target>T-s2</target>", with: #"<target>Zwei.</target>"#)
        let read = try XLIFFReader().read(Data(xml.utf8), file: "order.xlf")
        #expect(read[0].units[0].segments.count == 1)
        let merged = String(decoding: try SkeletonMerger(escaper: VerbatimEscaper()).merge(read[0]), as: UTF8.self)
        #expect(merged == "Drei. Zwei. Eins.\n")
    }

    @Test func catToolEditsOfXLIFF12AreMerged() throws {
        let document = try Self.catDocument().mappingTargets { _, s in s.id == "s2" ? nil : Content(text: "T-\(s.id)") }
        var xml = String(decoding: try XLIFFWriter(version: .v1_2).write([document]), as: UTF8.self)
        #expect(xml.contains(#"<mrk mtype="seg" mid="s2"/>"#))
        xml = xml.replacingOccurrences(of: #"<mrk mtype="seg" mid="s1">T-s1</mrk>"#, with: #"<mrk mtype="seg" mid="s1"><mrk mtype="x-term">Erst</mrk> <g id="1" ctype="bold">fett</g>.</mrk>"#)
        xml = xml.replacingOccurrences(of: #"<mrk mtype="seg" mid="s2"/>"#, with: #"<mrk mtype="seg" mid="s2">Hier <bx id="2"/>zweitens<ex id="2"/>.</mrk>"#)
        xml = xml.replacingOccurrences(of: #"<mrk mtype="seg" mid="s3">T-s3</mrk>"#, with: #"<mrk mtype="seg" mid="s3"><x id="3"/><x id="l10n-cp-9" ctype="x-l10n-cp-0002"/>.</mrk>"#)
        xml = xml.replacingOccurrences(of: #"<target>"#, with: #"<target state="needs-review-translation">"#)
        let read = try XLIFFReader().read(Data(xml.utf8), file: "cat12.xlf")
        #expect(read[0].units[0].segments.filter { !$0.isIgnorable }.map(\.state) == [.translated, .translated, .translated])
        let merged = String(decoding: try SkeletonMerger(escaper: VerbatimEscaper()).merge(read[0]), as: UTF8.self)
        #expect(merged == "Erst **fett**. Hier *zweitens*. XP-2000B\u{2}.\n")
    }

    /// What OmegaT 3.6 writes back from a prefilled XLIFF 1.2 (seen in `OmegaTRoundTripTests`):
    /// `"` re-escaped as `&quot;`, a line break in `equiv-text` written as a raw newline (which
    /// XML attribute normalization reads as a space), `state` left at `needs-translation` on the
    /// segment it translated, no final newline. Only the changed segment counts as translated.
    @Test func omegatRewriteOfPrefilledXLIFF12IsReadBack() throws {
        var b = DraftBuilder()
        b.unit(type: "html:p", [
            .text("It charges a 15.6\" laptop. "), .ph("<br>\n", type: .fmt, subType: "xlf:lb", equiv: "\n"),
            .text("And a phone."),
        ])
        b.raw("\n")
        let document = try b.build(original: "c.html", format: "html").prefillingTargets()
        var xml = String(decoding: try XLIFFWriter(version: .v1_2).write([document]), as: UTF8.self)
        #expect(xml.contains(#"equiv-text="&#10;""#))
        #expect(xml.contains(#"15.6" laptop."#))
        xml = xml.replacingOccurrences(of: #"equiv-text="&#10;""#, with: "equiv-text=\"\n\"")
        xml = xml.replacingOccurrences(of: #"15.6" laptop."#, with: "15.6&quot; laptop.")
        let target = try #require(xml.range(of: "<target", options: .backwards))
        let phone = try #require(xml.range(of: "And a phone.", range: target.lowerBound..<xml.endIndex))
        xml.replaceSubrange(phone, with: "E um celular.")
        while xml.hasSuffix("\n") { xml.removeLast() }
        #expect(xml.contains(#"<target state="needs-translation">"#))

        let read = try XLIFFReader().read(Data(xml.utf8), file: "omegat.xlf")
        let segments = read[0].units[0].segments.filter { !$0.isIgnorable }
        #expect(segments.count == 2)
        #expect(segments.map(\.isTranslated) == [false, true])
        let merged = String(decoding: try SkeletonMerger(escaper: VerbatimEscaper()).merge(read[0]), as: UTF8.self)
        #expect(merged == "It charges a 15.6\" laptop. <br>\nE um celular.\n")
    }

    @Test func unknownCodeInATargetIsReportedAtMerge() throws {
        let document = try Self.catDocument().mappingTargets { _, s in Content(text: "T-\(s.id)") }
        var xml = String(decoding: try XLIFFWriter(version: .v2_1).write([document]), as: UTF8.self)
        xml = xml.replacingOccurrences(of: "<target>T-s1</target>", with: #"<target><ph id="99"/>Fett.</target>"#)
        let read = try XLIFFReader().read(Data(xml.utf8), file: "cat.xlf")
        #expect(throws: FormatError.self) { try SkeletonMerger(escaper: VerbatimEscaper()).merge(read[0]) }
    }

    // MARK: - Hostile and broken input

    @Test func externalEntitiesAreRefused() throws {
        let xml = #"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en"><file id="f">&e;</file></xliff>"#
        let error = try #require(throws: FormatError.self) { try XLIFFReader().read(Data(xml.utf8), file: "xxe.xlf") }
        #expect(error.code == .forbiddenConstruct)
        #expect(error.description.hasPrefix("xxe.xlf:1"))
        #expect(!error.description.contains("root:"))
    }

    /// Refused before any expansion (an expanding parser would hang or exhaust memory: the time
    /// limit is the guard).
    @Test(.timeLimit(.minutes(5))) func billionLaughsIsRefusedBeforeExpansion() throws {
        var dtd = #"<!ENTITY lol0 "lol">"#
        for i in 1...9 { dtd += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\(dtd)]>\n<xliff>&lol9;</xliff>"
        let error = try #require(throws: FormatError.self) { try XLIFFReader().read(Data(xml.utf8), file: "lol.xlf") }
        #expect(error.code == .forbiddenConstruct)
    }

    @Test func aDoctypeWithoutEntitiesIsHarmless() throws {
        let xml = "<?xml version=\"1.0\"?>\n<!-- c --><!DOCTYPE xliff>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"en\"><file id=\"f1\"><unit id=\"u1\"><segment><source>x</source></segment></unit></file></xliff>"
        let error = try #require(throws: FormatError.self) { try XLIFFReader().read(Data(xml.utf8), file: "d.xlf") }
        #expect(error.code == .invalidSkeleton)
    }

    @Test func malformedXMLNamesFileAndLine() throws {
        let xml = "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"en\">\n  <file id=\"f1\">\n    <unit id=\"u1\">\n  </file>\n</xliff>\n"
        let error = try #require(throws: FormatError.self) { try XLIFFReader().read(Data(xml.utf8), file: "broken.xlf") }
        #expect(error.code == .malformed)
        #expect(error.location?.file == "broken.xlf")
        #expect(error.location?.line == 5)
        #expect(error.description.hasPrefix("broken.xlf:5"))
    }

    @Test func emptyAndForeignFilesGiveClearErrors() throws {
        #expect(throws: FormatError.self) { try XLIFFReader().read(Data(), file: "empty.xlf") }
        let html = try #require(throws: FormatError.self) { try XLIFFReader().read(Data("<html><body/></html>".utf8), file: "x.xlf") }
        #expect(html.code == .invalidXLIFF)
        let tmx = try #require(throws: FormatError.self) { try XLIFFReader().read(Data(#"<xliff version="3.0" xmlns="urn:example"/>"#.utf8), file: "x.xlf") }
        #expect(tmx.code == .unsupported)
    }

    @Test func aCorruptedSkeletonIsReported() throws {
        let xml = String(decoding: try XLIFFWriter(version: .v2_1).write([Self.catDocument()]), as: UTF8.self)
        for damage in ["!!!!", "AAAA"] {
            let bad = xml.replacingOccurrences(of: "encoding=\"base64\">\n", with: "encoding=\"base64\">\n" + damage)
            let error = try #require(throws: FormatError.self) { try XLIFFReader().read(Data(bad.utf8), file: "bad.xlf") }
            #expect(error.code == .invalidSkeleton, "\(error)")
        }
    }

    /// The TC's files carry no l10n skeleton: they must be parsed (no crash, no libxml2 noise)
    /// and rejected with the documented error.
    @Test(arguments: ["tc-2.1/valid", "tc-2.1/in-out"])
    func conformanceSuiteFilesAreParsedAndRefusedForLackOfSkeleton(folder: String) throws {
        let files = try FixtureFolder.local.files(in: "xliff/\(folder)", withExtension: "xlf")
        #expect(files.count >= 10)
        for url in files {
            let error = try #require(throws: FormatError.self, "\(url.lastPathComponent)") {
                try XLIFFReader().read(try Data(contentsOf: url), file: url.lastPathComponent)
            }
            #expect(error.code == .invalidSkeleton, "\(url.lastPathComponent): \(error)")
            #expect(error.message.contains("no skeleton"), "\(url.lastPathComponent): \(error)")
        }
    }
}
