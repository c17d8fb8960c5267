import Foundation
import L10nCore
import Testing
@testable import L10nText

@Suite struct SentenceSegmenterTests {
    func userRules(_ rules: String) throws -> SRXDocument {
        try SRXDocument(data: Data("""
        <srx version="2.0"><header cascade="yes"/><body><languagerules>
        <languagerule languagerulename="Mine">\(rules)</languagerule>
        </languagerules><maprules><languagemap languagepattern=".*" languagerulename="Mine"/></maprules></body></srx>
        """.utf8), source: "mine.srx")
    }

    @Test func userRulesOverrideBuiltInOnes() throws {
        // Built-in: "Inc." before a capital can end a sentence. A user exception keeps it.
        let text = "Acme Inc. Widgets are great."
        #expect(SentenceSegmenter.builtIn(language: "en").sentences(in: text).count == 2)
        let noBreak = try userRules(#"<rule break="no"><beforebreak>\bInc\.</beforebreak><afterbreak>\s</afterbreak></rule>"#)
        #expect(try SentenceSegmenter(language: "en", userRules: noBreak).sentences(in: text).count == 1)
        // And a user break rule wins over the built-in "Dr." exception.
        let breakRule = try userRules(#"<rule break="yes"><beforebreak>\bDr\.</beforebreak><afterbreak>\s</afterbreak></rule>"#)
        #expect(try SentenceSegmenter(language: "en", userRules: breakRule).sentences(in: "Call Dr. Smith now.") == ["Call Dr. ", "Smith now."])
        #expect(SentenceSegmenter.builtIn(language: "en").sentences(in: "Call Dr. Smith now.").count == 1)
    }

    @Test func boundariesAreUTF16OffsetsAndEndWithTheLength() {
        let text = "Größe 😀 passt. Neu ist es."
        let boundaries = SentenceSegmenter.builtIn(language: "de").sentenceBoundaries(in: text)
        let firstEnd = "Größe 😀 passt. ".utf16.count
        #expect(boundaries == [firstEnd, text.utf16.count])
        #expect(SentenceSegmenter.builtIn(language: "de").sentenceBoundaries(in: "").isEmpty)
    }

    @Test func leadingAndTrailingWhitespaceMakeNoEmptySentences() {
        let segmenter = SentenceSegmenter.builtIn(language: "en")
        #expect(segmenter.sentences(in: "\n\n  Hello there. Bye.  \n") == ["\n\n  Hello there. ", "Bye.  \n"])
    }

    @Test func singleLineBreaksCanBeSoft() throws {
        let text = "This sentence is\nwrapped. Next one.\n\nNew paragraph."
        let hard = SentenceSegmenter.builtIn(language: "en").sentences(in: text)
        #expect(hard == ["This sentence is\n", "wrapped. ", "Next one.\n\n", "New paragraph."])
        let soft = try SentenceSegmenter(language: "en", userRules: nil, options: .init(singleLineBreaksAreSpaces: true))
        #expect(soft.sentences(in: text) == ["This sentence is\nwrapped. ", "Next one.\n\n", "New paragraph."])
    }

    @Test func concurrentCallsAgree() async {
        let segmenter = SentenceSegmenter.builtIn(language: "en")
        let texts = (0..<200).map { "Item \($0): Dr. Smith weighs approx. \($0) kg. It works. Model No. XP-\($0)B is new!" }
        let expected = texts.map { segmenter.sentenceBoundaries(in: $0) }
        let results = await withTaskGroup(of: (Int, [Int]).self) { group in
            for (i, text) in texts.enumerated() { group.addTask { (i, segmenter.sentenceBoundaries(in: text)) } }
            var out = Array(repeating: [Int](), count: texts.count)
            for await (i, b) in group { out[i] = b }
            return out
        }
        #expect(results == expected)
        #expect(expected.allSatisfy { $0.count == 3 })
    }

    @Test func documentBuilderSplitsUnitsIntoSentenceSegments() throws {
        let text = "Dr. Smith likes it. Model No. XP-2000B is here."
        let bytes = Array(text.utf8)
        let builder = DocumentBuilder(breaker: SentenceSegmenter.builtIn(language: "en"), protectors: Protectors.defaultProtectors)
        let doc = try builder.build(
            original: "t.txt", format: "text", bytes: .init(bytes), sourceLanguage: "en",
            drafts: [UnitDraft(pieces: [.text(text, bytes: 0..<bytes.count, verbatim: true)])])
        let segments = doc.units.flatMap(\.segments).filter { !$0.isIgnorable }
        #expect(segments.map(\.source.readableText) == ["Dr. Smith likes it.", "Model No. XP-2000B is here."])
        #expect(segments[1].source.codes.map(\.subType) == ["l10n:sku"])
    }
}
