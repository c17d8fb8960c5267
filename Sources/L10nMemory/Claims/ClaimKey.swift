import L10nCore

/// What a claim is on: one sentence to translate, as an exact match sees it.
///
/// The key is the languages, the market and the exact-match key of the source (its text and
/// codes, code ids left out: ``MatchText/exactKey(_:)``). That is what makes a stored unit an
/// exact (100) match for a query, so a runner that waits on a key is satisfied by the first exact
/// match stored for it. Neighbours are left out (an exact match is enough not to pay again), and
/// so is the project: lookups do not keep projects apart either.
public enum ClaimKey {
    public static func key(for query: MemoryQuery) -> String {
        key(source: query.source, sourceLanguage: query.sourceLanguage, targetLanguage: query.targetLanguage, market: query.market)
    }

    public static func key(source: Content, sourceLanguage: LanguageTag, targetLanguage: LanguageTag, market: String?) -> String {
        "\(sourceLanguage.rawValue)>\(targetLanguage.rawValue)|\(market ?? "")|\(MatchText.exactKey(source))"
    }
}
