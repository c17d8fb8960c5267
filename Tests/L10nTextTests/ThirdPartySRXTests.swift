import Foundation
import L10nTestSupport
import Testing
@testable import L10nText

/// LanguageTool's and Okapi's SRX files: they load, every rule compiles, and they change
/// segmentation the way their rules say.
@Suite struct ThirdPartySRXTests {
    static func document(_ name: String) throws -> SRXDocument {
        try SRXDocument(contentsOf: FixtureFolder.local.url("srx/\(name)"))
    }

    func sentences(_ doc: SRXDocument, _ language: String, _ text: String, options: SentenceSegmenter.Options = .init()) throws -> [String] {
        try SentenceSegmenter(language: language, documents: [doc], options: options).sentences(in: text).map(String.init)
    }

    @Test func languageToolLoadsAndEveryRuleCompiles() throws {
        let doc = try Self.document("languagetool-segment.srx")
        #expect(doc.languageRules.count == 28)
        #expect(doc.languageRules.reduce(0) { $0 + $1.rules.count } == 1345)
        #expect(doc.header.cascade)
        // Every rule of every language rule set compiles into a segmenter (validate() already
        // compiled them once; this compiles them again the way segmentation uses them).
        var compiled = 0
        for languageRule in doc.languageRules {
            let single = SRXDocument(
                languageRules: [languageRule],
                mapRules: [SRXDocument.LanguageMap(languagePattern: ".*", languageRuleName: languageRule.name)])
            compiled += try SentenceSegmenter(language: "xx", documents: [single]).ruleCount
        }
        #expect(compiled == 1345)
    }

    @Test func okapiLoadsAndEveryRuleCompiles() throws {
        let doc = try Self.document("okapi-defaultSegmentation.srx")
        #expect(doc.languageRules.map(\.name) == ["Default", "Thai", "Khmer"])
        #expect(!doc.header.cascade)
        #expect(try SentenceSegmenter(language: "en", documents: [doc]).ruleCount == 8)
        #expect(try SentenceSegmenter(language: "th", documents: [doc]).ruleCount == 1)
    }

    @Test func languageToolExceptionKeepsTitlesWithNames() throws {
        let doc = try Self.document("languagetool-segment.srx")
        let text = "Dr. Jekyll and Mr. Hyde welcome you. This is the end."
        #expect(ICUSentenceBreaker(locale: "en").sentenceBoundaries(in: text).count == 4)
        #expect(try sentences(doc, "en", text) == ["Dr. Jekyll and Mr. Hyde welcome you. ", "This is the end."])
    }

    @Test func languageToolBreakRuleAddsABreakICUDoesNotMake() throws {
        // LanguageTool's English rule: "OK." followed by a lowercase word ends a sentence.
        let doc = try Self.document("languagetool-segment.srx")
        let text = "The light is OK. then press the button."
        #expect(ICUSentenceBreaker(locale: "en").sentenceBoundaries(in: text).count == 1)
        #expect(try sentences(doc, "en", text) == ["The light is OK. ", "then press the button."])
    }

    @Test func languageToolGermanAndPolishAbbreviations() throws {
        let doc = try Self.document("languagetool-segment.srx")
        #expect(try sentences(doc, "de", "Das sind z. B. Kabel. Neu ist das.") == ["Das sind z. B. Kabel. ", "Neu ist das."])
        #expect(try sentences(doc, "pl", "To jest św. Paweł. W r. 1994 pojechałem do Rygi.") == ["To jest św. Paweł. ", "W r. 1994 pojechałem do Rygi."])
    }

    @Test func okapiExceptionAndBreakRules() throws {
        let doc = try Self.document("okapi-defaultSegmentation.srx")
        // Exception: "Dr." before a capital.
        let titles = "Is Dr. Watson from there too? Yes."
        #expect(ICUSentenceBreaker(locale: "en").sentenceBoundaries(in: titles).count == 3)
        #expect(try sentences(doc, "en", titles) == ["Is Dr. Watson from there too? ", "Yes."])
        // Break: a colon before a capital ends a segment in Okapi's rules; ICU does not break there.
        let colon = "It's very easy: First you write a check."
        #expect(ICUSentenceBreaker(locale: "en").sentenceBoundaries(in: colon).count == 1)
        #expect(try sentences(doc, "en", colon) == ["It's very easy: ", "First you write a check."])
    }

    @Test func okapiRulesAloneWithoutICU() throws {
        // Classic SRX: only break rules break. Okapi's rules do not know "?" followed by a
        // lowercase word, ICU does: with ICU off, no break.
        let doc = try Self.document("okapi-defaultSegmentation.srx")
        let text = "Really? yes. Then go."
        #expect(try sentences(doc, "en", text, options: .init(usesICUBoundaries: false)) == ["Really? yes. ", "Then go."])
        #expect(try sentences(doc, "en", text) == ["Really? ", "yes. ", "Then go."])
    }
}
