import Foundation
import L10nCore
import L10nMemory
import L10nTestSupport
import Testing

@Suite struct TMXReaderTests {
    typealias S = MemoryTestSupport

    func read(_ name: String) throws -> (units: [TMXUnit], report: TMXReader.Report) {
        var units: [TMXUnit] = []
        let report = try TMXReader().read(contentsOf: FixtureFolder.local.url("tmx/" + name)) { units.append($0) }
        return (units, report)
    }

    @Test func everyFixtureReads() throws {
        let files = try FixtureFolder.local.files(in: "tmx", withExtension: "tmx")
        #expect(files.count == 5)
        for file in files {
            var count = 0
            let report = try TMXReader().read(contentsOf: file) { _ in count += 1 }
            #expect(count == report.units && count >= 2, "\(file.lastPathComponent)")
        }
    }

    @Test func omegaTUpperCaseLanguagesAndContextProperties() throws {
        let (units, report) = try read("omegat-pump.tmx")
        #expect(report.creationTool == "OmegaT")
        #expect(units.count == 4)
        #expect(units.allSatisfy { $0.sourceLanguage == S.en })
        let translation = try #require(units.last?.translationUnits().first)
        #expect(translation.targetLanguage == S.pt)
        #expect(translation.target == "Autoescorvante.")
        #expect(translation.document == "water-pump.md")
        #expect(translation.previousHash == MatchText.contextHash("Technical data"))
        #expect(translation.nextHash == MatchText.contextHash("Head: 33 ft."))
        #expect(units[0].variants[1].content == "Carcaça de aço inoxidável.")
    }

    @Test func tradosEmptyPairedTagsBecomeCodesTheTargetShares() throws {
        let (units, report) = try read("trados-lighting.tmx")
        #expect(units.count == 3)
        #expect(report.skipped.isEmpty)
        let first = try #require(units.first?.translationUnits().first)
        #expect(first.source.codes.map(\.kind) == [.open, .close])
        #expect(first.source.codes.map(\.id) == ["1", "1"])
        #expect(first.target.codes.map(\.id) == ["1", "1"])
        #expect(first.source.plainText == "LED panel with dimmable driver.")
        #expect(first.properties.contains(.init(type: "x-ConfirmationLevel", value: "ApprovedSignOff")))
        #expect(first.changed == Date(timeIntervalSince1970: 1_758_190_210))  // 2025-09-18T10:10:10Z
        let second = try #require(units.dropFirst().first?.translationUnits().first)
        #expect(second.source.codes.map(\.kind) == [.standalone])
    }

    @Test func memoQEscapedMarkupIsTheCodeData() throws {
        let (units, _) = try read("memoq-kitchen.tmx")
        let first = try #require(units.first?.translationUnits().first)
        #expect(first.sourceLanguage == LanguageTag("en-US"))
        #expect(first.targetLanguage == LanguageTag("es-MX"))
        #expect(first.source.codes.map(\.data) == ["<b>", "</b>"])
        #expect(first.notes == ["Approved by the client's reviewer."])
        #expect(first.previousHash == MatchText.contextHash("Non-stick frying pan"))
        #expect(first.document == "frying-pan.html")
        let second = try #require(units.dropFirst().first?.translationUnits().first)
        #expect(second.source.codes.map(\.data) == ["<a href=\"care.html\">", "</a>", "<br/>"])
        #expect(second.target.codes.map(\.id) == second.source.codes.map(\.id))
    }

    @Test func utf16WithBOMAndAllSourceLanguages() throws {
        let (units, report) = try read("utf16-all-solar.tmx")
        #expect(report.headerSourceLanguage == "*all*")
        #expect(units.count == 3)
        #expect(units[0].sourceLanguage == nil)
        #expect(units[0].variants.map(\.language.rawValue) == ["en-US", "de-DE", "fr-FR"])
        // Every ordered pair, or only from the language asked for.
        #expect(units[0].translationUnits().count == 6)
        let fromEnglish = units[0].translationUnits(preferredSource: S.en)
        #expect(fromEnglish.map(\.targetLanguage.rawValue) == ["de-DE", "fr-FR"])
        #expect(fromEnglish[0].target.plainText == "Monokristallines PV-Modul, 450 W.")
        #expect(fromEnglish[0].source.codes.map(\.data) == ["<hi type=\"term\">", "</hi>"])
        #expect(units[1].variants[0].content.codes.first?.isolated == true)
        #expect(units[1].variants[2].content.plainText == "Débranchez l’onduleur avant l’entretien.")
        let efficiency = units[2].variants[0].content
        #expect(efficiency.codes.map(\.data) == ["{\\super 1}", "<img src=\"icon.png\" alt=\"sun\"/>"])
    }

    @Test func malformedUnitsAreSkippedWithTheirLines() throws {
        let (units, report) = try read("malformed-units.tmx")
        #expect(units.map { $0.variants[1].content.plainText } == ["Gute Einheit eins.", "Gute Einheit zwei."])
        #expect(report.skipped.map(\.line) == [10, 14, 18, 21])
        #expect(report.skipped[0].reason.contains("xml:lang"))
        #expect(report.skipped[1].reason.contains("e!n"))
        #expect(report.skipped[3].reason.contains("source language en"))
    }

    @Test func notTMXIsAnErrorNamingTheFile() throws {
        let error = try #require(throws: FormatError.self) {
            try TMXReader().read(Data("<xliff version=\"2.1\"/>".utf8), file: "memory.tmx") { _ in }
        }
        #expect(error.description.contains("memory.tmx"))
        #expect(error.description.contains("<xliff>"))
    }

    @Test func aTruncatedFileIsMalformedWithALine() throws {
        let text = try FixtureFolder.local.text("tmx/memoq-kitchen.tmx")
        var count = 0
        let error = try #require(throws: FormatError.self) {
            try TMXReader().read(Data(text.prefix(text.count * 2 / 3).utf8), file: "cut.tmx") { _ in count += 1 }
        }
        #expect(error.code == .malformed)
        #expect(error.location?.line != nil)
        #expect(count >= 1, "units before the damage were handed over")
    }
}
