import Foundation
@testable import L10nAdapt
import L10nCore
import L10nTestSupport
import Testing

/// What adaptation remembers by text (quantities, marks, convention pattern hits, tone matches)
/// must be exactly what it would work out again.
@Suite struct TextMemoTests {
    /// Answers hold offsets, so texts that are canonically equal but spelled with other bytes
    /// ("é" precomposed and decomposed) are different keys.
    @Test func keysCompareBytesNotCanonicalEquivalence() {
        let memo = TextMemo<[Range<Int>]>()
        memo.remember([0..<2], for: "caf\u{E9}")
        #expect(memo.value(for: "caf\u{E9}") == [0..<2])
        #expect(memo.value(for: "cafe\u{301}") == nil)
        #expect("caf\u{E9}" == "cafe\u{301}")  // what String equality would have answered
    }

    /// Past its capacity it forgets everything and starts over; a text longer than a sixteenth of
    /// it is never kept.
    @Test func startsOverPastItsCapacity() {
        let memo = TextMemo<Int>(capacity: 160)
        let texts = (0..<17).map { String(format: "text %05d", $0) }  // ten bytes each
        for (i, text) in texts.enumerated() { memo.remember(i, for: text) }
        #expect(memo.value(for: texts[0]) == nil)
        #expect(memo.value(for: texts[15]) == nil)
        #expect(memo.value(for: texts[16]) == 16)
        memo.remember(99, for: String(repeating: "x", count: 11))
        #expect(memo.value(for: String(repeating: "x", count: 11)) == nil)
        var made = 0
        #expect(memo.value(for: "again") { made += 1; return 7 } == 7)
        #expect(memo.value(for: "again") { made += 1; return 8 } == 7)
        #expect(made == 1)
    }

    /// Ranges kept as UTF-8 offsets land on the same characters of an equal string made anew.
    @Test func rangesComeBackOnAnEqualString() throws {
        let memo = TextMemo<[Range<Int>]>()
        let first = "Prüfzeichen: CE ✓ und UL 94 V-0"
        memo.remember([first.utf8Offsets(of: first.range(of: "UL 94 V-0")!)], for: first)
        let again = String(decoding: Array(first.utf8), as: UTF8.self)
        let remembered = try #require(memo.value(for: again)).map { again.range(utf8Offsets: $0) }
        #expect(remembered.map { String(again[$0]) } == ["UL 94 V-0"])
    }

    /// A remembered match reads back, over an equal text, the range and groups a fresh scan gives.
    @Test func rememberedMatchesReadAsFreshOnes() throws {
        let expression = try NSRegularExpression(pattern: #"(\d+)(?:\s?(-|to)\s?(\d+))?\s?(V|Hz)"#)
        let memo = TextMemo<[OffsetMatch]>()
        let text = "Prüfspannung 110-120 V, 60 Hz, ✓ 230 V"
        _ = expression.matches(in: text, memo: memo)
        let again = String(decoding: Array(text.utf8), as: UTF8.self)
        let remembered = expression.matches(in: again, memo: memo)
        let fresh = expression.scan(again)
        #expect(remembered.count == fresh.count && fresh.count == 3)
        for (r, f) in zip(remembered, fresh) {
            #expect(again[r.range] == again[f.range])
            for i in 1...4 { #expect(r.group(i) == f.group(i), "group \(i)") }
            #expect(r.group(9) == nil)
        }
    }

    /// Conventions remember each entry's pattern hits for a text whatever the market asking; a
    /// market that keeps an entry another does not still gets exactly its own spans, whichever
    /// asked first.
    @Test func codeSpansDoNotDependOnWhichMarketAskedFirst() throws {
        let folder = try TemporaryDirectory.make()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("conventions"), withIntermediateDirectories: true)
        let yaml = """
            industry: lab
            summary: test
            entries:
              - id: lab-code
                kind: code
                rationale: r
                source: s
                markets: [de]
                pattern: 'LAB-\\d{3}'
                examples: ["LAB-123"]
            """
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("conventions/lab.yaml"))
        let text = "Tested to LAB-123 and UL 94 V-0, 2 in thick."
        func spans(_ catalog: MarketCatalog, _ id: String) throws -> [String] {
            let market = try catalog.market(id)
            return market.conventions.codeSpans(in: text, market: market).map { "\($0.entry.id):\(text[$0.range])" }
        }
        let fresh = { try MarketCatalog.load(userDirectory: folder.path) }
        let frDE = try fresh(), deFR = try fresh()
        let fr = try spans(frDE, "fr"), de = try spans(frDE, "de")
        #expect(try spans(deFR, "de") == de)
        #expect(try spans(deFR, "fr") == fr)
        #expect(de.contains("lab-code:LAB-123"))
        #expect(!fr.contains { $0.hasPrefix("lab-code") })
        #expect(fr.contains { $0.hasSuffix(":UL 94 V-0") })
        #expect(try spans(try fresh(), "fr") == fr)
    }

    /// The engine adapting the same page for several markets in turn gives each market what it
    /// gives that market alone.
    @Test func adaptingForSeveralMarketsGivesWhatEachGivesAlone() throws {
        let page = [
            "Runs 6 ft of hose at 40/60 psi; UL listed, CE marked, FCC ID 2ABC-123.",
            "The BEST pump EVER!!! Backed since 03/04/2026, ships for $389.99.",
            "Fits 29er wheels and 27.5 x 2.4 tyres; 1/2\" NPT thread, 110-120 V / 60 Hz.",
        ]
        let markets = ["de", "br", "jp", "uk", "us"]
        func adapted(_ market: MarketProfile) -> [String] {
            let context = AdaptationContext(market: market, sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag(market.language)!)
            let engine = AdaptationEngine()
            let rules = engine.rules.filter { type(of: $0).applies(to: context) }
            return page.map { line in
                let (content, adaptations) = engine.adapt(Content(text: line), key: "t", rules: rules, context: context)
                return content.plainText + " | " + adaptations.map { "\($0.rule) \($0.before)→\($0.after ?? "-") \($0.note)" }.joined(separator: " | ")
            }
        }
        let catalog = try MarketCatalog.load()
        let together = try markets.map { try adapted(catalog.market($0)) }
        for (i, id) in markets.enumerated() {
            // Nothing remembered: this market's readings are made afresh.
            ToneRule.Found.memo.removeAll()
            QuantityScanner.memo.removeAll()
            CertificationMark.memo.removeAll()
            DateRule.usDatesMemo.removeAll()
            for memo in [ElectricalRule.Found.voltages, ElectricalRule.Found.frequencies, ElectricalRule.Found.plugs] { memo.removeAll() }
            #expect(together[i] == (try adapted(MarketCatalog.load().market(id))), "\(id)")
        }
        #expect(together[0] != together[3])
    }
}
