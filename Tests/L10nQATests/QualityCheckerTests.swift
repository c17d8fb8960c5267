import L10nCore
import L10nQA
import Testing

/// The document-level checker the pipeline's check stage runs: which segments it looks at, and
/// severity overrides and disabled checks.
@Suite struct QualityCheckerTests {
    let context = CheckContext(sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag("de-DE")!)

    func document(_ segments: [Segment]) -> Document {
        Document(original: "p.md", format: "markdown", sourceLanguage: "en-US", targetLanguage: "de-DE",
                 units: [TextUnit(id: "u1", segments: segments)], skeleton: Skeleton(original: .init(), spans: []))
    }

    @Test func onlyTranslatedSegmentsAreChecked() {
        let source = Content(text: "Price: 129,99 €, shipping included.")
        let doc = document([
            Segment(id: "s1", source: source),                                                    // untranslated
            Segment(id: "s2", source: source, target: source, state: .initial),                   // untouched prefill
            Segment(id: "s3", source: source, target: Content(text: "Preis: 129,90 €, Versand inklusive."), state: .translated),
            Segment(id: "i1", source: Content(text: " "), target: Content(text: "x"), isIgnorable: true),
        ])
        let findings = QualityChecker().check(doc, context: context)
        #expect(findings.map(\.segment) == ["u1-s3"])
        #expect(findings.first?.check == "numbers.consistency" && findings.first?.severity == .error)
        #expect(findings.first?.message.contains("129,90") == true)
    }

    @Test func severitiesCanBeOverriddenAndChecksDisabled() {
        let doc = document([Segment(id: "s1", source: Content(text: "Free shipping."), target: Content(text: "Kostenloser  Versand"), state: .translated)])
        let plain = QualityChecker().check(doc, context: context)
        #expect(Set(plain.map(\.check)) == ["punctuation.end", "whitespace.doubled"])
        let tuned = QualityChecker(severities: ["punctuation.end": .error], disabled: ["whitespace.doubled"]).check(doc, context: context)
        #expect(tuned.map(\.check) == ["punctuation.end"])
        #expect(tuned.first?.severity == .error)
    }

    @Test func aReviewerSuppressesAcceptedFindingsInTheXLIFF() {
        let source = Content(text: "Free shipping.")
        func unit(_ notes: [Note]) -> Document {
            Document(original: "p.md", format: "markdown", sourceLanguage: "en-US", targetLanguage: "de-DE",
                     units: [TextUnit(id: "u1", segments: [
                        Segment(id: "s1", source: source, target: Content(text: "Kostenloser  Versand"), state: .translated),
                        Segment(id: "s2", source: source, target: Content(text: "Gratis  Versand"), state: .translated),
                     ], notes: notes)],
                     skeleton: Skeleton(original: .init(), spans: []))
        }
        let all = QualityChecker().check(unit([]), context: context)
        #expect(all.filter { $0.check == "whitespace.doubled" }.count == 2)
        // Suppressed for the whole unit, or for one segment only; other notes change nothing.
        let whole = QualityChecker().check(unit([Note(text: "whitespace.doubled", category: "l10n:qa-suppress")]), context: context)
        #expect(!whole.contains { $0.check == "whitespace.doubled" })
        #expect(whole.contains { $0.check == "punctuation.end" })
        let one = QualityChecker().check(unit([Note(text: "s2:whitespace.doubled, s2:punctuation.end", category: "l10n:qa-suppress")]), context: context)
        #expect(one.filter { $0.check == "whitespace.doubled" }.map(\.segment) == ["u1-s1"])
        #expect(one.filter { $0.check == "punctuation.end" }.map(\.segment) == ["u1-s1"])
        let other = QualityChecker().check(unit([Note(text: "whitespace.doubled", category: "l10n:context")]), context: context)
        #expect(other == all)
    }
}
