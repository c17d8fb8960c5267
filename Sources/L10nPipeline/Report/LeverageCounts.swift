import L10nCore
import L10nMemory

/// What a translation memory offered one document: its translatable segments (and their words,
/// cut by ICU) by the best match found — in context (101), exact (100), fuzzy by band, none — and
/// how many targets were filled. Fuzzy bands count what a translator would be offered; only
/// matches at or above the run's minimum quality fill targets.
public struct LeverageCounts: Hashable, Sendable, Codable {
    public struct Tally: Hashable, Sendable, Codable {
        public var segments = 0
        public var words = 0

        public init(segments: Int = 0, words: Int = 0) {
            self.segments = segments
            self.words = words
        }

        mutating func add(words: Int) {
            segments += 1
            self.words += words
        }
    }

    public var inContext = Tally()
    public var exact = Tally()
    /// 95–99: number-substituted matches and near-identical sentences.
    public var fuzzy95 = Tally()
    public var fuzzy85 = Tally()
    public var fuzzy75 = Tally()
    /// Below 75, or no candidate at all.
    public var none = Tally()
    /// Targets the memory filled (matches at or above the minimum quality).
    public var filled = 0

    /// The lowest quality a band counts.
    public static let lowestBand = 75

    enum CodingKeys: String, CodingKey {
        case inContext = "in-context", exact, fuzzy95 = "fuzzy-95-99", fuzzy85 = "fuzzy-85-94", fuzzy75 = "fuzzy-75-84", none, filled
    }

    public init() {}

    /// Counts one segment whose best match had `quality` (nil: none).
    public mutating func count(quality: Int?, source: Content, language: LanguageTag) {
        let words = MatchText(source, language: language).words.count
        switch quality ?? 0 {
        case 101...: inContext.add(words: words)
        case 100: exact.add(words: words)
        case 95...99: fuzzy95.add(words: words)
        case 85...94: fuzzy85.add(words: words)
        case 75...84: fuzzy75.add(words: words)
        default: none.add(words: words)
        }
    }
}
