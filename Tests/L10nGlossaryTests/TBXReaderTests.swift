import Foundation
import L10nCore
import L10nGlossary
import L10nTestSupport
import Testing

/// TBX-Basic in its three shapes (v3 DCA, v3 DCT, 2008 `<martif>`): the same pump-housing
/// concept must give the same rows, and what cannot be used is skipped with its line.
@Suite struct TBXReaderTests {
    static let en = LanguageTag("en")!, de = LanguageTag("de")!

    func read(_ name: String) throws -> GlossaryFile {
        try TBXReader().read(try FixtureFolder.local.data(name), file: name)
    }

    /// The rows for `term` into German, as (target term, status).
    func german(_ file: GlossaryFile, _ term: String) -> [String: TermStatus] {
        var out: [String: TermStatus] = [:]
        for e in file.termbase.entries where e.term == term && e.targetLanguage?.language == "de" { out[e.targetTerm ?? ""] = e.status }
        return out
    }

    @Test func dcaStyleGivesEveryTargetTermWithItsStatusAndPartOfSpeech() throws {
        let file = try read("pumps-dca.tbx")
        #expect(german(file, "pump housing") == ["Pumpengehäuse": .preferred, "Pumpenmantel": .forbidden])
        let housing = try #require(file.termbase.entries.first { $0.targetTerm == "Pumpengehäuse" })
        #expect(housing.partOfSpeech == "noun")
        #expect(housing.note == "The casing that encloses the impeller.")
        #expect(housing.glossary == "pumps-dca.tbx")
        let brazil = try #require(file.termbase.entries.first { $0.targetLanguage == LanguageTag("pt-BR") })
        #expect(brazil.targetTerm == "carcaça da bomba" && brazil.status == .admitted)
        let deprecated = try #require(file.termbase.entries.first { $0.targetTerm == "Pumpenmantel" })
        #expect(deprecated.note?.contains("competitor") == true)
        // c2 has no English term: skipped, with the line of its <conceptEntry>.
        #expect(file.skipped.map(\.line) == [40])
        #expect(file.skipped.first?.reason.contains("source language") == true)
        #expect(german(file, "impeller") == ["Laufrad": .preferred])
    }

    @Test func dctStyleReadsNamespacedDataCategories() throws {
        let file = try read("pumps-dct.tbx")
        #expect(german(file, "pump housing") == ["Pumpengehäuse": .preferred, "Pumpenmantel": .forbidden])
        #expect(file.termbase.entries.first { $0.targetTerm == "Pumpengehäuse" }?.partOfSpeech == "noun")
        #expect(file.termbase.entries.first { $0.targetTerm == "Pumpengehäuse" }?.note == "The casing that encloses the impeller.")
        let brand = try #require(file.termbase.entries.first { $0.term == "AquaFlow" })
        #expect(brand.status == .doNotTranslate && brand.targetLanguage == nil && brand.targetTerm == nil)
        // An administrativeStatus outside the picklist: that source term is skipped, with its line.
        #expect(file.skipped.count == 1)
        #expect(file.skipped.first?.reason.contains("obsoleteTerm-admn-sts") == true)
        #expect(file.skipped.first?.line == 42)
        #expect(!file.termbase.entries.contains { $0.term == "check valve" })
    }

    @Test func tbx2008MartifGivesTheSameRows() throws {
        let file = try read("pumps-2008.tbx")
        #expect(german(file, "pump housing") == ["Pumpengehäuse": .preferred])
        let japanese = try #require(file.termbase.entries.first { $0.targetLanguage == LanguageTag("ja") })
        #expect(japanese.targetTerm == "ポンプハウジング")
        #expect(file.termbase.entries.first { $0.targetTerm == "Pumpengehäuse" }?.note == "The casing that encloses the impeller.")
        #expect(german(file, "battery") == ["Akku": .preferred])
        #expect(file.skipped.map(\.reason) == ["an empty <term>"])
        #expect(file.skipped.map(\.line) == [36])
    }

    @Test func aFileThatIsNotTBXIsAnErrorNamingFileAndLine() throws {
        let tmx = Data("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/><body/></tmx>\n".utf8)
        let error = try #require(throws: FormatError.self) { try TBXReader().read(tmx, file: "memory.tbx") }
        #expect(error.location?.file == "memory.tbx" && error.location?.line == 2)
        #expect(error.message.contains("<tmx>"))
        let broken = Data("<tbx type=\"TBX-Basic\">\n<text><body>\n<conceptEntry>\n</body></text></tbx>\n".utf8)
        let malformed = try #require(throws: FormatError.self) { try TBXReader().read(broken, file: "broken.tbx") }
        #expect(malformed.code == .malformed && malformed.location?.file == "broken.tbx" && malformed.location?.line != nil)
    }

    @Test func entityDeclarationsAreRefused() throws {
        let hostile = Data("""
            <?xml version="1.0"?>
            <!DOCTYPE tbx [<!ENTITY x "pump">]>
            <tbx type="TBX-Basic"><text><body/></text></tbx>
            """.utf8)
        let error = try #require(throws: FormatError.self) { try TBXReader().read(hostile, file: "x.tbx") }
        #expect(error.code == .forbiddenConstruct)
    }
}
