import L10nCore
import L10nMemory
import L10nTestSupport
import Testing

/// The candidate index must not lose matches: on a generated memory, the best lookup answer is
/// the best a scan of every unit finds, for queries near stored units and for unrelated ones.
@Suite struct CandidateIndexRecallTests {
    typealias S = MemoryTestSupport

    static let vocabulary = """
        pump valve housing steel stainless cast iron brass seal gasket motor impeller shaft bearing flange thread inlet outlet \
        pressure flow rate head suction discharge voltage power cable plug socket switch lamp panel driver colour white warm cool \
        light fixture ceiling wall mount bracket screw bolt washer nut handle lid pan pot kettle glass ceramic coating nonstick \
        induction hob oven dishwasher safe warranty year month day certified tested approved rated indoor outdoor waterproof \
        dust proof module solar inverter battery charge capacity efficiency output input frame aluminium anodized black silver \
        the a with for and of to in on up per by from without fits includes supports delivers requires connects protects
        """.split(separator: " ").map(String.init)

    /// Sentences in families of near-identical ones, as real catalogues have, as units.
    static func generatedUnits(seed: UInt64, families: Int) -> [TranslationUnit] {
        var random = SplitMix64(seed: seed)
        var sentences: [[String]] = []
        for _ in 0..<families {
            let base = sentence(&random)
            sentences.append(base)
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                var variant = base
                variant[Int.random(in: 0..<variant.count, using: &random)] = Self.vocabulary.randomElement(using: &random)!
                sentences.append(variant)
            }
        }
        return sentences.enumerated().map { i, words in
            S.unit(Content(text: words.joined(separator: " ").capitalized + "."), Content(text: "T\(i)"))
        }
    }

    /// Queries near stored units (a few words changed, one maybe added), and unrelated ones.
    static func generatedQueries(seed: UInt64, units: [TranslationUnit], count: Int) -> [Content] {
        var random = SplitMix64(seed: seed)
        var queries: [Content] = []
        for _ in 0..<count {
            var words = units[Int.random(in: 0..<units.count, using: &random)].source.plainText.dropLast().split(separator: " ").map(String.init)
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                words[Int.random(in: 0..<words.count, using: &random)] = Self.vocabulary.randomElement(using: &random)!
            }
            if Bool.random(using: &random) { words.append(Self.vocabulary.randomElement(using: &random)!) }
            queries.append(Content(text: words.joined(separator: " ").capitalized + "."))
        }
        return queries + (0..<count * 2 / 5).map { _ in Content(text: sentence(&random).joined(separator: " ")) }
    }

    static func sentence(_ random: inout SplitMix64) -> [String] {
        (0..<Int.random(in: 4...14, using: &random)).map { _ in Self.vocabulary.randomElement(using: &random)! }
    }

    @Test(.timeLimit(.minutes(5)), arguments: S.Engine.available) func bestLookupEqualsBruteForce(engine: S.Engine) async throws {
        let units = Self.generatedUnits(seed: 13, families: 200)
        let store = try await S.store(engine)
        try await store.add(units)
        let stored = units.map { ($0, MatchText($0.source, language: S.en)) }
        let queries = Self.generatedQueries(seed: 14, units: units, count: 50)

        var withMatch = 0, found = 0
        for query in queries {
            let text = MatchText(query, language: S.en)
            let brute = stored.map { unit, storedText in
                MatchScorer.score(query: query, queryText: text, stored: unit.source, storedText: storedText,
                                  storedTarget: unit.target, sameContext: false).score
            }.max() ?? 0
            let best = try await store.lookup(S.query(query), limit: 1, threshold: 75).first?.score
            if brute >= 75 {
                withMatch += 1
                if best == brute { found += 1 }
            } else {
                #expect(best == nil, "nothing reaches 75 by brute force, yet the index found \(best ?? 0)")
            }
        }
        #expect(withMatch > 30, "the generated queries must mostly have a match ≥ 75 to test recall")
        #expect(found == withMatch, "recall \(found) of \(withMatch)")
    }
}
