import L10nCore
@testable import L10nQA
import Testing

/// `consistency.source` compares sources and targets as Swift compares strings (canonical
/// equivalence), whether it hashes the keys as bytes or as strings.
@Suite struct ConsistencyCheckTests {
    let context = CheckContext(sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag("de-DE")!)

    func keys(_ segments: [(String, String)]) -> [String] {
        let pairs = segments.enumerated().map { i, s in SegmentPair(key: "u\(i + 1)-s1", source: Content(text: s.0), target: Content(text: s.1)) }
        return ConsistencyCheck().check(pairs, context: context).map(\.key)
    }

    @Test func canonicallyEquivalentSourcesAreOneSource() {
        // Precomposed and decomposed é: the same source, so the second, translated otherwise, is flagged.
        #expect(keys([("Caf\u{E9} au lait.", "Milchkaffee."), ("Cafe\u{301} au lait.", "Kaffee mit Milch.")]) == ["u2-s1"])
        #expect(keys([("Cafe\u{301} au lait.", "Milchkaffee."), ("Caf\u{E9} au lait.", "Kaffee mit Milch.")]) == ["u2-s1"])
        // The ångström sign is Å once normalized.
        #expect(keys([("10 \u{212B}", "10 Å"), ("10 \u{C5}", "zehn Å")]) == ["u2-s1"])
    }

    @Test func canonicallyEquivalentTargetsAreOneTranslation() {
        #expect(keys([("Coffee.", "Caf\u{E9}."), ("Coffee.", "Cafe\u{301}.")]).isEmpty)
        #expect(keys([("Coffee.", "Caf\u{E9}."), ("Coffee.", "Caf\u{E8}.")]) == ["u2-s1"])
    }

    @Test func plainSourcesAreComparedWhitespaceCollapsed() {
        #expect(keys([("Free  shipping. ", "Gratisversand."), (" Free shipping.", "Kostenloser Versand."), ("Fast shipping.", "Schnell.")]) == ["u2-s1"])
        #expect(keys([("Ŝĥîƥƥîñĝ", "a"), ("Ŝĥîƥƥîñĝ", "a"), ("Ŝĥîƥƥîñĝ", "b")]) == ["u3-s1"])
        #expect(keys([("Party \u{1F389}\u{FE0F}\r\n", "a"), ("Party  \u{1F389}\u{FE0F}\r\n", "b")]) == ["u2-s1"])
    }

    @Test func plainTextIsToldFromTextNormalizationChanges() {
        for (text, plain) in [("Caf\u{E9} \u{1F389}\u{FE0F}", true), ("ŝĥîƥ, Привет, 食洗機", true), ("Cafe\u{301}", false), ("10 \u{212B}", false)] {
            var t = text
            #expect(t.withUTF8 { Graphemes.allCanonicallyPlain(utf8: $0) } == plain, "\(text)")
        }
    }
}
