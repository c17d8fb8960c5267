import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nMemory

/// The stored forms written from bytes (``StoredMatchText/ascii(_:from:to:)``) are the bytes
/// `MatchText` gives: every memory holds them, and lookups compare queries' forms with them.
@Suite struct StoredMatchTextTests {
    static let en = LanguageTag("en-US")!, pt = LanguageTag("pt-BR")!

    static func expectSame(_ content: Content, from source: LanguageTag, to target: LanguageTag) {
        let plain = StoredMatchText(MatchText(content, language: source), from: source, to: target)
        let stored = StoredMatchText(content, from: source, to: target)
        #expect(stored.serialized == plain.serialized, "\(content)")
        #expect(stored.shapeKey == plain.shapeKey, "\(content)")
        #expect(stored.wordCount == plain.wordCount, "\(content)")
        #expect(stored.indexTerms == plain.indexTerms, "\(content)")
    }

    @Test func asciiTextGivesMatchTextsForms() {
        let alphabet: [String] = ["a", "b", "Z", "Q", "0", "7", ".", ",", ";", ":", "-", "'", "_", "@", " ", " ", "\t", "\n", "\r",
                                  "/", "%", "$", "#", "!", "\"", "(", "x", "word", "Word", "3.5", "1,000", "e-mail", "it's"]
        var rng = SplitMix64(seed: 29)
        var fast = 0
        for _ in 0..<20_000 {
            func text() -> String { (0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined() }
            var runs: [Content.Run] = [.text(text())]
            if Int.random(in: 0..<4, using: &rng) == 0 {
                runs.append(.code(InlineCode(kind: .open, id: "1", data: "<b>")))
                runs.append(.text(text()))
                runs.append(.code(InlineCode(kind: .close, id: "1", data: "</b>")))
            }
            let content = Content(runs)
            if StoredMatchText.ascii(content, from: Self.en, to: Self.pt) != nil { fast += 1 }
            Self.expectSame(content, from: Self.en, to: Self.pt)
        }
        #expect(fast == 20_000)
    }

    @Test func theCompactFormReadsBackAsTheMatchText() {
        let alphabet: [String] = ["Word", "word", "WORD", "3.5", "12", "Ⅻ", "١٢٣", "Größe", "ÉCRAN", "東京", "İstanbul", "ß", " ", ", ",
                                  ". ", "-", "'", "e-mail", "x"]
        var rng = SplitMix64(seed: 31)
        var capitals = 0
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            var runs: [Content.Run] = [.text(text)]
            if Int.random(in: 0..<3, using: &rng) == 0 { runs.append(.code(InlineCode(kind: .standalone, id: "1", data: "<br/>"))) }
            let matchText = MatchText(Content(runs), language: Self.en)
            let stored = matchText.serialized
            #expect(stored.utf8.first == MatchText.compactMark, "\(text)")
            #expect(MatchText(serialized: stored) == matchText, "\(text)")
            #expect(MatchText.words(ofSerialized: stored).map(String.init) == matchText.words, "\(text)")
            if matchText.words != matchText.written { capitals += 1 }
        }
        #expect(capitals > 1_000)
    }

    @Test func fieldsThatDoNotFollowFromTheWrittenWordsAreStoredInFull() throws {
        var text = MatchText(Content(text: "Pump 12 V"), language: Self.en)
        text.words[0] = "other"
        #expect(text.serialized.utf8.first != MatchText.compactMark)
        #expect(MatchText(serialized: text.serialized) == text)
        #expect(MatchText.words(ofSerialized: text.serialized).map(String.init) == text.words)
    }

    @Test func otherTextGoesThroughMatchText() {
        for (text, language) in [("Größe 3,5 cm", Self.en), ("Only 5 kg: ready", LanguageTag("sv-SE")!), ("東京で 3 日", Self.en),
                                 ("café au lait", LanguageTag("fr-FR")!)] {
            let content = Content(text: text)
            #expect(StoredMatchText.ascii(content, from: language, to: Self.pt) == nil, "\(text)")
            Self.expectSame(content, from: language, to: Self.pt)
        }
        Self.expectSame(Content(text: "Plain words, 12 of them."), from: Self.en, to: Self.pt)
    }
}
