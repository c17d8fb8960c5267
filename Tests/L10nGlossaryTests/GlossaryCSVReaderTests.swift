import Foundation
import L10nCore
import L10nGlossary
import L10nTestSupport
import Testing

/// The CSV glossary format: header, RFC 4180 quoting, BOM, CRLF, comments; bad rows skipped
/// with their line, bad files refused naming file and line.
@Suite struct GlossaryCSVReaderTests {
    func read(_ text: String, file: String = "g.csv") throws -> GlossaryFile {
        try GlossaryCSVReader().read(Data(text.utf8), file: file)
    }

    @Test func theFixtureReadsWithQuotingCommentsAndEveryBadRowSkippedByLine() throws {
        let file = try GlossaryCSVReader().read(try FixtureFolder.local.data("pumps.csv"), file: "pumps.csv")
        let entries = file.termbase.entries
        #expect(entries.map(\.term) == ["pump housing", "pump housing", "impeller", "AquaFlow", "stainless steel"])
        #expect(entries[0].note == "The casing, not the \"motor\".")
        #expect(entries[0].targetTerm == "Pumpengehäuse" && entries[0].status == .preferred && entries[0].line == 3)
        #expect(entries[1].status == .forbidden)
        #expect(entries[2].status == .preferred, "an empty status is preferred")
        #expect(entries[3].status == .doNotTranslate && entries[3].targetLanguage == nil)
        #expect(entries[4].note == "two\nlines" && entries[4].targetLanguage == LanguageTag("pt-BR") && entries[4].line == 9)
        #expect(file.skipped.map(\.line) == [11, 12, 13, 14, 15])
        #expect(file.skipped[0].reason.contains("maybe"))
        #expect(file.skipped[1].reason == "no term")
        #expect(file.skipped[3].reason.contains("5 field(s)"))
        #expect(file.skipped[4].reason.contains("do-not-translate"))
    }

    @Test func aMissingHeaderOrAnOpenQuoteIsAnErrorWithFileAndLine() throws {
        let noHeader = try #require(throws: FormatError.self) { try read("pump,de,Pumpe,noun,preferred,\n", file: "x.csv") }
        #expect(noHeader.location?.file == "x.csv" && noHeader.location?.line == 1)
        let open = try #require(throws: FormatError.self) {
            try read("term,language,target term,part of speech,status,note\n\npump,de,\"Pumpe,noun,preferred,\n", file: "y.csv")
        }
        #expect(open.location?.line == 3 && open.message.contains("never closed"))
        let empty = try #require(throws: FormatError.self) { try read("# only a comment\n") }
        #expect(empty.code == .malformed)
    }

    @Test func headerCellsAreComparedTrimmedAndCaseInsensitively() throws {
        let file = try read("Term, Language ,Target Term,Part of Speech,Status,Note\nvalve,de,Ventil,,admitted,\n")
        #expect(file.termbase.entries.map(\.targetTerm) == ["Ventil"])
        #expect(file.termbase.entries.first?.status == .admitted)
    }
}
