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

    @Test func pseudoTargetsAreNotJudgedAsLanguage() {
        // Accented words, padding after the end mark, a quote German would not use: all made so
        // on purpose by pseudo-localization. A number it lost is still a finding.
        let source = Content(text: "Say \"hello\" to 12 modes.")
        let pseudo = Provenance(origin: .machine(backend: "pseudo"))
        let machine = Provenance(origin: .machine(backend: "deepl"))
        let doc = document([
            Segment(id: "s1", source: source, target: Content(text: "[Šàý \"ĥéĺĺő\" ţő 12 ḿőđéš. ·ĺőŕéḿ]"), state: .translated, provenance: pseudo),
            Segment(id: "s2", source: source, target: Content(text: "[Šàý \"ĥéĺĺő\" ţő 13 ḿőđéš. ·ĺőŕéḿ]"), state: .translated, provenance: pseudo),
            Segment(id: "s3", source: source, target: Content(text: "[Šàý \"ĥéĺĺő\" ţő 12 ḿőđéš. ·ĺőŕéḿ]"), state: .translated, provenance: machine),
        ])
        let findings = QualityChecker().check(doc, context: context)
        // (s2 also translates the source of s1 differently: consistency.source, a document check.)
        let pseudoChecks = Set(findings.filter { $0.segment != "u1-s3" }.map(\.check))
        #expect(pseudoChecks == ["numbers.consistency", "consistency.source"], "\(findings.map { "\($0.segment ?? "") \($0.check)" })")
        #expect(findings.contains { $0.segment == "u1-s2" && $0.check == "numbers.consistency" })
        // The same text from an engine is judged: end punctuation and German quotes.
        let judged = Set(findings.filter { $0.segment == "u1-s3" }.map(\.check))
        #expect(judged.isSuperset(of: ["punctuation.end", "punctuation.locale"]), "\(judged)")
        let languageChecks = QAChecks.builtIn.filter { type(of: $0).description.judgesLanguage }.map { type(of: $0).description.id }
        #expect(Set(languageChecks) == ["spelling.unknown", "punctuation.end", "punctuation.locale", "quotes.unbalanced"])
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

    @Test func aMarketHasItsOwnSeveritiesAndDisabledChecks() {
        let doc = document([Segment(id: "s1", source: Content(text: "Free shipping."), target: Content(text: "Kostenloser  Versand"), state: .translated)])
        var checker = QualityChecker(disabled: ["whitespace.doubled"], markets: [
            "de": QAOverrides(severities: ["punctuation.end": .error, "whitespace.doubled": .warning]),
            "at": QAOverrides(disabled: ["punctuation.end"]),
        ])
        func found(_ market: String?) -> [String: Severity] {
            let context = CheckContext(sourceLanguage: context.sourceLanguage, targetLanguage: context.targetLanguage, market: market)
            return Dictionary(uniqueKeysWithValues: checker.check(doc, context: context).map { ($0.check, $0.severity) })
        }
        #expect(found(nil) == ["punctuation.end": .warning], "the run's settings")
        #expect(found("ch") == ["punctuation.end": .warning], "a market without overrides")
        #expect(found("de") == ["punctuation.end": .error, "whitespace.doubled": .warning], "a market's severity turns a disabled check on for it")
        #expect(found("at") == [:])
        // The command line's settings, applied last, win for every market.
        checker.override(severities: ["punctuation.end": .info], disabled: ["whitespace.doubled"])
        #expect(found("de") == ["punctuation.end": .info])
        #expect(found("at") == ["punctuation.end": .info])
        #expect(found(nil) == ["punctuation.end": .info])
    }

    /// Size restrictions bind a unit's segments, a group's or the file's units together; only
    /// restricted content with a translation is measured, under the document's profiles.
    /// A restriction on an inline span (`<sc>`…`<ec>` or `<pc>` with `slr:` attributes) measures
    /// the span's content in each translated segment, nested codes counting nothing.
    @Test func inlineSizeRestrictionsBindTheirSpan() {
        let open = InlineCode(kind: .open, id: "2", data: "<b>"), close = InlineCode(kind: .close, id: "2", data: "</b>")
        let icon = InlineCode(kind: .standalone, id: "3", data: "<img>")
        func content(_ before: String, _ label: [Content.Run], _ after: String) -> Content {
            Content([.text(before), .code(open)] + label + [.code(close), .text(after)])
        }
        var unit = TextUnit(id: "u1", segments: [
            Segment(id: "s1", source: content("Tap ", [.text("Buy")], " now."), target: content("Tippen Sie auf ", [.code(icon), .text("Kaufen")], "."), state: .translated),
            Segment(id: "s2", source: content("Or ", [.text("Buy")], "."), target: content("Oder ", [.text("Jetzt kaufen")], "."), state: .translated),
            Segment(id: "s3", source: content("Also ", [.text("Buy")], "."), target: Content(text: "Auch kaufen."), state: .translated),
        ])
        unit.inlineSizeLimits = ["2": SizeLimits(size: "6")]
        var doc = Document(original: "p.html", format: "html", sourceLanguage: "en-US", targetLanguage: "de-DE", units: [unit],
                           skeleton: Skeleton(original: .init(), spans: []))
        doc.sizeProfiles = SizeProfiles(general: SizeProfiles.codepoints)
        let findings = QualityChecker(checks: [SizeRestrictionCheck()], documentChecks: []).check(doc, context: context)
        // "Kaufen" (6, the icon counts nothing) fits; "Jetzt kaufen" (12) does not; s3 dropped the span: not measured here.
        #expect(findings.map(\.segment) == ["u1-s2"])
        #expect(findings.first?.message == "span 2 is 12 code points, over the limit of 6 (size restriction, xliff:codepoints)")
    }

    @Test func sizeRestrictionsBindUnitsGroupsAndFilesAsAWhole() {
        func segment(_ id: String, _ source: String, _ target: String?) -> Segment {
            Segment(id: id, source: Content(text: source), target: target.map { Content(text: $0) }, state: target == nil ? nil : .translated)
        }
        func unit(_ id: String, _ limit: String?, _ segments: [Segment]) -> TextUnit {
            var u = TextUnit(id: id, segments: segments)
            u.sizeLimits = limit.map { SizeLimits(size: $0) }
            return u
        }
        var doc = Document(original: "p.html", format: "html", sourceLanguage: "en-US", targetLanguage: "de-DE", units: [
            unit("u1", "16", [segment("s1", "Add to cart", "In den Warenkorb")]),                  // exactly at the limit
            unit("u2", "10", [segment("s1", "Checkout", "Zur Kasse gehen")]),                      // 15 > 10
            unit("u3", "12", [segment("s1", "Free.", "Gratis."), segment("i1", " ", nil), segment("s2", "Fast.", "Schnell.")]),  // 7 + 1 + 8 = 16 > 12
            unit("u4", "3", [segment("s1", "Untranslated", nil)]),                                  // nothing translated: not checked
            unit("u5", nil, [segment("s1", "Help", "Hilfe")]),
        ], skeleton: Skeleton(original: .init(), spans: []))
        doc.units[2].segments[1].isIgnorable = true
        let checker = QualityChecker(checks: [SizeRestrictionCheck()], documentChecks: [])
        #expect(checker.check(doc, context: context).isEmpty, "no profiles: nothing is checked")

        doc.sizeProfiles = SizeProfiles(general: SizeProfiles.codepoints)
        var findings = checker.check(doc, context: context)
        #expect(findings.map(\.segment) == ["u2-s1", "u3-s1"])
        #expect(findings.allSatisfy { $0.check == "length.size-restriction" && $0.severity == .error })
        #expect(findings.first?.message == "the target is 15 code points, over the limit of 10 (size restriction, xliff:codepoints)")
        #expect(findings.last?.message.hasPrefix("unit u3 (2 segments) is 16 code points") == true, "\(findings.last?.message ?? "")")

        // A group holding u1 and u5 (16 + 5 = 21), each of them within its own limit.
        doc.units[1].sizeLimits = nil
        doc.units[2].sizeLimits = nil
        doc.sizeGroups = [SizeGroup(id: "g1", limits: SizeLimits(size: "20"), units: ["u4", "u5", "u1"])]
        findings = checker.check(doc, context: context)
        #expect(findings.map(\.segment) == ["u5-s1"], "placed at the first translated segment of the group")
        #expect(findings.first?.message.hasPrefix("group g1 (3 units) is 33 code points, over the limit of 20") == true, "\(findings.first?.message ?? "")")
        doc.sizeGroups = [SizeGroup(id: "g1", limits: SizeLimits(size: "21"), units: ["u1", "u5"])]
        #expect(checker.check(doc, context: context).isEmpty, "a group exactly at its limit")

        // The file: every unit, untranslated ones as merge writes them (their source).
        doc.sizeLimits = SizeLimits(size: "60")
        findings = checker.check(doc, context: context)
        #expect(findings.map(\.segment) == ["u1-s1"])
        #expect(findings.first?.message.hasPrefix("the file (5 units) is 64 code points, over the limit of 60") == true, "\(findings.first?.message ?? "")")
        #expect(QualityChecker(checks: [SizeRestrictionCheck()], documentChecks: [], disabled: ["length.size-restriction"]).check(doc, context: context).isEmpty)
    }
}
