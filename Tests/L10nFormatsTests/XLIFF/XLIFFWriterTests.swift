import Foundation
import L10nCore
import L10nFormats
import L10nTestSupport
import Testing

@Suite struct XLIFFWriterTests {
    @Test(arguments: XLIFFVersion.allCases)
    func sourceOnlyOutputIsSchemaValid(version: XLIFFVersion) throws {
        let xml = try XLIFFWriter(version: version).write([Samples.document(), Samples.document(original: "other.md")])
        #expect(try SchemaValidator.errors(xml, version: version) == [])
        if version == .v1_2 { #expect(try SchemaValidator.errors(xml, version: version, transitional: true) == []) }
    }

    @Test(arguments: XLIFFVersion.allCases)
    func translatedOutputIsSchemaValid(version: XLIFFVersion) throws {
        let xml = try XLIFFWriter(version: version).write([Samples.translated()])
        #expect(try SchemaValidator.errors(xml, version: version) == [])
    }

    /// Guards the guard: the offline schema check must catch a broken file.
    @Test(arguments: XLIFFVersion.allCases)
    func schemaCheckCatchesInvalidOutput(version: XLIFFVersion) throws {
        var xml = String(decoding: try XLIFFWriter(version: version).write([Samples.translated()]), as: UTF8.self)
        xml = xml.replacingOccurrences(of: version == .v1_2 ? "<trans-unit id=\"u1\"" : "<unit id=\"u1\"", with: version == .v1_2 ? "<trans-unit" : "<unit")
        xml = xml.replacingOccurrences(of: "state=\"translated\"", with: "state=\"done\"")
        let errors = try SchemaValidator.errors(Data(xml.utf8), version: version)
        #expect(errors.count >= 2, "\(errors)")
    }

    // Determinism is tested across two processes (L10nEndToEndTests.DeterminismTests): two
    // writes in this one process share its hash seed and would agree even if output depended on
    // Set or Dictionary order.

    @Test func xliff2CodeMapping() throws {
        let xml = String(decoding: try XLIFFWriter(version: .v2_1).write([Samples.translated()]), as: UTF8.self)
        // Pair inside one segment → <pc>; identical data shares one <data>.
        #expect(xml.contains(#"<pc id="1" type="fmt" subType="xlf:b" dataRefStart="d1" dataRefEnd="d1" dispStart="**" dispEnd="**">Bold</pc>"#))
        // Pair split across segments → <sc>/<ec startRef>.
        #expect(xml.contains(#"<sc id="3" type="link" dataRef="d3" disp="["/>A link."#))
        #expect(xml.contains(#"Across<ec startRef="3" dataRef="d4" disp="](https://example.com/a?b=1&amp;c=2)"/>"#))
        // Isolated halves.
        #expect(xml.contains(#"<sc id="1" isolated="yes" type="fmt" dataRef="d1""#))
        #expect(xml.contains(#"<ec id="3" isolated="yes" type="fmt" dataRef="d3" disp="&lt;/em&gt;"/>"#))
        // Protected span: not deletable, its text as equiv.
        #expect(xml.contains(#"<ph id="2" type="other" subType="l10n:sku" canDelete="no" dataRef="d2" disp="XP-2000B" equiv="XP-2000B"/>"#))
        // Control characters → <cp>; CR survives as a character reference.
        #expect(xml.contains(#"ships<cp hex="0001"/> now&#13;"#))
        #expect(xml.contains(#"with <cp hex="FFFE"/> and ]]&gt; chars."#))
        #expect(xml.contains(#"<data id="d5"><cp hex="0001"/><cp hex="0007"/></data>"#))
        // xlf:b with type ui is illegal: subType dropped. A subType without type gets type="other".
        #expect(xml.contains(#"<pc id="2" type="ui" dataRefStart="d2" dataRefEnd="d3" dispStart="&lt;b&gt;&#9;" dispEnd="&lt;/b&gt;">mixed</pc>"#))
        #expect(xml.contains(#"<ph id="3" type="other" subType="l10n:var" dataRef="d4"/>"#))
        // Attribute values keep tabs/newlines and quotes.
        #expect(xml.contains(#"equiv="&#10;""#))
        #expect(xml.contains(#"name="p &quot;intro&quot;""#))
        // States, notes, skeleton.
        #expect(xml.contains(#"<segment id="s1" state="translated">"#))
        #expect(xml.contains(#"<note id="n1" category="l10n:context" priority="2" appliesTo="source">Keep it short &amp; &lt;simple&gt;</note>"#))
        #expect(xml.contains(#"<l10n:skeleton xmlns:l10n="urn:x-l10n:skeleton:1" version="3" format="markdown">"#))
        #expect(xml.contains(#"<l10n:original length="285" crc32=""#) && xml.contains(#"" encoding="base64">"#))
        #expect(xml.contains("<l10n:spans>"))
        #expect(xml.contains(#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="de">"#))
    }

    @Test func xliff12CodeMapping() throws {
        let xml = String(decoding: try XLIFFWriter(version: .v1_2).write([Samples.translated()]), as: UTF8.self)
        #expect(xml.contains(#"<file original="guide.md" source-language="en" target-language="de" datatype="x-markdown">"#))
        #expect(xml.contains(#"<internal-file form="base64">"#))
        #expect(xml.contains(#"<trans-unit id="u2" restype="x-md:paragraph" xml:space="preserve">"#))
        #expect(xml.contains(#"<mrk mtype="seg" mid="s1"><g id="1" ctype="bold">Bold</g> text.</mrk> <mrk mtype="seg" mid="s2">"#))
        #expect(xml.contains(#"<bx id="3" rid="3" ctype="link"/>A link."#))
        #expect(xml.contains(#"Across<ex id="3" rid="3"/> done."#))
        #expect(xml.contains(#"<x id="2" ctype="x-l10n:sku" equiv-text="XP-2000B"/>"#))
        #expect(xml.contains(#"ships<x id="l10n-cp-1" ctype="x-l10n-cp-0001"/> now&#13;"#))
        #expect(xml.contains(#"<x id="1" ctype="lb" equiv-text="&#10;"/>"#))
        #expect(xml.contains(#"<note from="l10n:context" priority="2" annotates="source">"#))
    }

    /// ~5 MB of paragraphs written and read back whole. A hang guard against quadratic slips, not a
    /// speed target: throughput is measured by `tools/bench` on release builds.
    @Test(.timeLimit(.minutes(5))) func largeDocumentRoundTrips() throws {
        var b = DraftBuilder()
        for i in 0..<20_000 {
            b.unit(type: "md:paragraph", [
                .text("Paragraph \(i) has "), .open("**", pair: "b"), .text("bold"), .close("**", pair: "b"),
                .text(" text & more words to make it longer. A second sentence follows here with <angle> brackets. "),
                .text("And a third one, to reach about two hundred and fifty bytes in this paragraph of text."),
            ])
            b.raw("\n\n")
        }
        let document = try b.build()
        let xml = try XLIFFWriter().write([document])
        #expect(xml.count > document.skeleton.original.count)
        let read = try XLIFFReader().read(xml, file: "large.xlf")
        #expect(read == [document])
    }

    @Test func refusesMixedLanguages() throws {
        let a = try Samples.document()
        var b = try Samples.document(original: "b.md")
        b.sourceLanguage = "fr"
        #expect(throws: FormatError.self) { try XLIFFWriter().write([a, b]) }
        #expect(throws: FormatError.self) { try XLIFFWriter().write([]) }
        var c = try Samples.translated()
        c.targetLanguage = nil
        #expect(throws: FormatError.self) { try XLIFFWriter().write([c]) }
    }
}
