import Foundation
import L10nPipeline
import Testing

/// Provenance travels through XLIFF: 2.x `subState`, 1.2 `state-qualifier`; the files stay valid.
@Suite struct ProvenanceXLIFFTests {
    func document() throws -> Document {
        var document = try Localizer().extract(PipelineFixtures.markdownSource, targetLanguage: LanguageTag("de-DE"))
        var n = 0
        let origins: [Provenance?] = [Provenance(origin: .memory, matchQuality: 101), Provenance(origin: .machine(backend: "deepl")), nil, Provenance(origin: .source)]
        for u in document.units.indices {
            for s in document.units[u].segments.indices where !document.units[u].segments[s].isIgnorable {
                document.units[u].segments[s].target = document.units[u].segments[s].source.mapText { "T\(n) " + $0 }
                document.units[u].segments[s].state = .translated
                document.units[u].segments[s].provenance = origins[n % origins.count]
                n += 1
            }
        }
        return document
    }

    @Test func xliff2KeepsEverySegmentsProvenance() throws {
        let original = try document()
        for version in [XLIFFVersion.v2_0, .v2_1, .v2_2] {
            let xliff = try XLIFFWriter(version: version).write([original])
            let text = String(decoding: xliff, as: UTF8.self)
            #expect(text.contains("subState=\"l10n:tm-101\"") && text.contains("subState=\"l10n:mt-deepl\""))
            #expect(XLIFFValidator().validate(xliff, file: "p.xlf").findings.filter { $0.severity == .error }.isEmpty, "\(version)")
            let read = try #require(try XLIFFReader().read(xliff, file: "p.xlf").first)
            #expect(PipelineFixtures.segments(read).map(\.provenance) == PipelineFixtures.segments(original).map(\.provenance))
        }
    }

    @Test func xliff12KeepsAUnitsCommonProvenanceWithStandardValues() throws {
        var original = try document()
        // One unit, all its segments by the same MT engine.
        for s in original.units[1].segments.indices where !original.units[1].segments[s].isIgnorable {
            original.units[1].segments[s].provenance = Provenance(origin: .machine(backend: "deepl"))
        }
        let xliff = try XLIFFWriter(version: .v1_2).write([original])
        let text = String(decoding: xliff, as: UTF8.self)
        #expect(text.contains("state-qualifier=\"leveraged-mt\""))
        #expect(text.contains("state-qualifier=\"exact-match\""), "the heading's memory match")
        #expect(XLIFFValidator().validate(xliff, file: "p.xlf").findings.filter { $0.severity == .error }.isEmpty)
        let read = try #require(try XLIFFReader().read(xliff, file: "p.xlf").first)
        #expect(PipelineFixtures.segments(read)[0].provenance == Provenance(origin: .memory, matchQuality: 100))
        #expect(read.units[1].segments.first { !$0.isIgnorable }?.provenance?.origin == .machine(backend: "unknown"))
    }

    @Test func tokensRoundTrip() {
        let all = [Provenance(origin: .human), Provenance(origin: .source), Provenance(origin: .memory), Provenance(origin: .memory, matchQuality: 87),
                   Provenance(origin: .machine(backend: "open-ai_2"))]
        for p in all { #expect(Provenance(token: p.token) == p) }
        #expect(Provenance(token: "bogus") == nil)
        #expect(Provenance.Origin("mt:deepl") == .machine(backend: "deepl"))
        #expect(Provenance.Origin("mt:") == nil)
    }
}
