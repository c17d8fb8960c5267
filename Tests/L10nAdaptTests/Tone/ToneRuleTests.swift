import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nAdapt

@Suite struct ToneRuleTests {
    let rule = ToneRule()

    @Test func descriptionExamples() throws {
        try AdvisoryHarness.checkExamples(of: rule)
    }

    @Test func ruleIDsAndNotes() throws {
        let de = try AdvisoryHarness.market("de")
        let text = "The best grinder!!! Better than Dyson. FREE GIFT 🎁 Hey there"
        let found = AdvisoryHarness.matches(rule, text, AdvisoryHarness.context(de))
        #expect(found.map(\.rule) == ["tone.superlative", "tone.exclamation", "tone.comparative", "tone.all-caps", "tone.emoji", "tone.address"])
        #expect(found.allSatisfy { $0.kind == .tone && $0.replacement == nil && $0.note.hasSuffix(de.tone.note ?? "") })
        #expect(found[0].note.contains("one of the most"))
    }

    @Test func policiesThatAllowRaiseNothing() throws {
        // The US allows comparative advertising and emoji; it still flags superlatives and shouting.
        let us = AdvisoryHarness.context(try AdvisoryHarness.market("us"))
        #expect(AdvisoryHarness.flagged(rule, "Quieter than Dyson 🎉", us).isEmpty)
        #expect(AdvisoryHarness.flagged(rule, "The best price", us) == ["The best"])
        var relaxed = try AdvisoryHarness.market("us")
        relaxed.tone = .init(address: .neutral, superlatives: .allow, comparatives: .allow, exclamationRun: 0, allCaps: .allow, emoji: .allow, note: nil)
        #expect(!ToneRule.applies(to: AdvisoryHarness.context(relaxed)))
    }

    @Test func onlyEnglishCopyIsChecked() throws {
        let de = try AdvisoryHarness.market("de")
        #expect(!ToneRule.applies(to: AdvisoryHarness.context(de, source: "fr-FR")))
    }

    @Test func exclamationThreshold() throws {
        var market = try AdvisoryHarness.market("de")
        market.tone.exclamationRun = 3
        let context = AdvisoryHarness.context(market)
        #expect(AdvisoryHarness.flagged(rule, "Wow!! Really!!!", context) == ["!!!"])
    }

    /// The common-word list is searched by bisection over its file's bytes: the file must stay
    /// sorted in byte order, and a lookup must answer what a set of its words answers.
    @Test func commonWordsAreSortedAndFoundByBisection() throws {
        let words = ToneRule.commonWords.words
        #expect(words.count > 30_000)
        #expect(zip(words, words.dropFirst()).allSatisfy { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }, "en-common-words.txt must be sorted (LC_ALL=C sort) without duplicates")
        let set = Set(words)
        var probes = words.enumerated().filter { $0.offset % 7 == 0 }.map(\.element)
        probes += ["", "a", "zzzz", "aardvarks", "hello", "the", "#", "Hello", "café", "qu", words.last! + "a", String(words.first!.dropLast())]
        for probe in probes { #expect(ToneRule.commonWords.contains(probe) == set.contains(probe), "\(probe)") }
        #expect(words.allSatisfy { ToneRule.commonWords.contains($0) })
    }

    @Test func capsAreToldFromAcronymsAndSafetyWords() throws {
        let de = AdvisoryHarness.context(try AdvisoryHarness.market("de"))
        #expect(!ToneRule.commonWords.isEmpty)
        for text in ["DANGER: HIGH VOLTAGE", "CAUTION HOT SURFACE", "NOTICE", "USB HDMI NEMA ANSI IEEE", "LED TV", "NSF/ANSI 61",
                     "Model XR-200 PRO MAX", "NEW", "ENERGY STAR", "UKCA", "AC/DC", "CAUTION – HOT SURFACE.", "⚠ WARNING: CHOKING HAZARD",
                     "for STEM clubs"] {
            #expect(AdvisoryHarness.flagged(rule, text, de).isEmpty, "\(text)")
        }
        #expect(AdvisoryHarness.flagged(rule, "LIMITED TIME OFFER: BUY NOW", de) == ["LIMITED TIME OFFER: BUY NOW"])
        #expect(AdvisoryHarness.flagged(rule, "BUY NOW", de) == ["BUY NOW"])
        #expect(AdvisoryHarness.flagged(rule, "Really POWERFUL motor", de) == ["POWERFUL"])
    }

    @Test func casualRegisterSparesProductNames() throws {
        let de = AdvisoryHarness.context(try AdvisoryHarness.market("de"))
        #expect(AdvisoryHarness.flagged(rule, "\"Hey Siri\" ready; Samsung Super Fast Charging", de).isEmpty)
        #expect(AdvisoryHarness.flagged(rule, "hey, it's super easy", de) == ["hey", "super easy"])
    }

    @Test func emojiAreNotSymbols() throws {
        let de = AdvisoryHarness.context(try AdvisoryHarness.market("de"))
        #expect(AdvisoryHarness.flagged(rule, "ENERGY STAR® certified, © 2026 Example™, 5★, ✔ done, 1/2\" NPT, #1A", de).isEmpty)
        #expect(AdvisoryHarness.flagged(rule, "Done ✔️ 👍🏽 🇩🇪 1️⃣", de) == ["✔️", "👍🏽", "🇩🇪", "1️⃣"])
    }

    /// No catastrophic backtracking on long text: a hang guard, not a speed target (speed lives in
    /// `tools/bench`).
    @Test(.timeLimit(.minutes(5))) func longTextIsScannedWhole() throws {
        let de = AdvisoryHarness.context(try AdvisoryHarness.market("de"))
        let paragraph = "The best blender!!! Better than Brand X, with FREE SHIPPING 🎉 and a USB-C port. "
        let text = String(repeating: paragraph, count: 2_000)
        let found = rule.matches(in: text, context: de)
        #expect(found.count == 10_000)
    }

    /// The prefilter only skips texts the comparative expression cannot match: checked on
    /// generated sentences built from the expression's own vocabulary (and near misses).
    @Test func theComparisonPrefilterNeverHidesAMatch() {
        let pieces = ["faster", "than", "Than", "THAN", "more", "quiet", "less", "noisy", "the", "competition", "Dyson", "BrandX",
                      "outlasts", "beats", "crushes", "vs.", "versus", "compared", "to", "with", "unlike", "competitors", "other",
                      "brands", "we", "our", "pump", "ſ", "vſ", "tha", "an", "out", "beat", "Compared", "UNLIKE", "é", "–", ",", "."]
        var rng = SplitMix64(seed: 3)
        var skipped = 0, matched = 0
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 1...9, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined(separator: " ")
            let found = !ToneRule.comparative.scan(text).isEmpty
            if found { matched += 1 }
            if !ToneRule.mayCompare(text) {
                skipped += 1
                #expect(!found, "\(text.debugDescription)")
            }
        }
        #expect(skipped > 300 && matched > 100, "skipped \(skipped), matched \(matched)")
    }

    /// The same for superlatives and casual words: texts the prefilters skip never match, and
    /// characters with case outside ASCII (ſ, K, ß, ﬁ, é) always reach the expression.
    @Test(arguments: ["superlative", "casual"])
    func theOtherPrefiltersNeverHideAMatch(kind: String) {
        let superlative = kind == "superlative"
        let expression = superlative ? ToneRule.superlative : ToneRule.casual
        let may = superlative ? ToneRule.maySuperlate : ToneRule.mayBeCasual
        let pieces = superlative
            ? ["the", "best", "Best", "BEST", "very", "finest", "most", "powerful", "of", "world's", "world’s", "#1", "#", "1", "No.", "no", "number-one",
               "number", "one", "in", "class", "industry-leading", "leading", "unbeatable", "unrivaled", "second", "to", "none", "ultimate", "perfect",
               "for", "guaranteed", "lowest", "price", "highest-quality", "pump", "ſ", "ﬁnest", "ß", "é", "K", "–", ",", "."]
            : ["hey", "Hey", "there", "you", "guys", "y'all", "y’all", "gonna", "wanna", "gotta", "kinda", "awesome", "super", "easy", "Super",
               "no-brainer", "folks", "grab", "yours", "dude", "buddy", "tons", "of", "insanely", "Siri", "pump", "ſ", "K", "é", ",", "."]
        var rng = SplitMix64(seed: 5)
        var skipped = 0, matched = 0
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 1...7, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined(separator: " ")
            let found = !expression.scan(text).isEmpty
            if found { matched += 1 }
            if !may(text) {
                skipped += 1
                #expect(!found, "\(text.debugDescription)")
            }
        }
        #expect(skipped > 100 && matched > 100, "skipped \(skipped), matched \(matched)")
        #expect(may("ﬁnest") && may("pumpſ") && may("café"))
    }
}
