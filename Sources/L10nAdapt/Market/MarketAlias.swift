/// What a user may call a market besides its id: its language tag (`pt-BR`, `en_GB`) or its
/// ISO 3166 region code (`gb`). Market ids are short names (`uk` for the United Kingdom, whose
/// region code is GB), and people type the tag their CAT tool or CMS shows them; a serious tool
/// takes either when exactly one market fits, rather than refusing a code it could read.
struct MarketAlias: Hashable, Sendable {
    /// The primary language subtag, lowercased; nil when only a region was given.
    var language: String?
    /// The region subtag, uppercased.
    var region: String

    /// Reads `name` as `ll-RR`, `ll_RR`, `ll-Script-RR` or a bare two-letter region; nil for
    /// anything else (a misspelt id is not guessed at).
    init?(_ name: String) {
        let parts = name.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "_" }
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLetter } }) else { return nil }
        if parts.count == 1 {
            guard parts[0].count == 2 else { return nil }
            (language, region) = (nil, parts[0].uppercased())
            return
        }
        guard (2...3).contains(parts[0].count),
              let region = parts.dropFirst().first(where: { $0.count == 2 }) else { return nil }
        (language, self.region) = (parts[0].lowercased(), region.uppercased())
    }

    /// Whether a market whose language tag is `tag` (`en-GB`) is the one this names.
    func names(marketLanguage tag: String) -> Bool {
        guard let market = MarketAlias(tag), market.language != nil else { return false }
        return market.region == region && (language == nil || language == market.language)
    }

    /// Whether a market whose language tag is `tag` is in this region (whatever its language).
    func sharesRegion(withMarketLanguage tag: String) -> Bool {
        MarketAlias(tag)?.region == region
    }
}
