/// One thing a careful localizer leaves alone in an industry — a trade size that is a name
/// (`1/2" NPT`, `27.5 in` wheels), a unit the industry uses in every market (`50 mm` lenses,
/// `11 kW` chargers) or a code that looks like a quantity (`UL 94 V-0`, `225/45 R17 94W`) —
/// decoded from `Resources/Conventions/<industry>.yaml`.
///
/// Only parameters live here; ``Conventions`` does the matching, so a new trap is a new
/// entry in YAML, never a new regex in a rule. See `docs/conventions.md` for every key.
public struct Convention: Hashable, Sendable, Codable {
    /// What kind of keep this is; reported with the entry, documented in `docs/conventions.md`.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A standard size that names a part rather than measuring it (threads, wheels, sockets, 2x4).
        case tradeSize = "trade-size"
        /// A unit the industry uses in every market, the US included (bicycle mm, lens mm, charger kW).
        case industryUnit = "industry-unit"
        /// A code, rating, standard or version that contains figures (IP67, UL 94 V-0, 94W).
        case code
    }

    /// Stable id, unique over all files (`bicycle-wheel-size`).
    public var id: String
    public var kind: Kind
    /// One line: why the form stays.
    public var rationale: String
    /// Where the convention comes from (a standard, a trade body, market practice).
    public var source: String
    /// Unit ids (``MeasureUnit``) whose quantities the cue words below apply to.
    public var units: [String]?
    /// Words that, up to ``gap`` words after the quantity, name what it sizes ("wheels").
    public var after: [String]?
    /// Words that, at most ``within`` characters before it in the same clause, name it ("Rotor:").
    public var before: [String]?
    /// Exact figures that alone identify the thing when written with an inch mark or "inch" (15.6").
    public var values: [Double]?
    /// A regular expression (ICU syntax, case-sensitive unless it says `(?i)`) for a code or
    /// name no rule may change, wherever it appears.
    public var pattern: String?
    /// With `pattern`: advisories on the span go too, not only changes ("94 V" in "UL 94 V-0" is
    /// no mains rating and "UL" there no listing). Without, a cited standard still gets its
    /// certification advisory.
    public var silencesAdvisories: Bool?
    /// The market vocabulary context (`measurement.keep`) that decides per market; without one
    /// the entry keeps in every market.
    public var context: String?
    /// Only these markets keep it; without, every market.
    public var markets: [String]?
    public var gap: Int?
    public var within: Int?
    /// Words of which one must occur somewhere in the segment for the entry to apply: what the
    /// text is about, when the cue words alone are shared with other trades (a golf club's
    /// "45.75 in shaft" beside a trolling motor's "42 in shaft"; a guitar combo's "12 in speaker"
    /// beside a hi-fi's "6.5 in subwoofer").
    public var topic: [String]?
    /// Texts this entry must keep, checked by the tests for every market.
    public var examples: [String]?

    /// Whether `market` keeps what this entry matches.
    func isKept(by market: MarketProfile) -> Bool {
        if let markets, !markets.contains(market.id) { return false }
        if let context { return market.measurement.keep.contains(context) }
        return true
    }
}
