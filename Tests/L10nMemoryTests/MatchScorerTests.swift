import L10nCore
import L10nMemory
import Testing

@Suite struct MatchScorerTests {
    typealias S = MemoryTestSupport

    func score(_ query: Content, _ stored: Content, target: Content = "alvo", context: Bool = false) -> MatchScorer.Result {
        MatchScorer.score(query: query, queryText: MatchText(query, language: S.en), stored: stored,
                          storedText: MatchText(stored, language: S.en), storedTarget: target, sameContext: context)
    }

    @Test func identicalIsExactAndWithTheSameNeighboursInContext() {
        #expect(score("Stainless steel housing.", "Stainless steel housing.").score == 100)
        #expect(score("Stainless steel housing.", "Stainless steel housing.").kind == .exact)
        #expect(score("Stainless steel housing.", "Stainless steel housing.", context: true).score == 101)
    }

    @Test func oneWordInSixIsEightyThree() {
        let r = score("Stainless steel housing with drain plug", "Stainless steel housing with drain valve")
        #expect(r.kind == .fuzzy)
        #expect(r.score == 83)  // 100 × 5/6
    }

    @Test func caseWhitespaceAndPunctuationCostOnePointEach() {
        #expect(score("stainless steel housing", "Stainless steel housing").score == 99)
        #expect(score("Stainless  steel   housing", "Stainless steel housing").score == 99)  // whitespace is free, but not exact
        #expect(score("Stainless steel housing!", "Stainless steel housing.").score == 99)
        #expect(score("stainless steel housing!", "Stainless steel housing.").score == 98)
    }

    @Test func differingCodesArePenalized() {
        let plain: Content = "Suitable for all hobs"
        let withCode = S.bold("Suitable for ", "all hobs", "")
        #expect(score(plain, withCode).score == 96)  // two codes missing
        let otherMarkup = S.bold("Suitable for ", "all hobs", "", markup: ("<b>", "</b>"))
        #expect(score(withCode, otherMarkup).score == 92)  // each side has two codes the other lacks
        // Same codes, other ids: ids never count.
        #expect(score(withCode, S.bold("Suitable for ", "all hobs", "", id: "7")).score == 100)
    }

    @Test func onlyNumbersDifferingRepairsTheTarget() {
        let r = score("The pump delivers up to 40 litres per minute.", "The pump delivers up to 35 litres per minute.",
                      target: "A bomba fornece até 35 litros por minuto.")
        #expect(r.kind == .numberSubstituted)
        #expect(r.score == 99)
        #expect(r.target == "A bomba fornece até 40 litros por minuto.")
    }

    @Test func aNumberTheTargetWroteOtherwiseIsFuzzyNotRepaired() {
        let r = score("Efficiency 22.5 percent", "Efficiency 21.5 percent", target: "Wirkungsgrad 21,5 Prozent")
        #expect(r.kind == .fuzzy)
        #expect(r.score == 100 * 2 / 3 - 2)  // one word of three, two numbers differ
        #expect(r.target == "Wirkungsgrad 21,5 Prozent")
    }

    @Test func targetCodesTakeTheQuerysIDs() {
        let stored = S.bold("Suitable for ", "all hobs", "", id: "7")
        let target = S.bold("Apto para ", "todas", "", id: "7")
        let query = S.bold("Suitable for ", "all hobs", "", id: "3")
        #expect(score(query, stored, target: target).target == S.bold("Apto para ", "todas", "", id: "3"))
    }

    @Test func japaneseIsCutIntoWordsByICU() {
        let ja = LanguageTag("ja-JP")!
        let text = MatchText("ステンレス製のハウジング", language: ja)
        #expect(text.words.count > 1)
    }
}
