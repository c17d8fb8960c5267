import Foundation
import L10nCore
import L10nFormats
import Testing

/// Glossary entries on units: XLIFF 2.x writes them in the Glossary module, 1.2 as notes; both
/// validate with the project's validator (schemas with the modules, and the processing rules),
/// and neither changes what is read back for merge.
@Suite struct XLIFFGlossaryTests {
    /// `Samples.document()` with glossary entries whose text has XML specials and a control
    /// character, one forbidden (no translation), one without a segment.
    static func document() throws -> Document {
        var document = try Samples.translated()
        document.units[0].glossary = [
            GlossEntry(segment: document.units[0].segments[0].id, term: "Title & <Intro>", translations: ["Titel \"&\" <Einleitung>"],
                       definition: "preferred term (noun). Note with \u{1} control", status: "preferred", glossary: "a&b.csv"),
            GlossEntry(segment: document.units[0].segments[0].id, term: "Intro", translations: [],
                       definition: "FORBIDDEN: do not translate 'Intro' as 'Intro'", status: "forbidden"),
        ]
        document.units[1].glossary = [GlossEntry(segment: nil, term: "Bold", translations: ["Fett", "Kräftig"], definition: nil, status: "admitted")]
        return document
    }

    @Test(arguments: XLIFFVersion.allCases)
    func glossaryEntriesValidateAndLeaveTheRestAsItWas(version: XLIFFVersion) throws {
        let document = try Self.document(), plain = try Samples.translated()
        let xml = try XLIFFWriter(version: version).write([document])
        let result = XLIFFValidator().validate(xml, file: "glossary.xlf")
        // The sample's cross-segment codes are findings in 1.2 with or without glossary entries:
        // the entries must add none (the E2E tests validate 1.2 files of real pages clean).
        let before = XLIFFValidator().validate(try XLIFFWriter(version: version).write([plain]), file: "glossary.xlf")
        #expect(result.findings.map(\.check) == before.findings.map(\.check), "\(result.findings.map { "\($0.check): \($0.message)" })")
        if version != .v1_2 { #expect(result.isValid, "\(result.findings.map { "\($0.check): \($0.message)" })") }
        let text = String(decoding: xml, as: UTF8.self)
        if version == .v1_2 {
            #expect(text.contains(#"<note from="l10n:glossary" annotates="source">Title &amp; &lt;Intro&gt; → Titel "&amp;" &lt;Einleitung&gt; (segment s1): preferred term (noun). Note with \#u{FFFD} control [a&amp;b.csv]</note>"#),
                    "\(text)")
            #expect(text.components(separatedBy: "from=\"l10n:glossary\"").count == 4)
        } else {
            #expect(text.components(separatedBy: #"<gls:glossary xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" xmlns:l10n="urn:x-l10n:glossary:1">"#).count == 3)
            #expect(text.contains(##"<gls:glossEntry ref="#s1" l10n:status="preferred">"##))
            #expect(text.contains(##"<gls:glossEntry l10n:status="admitted">"##))
            #expect(text.contains("<gls:translation>Fett</gls:translation>") && text.contains("<gls:translation>Kräftig</gls:translation>"))
        }
        // Read back: everything merge uses is what the same file without glossary entries gives.
        let read = try #require(try XLIFFReader().read(xml, file: "glossary.xlf").first)
        let readPlain = try #require(try XLIFFReader().read(try XLIFFWriter(version: version).write([plain]), file: "glossary.xlf").first)
        #expect(read.skeleton == readPlain.skeleton)
        #expect(read.units.map(\.segments) == readPlain.units.map(\.segments))
    }

    @Test func filesWithoutGlossaryEntriesDoNotChange() throws {
        let plain = try Samples.translated()
        var annotated = plain
        annotated.units[0].glossary = []
        #expect(try XLIFFWriter(version: .v2_1).write([annotated]) == (try XLIFFWriter(version: .v2_1).write([plain])))
        #expect(!String(decoding: try XLIFFWriter(version: .v2_1).write([plain]), as: UTF8.self).contains("gls"))
    }
}
