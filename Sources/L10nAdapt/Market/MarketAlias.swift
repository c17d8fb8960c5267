import L10nCore

/// What a user may call a market besides its id: its language tag (`pt-BR`, `en_GB`) or its
/// ISO 3166 region code (`gb`). Market ids are short names (`uk` for the United Kingdom, whose
/// region code is GB), and people type the tag their CAT tool or CMS shows them; a serious tool
/// takes either when exactly one market fits, rather than refusing a code it could read.
struct MarketAlias: Hashable, Sendable {
    /// The primary language subtag; nil when only a region was given.
    var language: String?
    /// The region subtag, uppercased.
    var region: String

    /// Reads `name` as a bare two-letter region or as a ``LanguageTag`` with a region
    /// (`pt-BR`, `en_gb`, `zh-Hans-CN`); nil for anything else (a misspelt id is not guessed at).
    init?(_ name: String) {
        if name.count == 2, name.allSatisfy({ $0.isASCII && $0.isLetter }) {
            (language, region) = (nil, name.uppercased())
        } else if let tag = LanguageTag(name), let region = tag.region {
            (language, self.region) = (tag.language, region)
        } else {
            return nil
        }
    }

    /// Whether a market whose language tag is `tag` (`en-GB`) is the one this names.
    func names(marketLanguage tag: String) -> Bool {
        guard let market = LanguageTag(tag), market.region == region else { return false }
        return language == nil || language == market.language
    }

    /// Whether a market whose language tag is `tag` is in this region (whatever its language).
    func sharesRegion(withMarketLanguage tag: String) -> Bool {
        LanguageTag(tag)?.region == region
    }
}
