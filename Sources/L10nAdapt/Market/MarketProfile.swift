/// One market's conventions and requirements, decoded from `Resources/Markets/<id>.yaml`.
///
/// Behaviour lives in the rule types; this is only their parameters. Decoded and checked in one
/// place, ``MarketCatalog``; see `Resources/Markets/README.md` for every key.
public struct MarketProfile: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// BCP 47 tag of the market's copy (`pt-BR`).
    public var language: String
    /// ICU/CLDR locale for numbers, currency and dates (`pt_BR`).
    public var locale: String
    /// ISO 4217 code.
    public var currency: String
    public var measurement: Measurement
    public var electrical: Electrical
    /// Certification regimes by product category (`electrical-safety`, `radio`…).
    public var certifications: [String: CertificationRegime]
    /// English spelling variant (`en-GB`…), or nil for non-English markets.
    public var spelling: String?
    public var tone: Tone
    public var dates: Dates
    /// The industry conventions adaptation leaves alone here: not part of the market file but
    /// loaded beside it (``MarketCatalog`` sets the catalog's, with the user's overrides).
    public var conventions: Conventions = .bundled

    enum CodingKeys: String, CodingKey {
        case id, name, language, locale, currency, measurement, electrical, certifications, spelling, tone, dates
    }

    public struct Measurement: Hashable, Sendable, Codable {
        public enum System: String, Hashable, Sendable, Codable { case metric, usCustomary = "us-customary", ukMixed = "uk-mixed" }
        public var system: System
        /// Source unit id → target unit id (`ft` → `m`).
        public var convert: [String: String]
        /// Contexts that keep their original unit (`screen-diagonal`, `pipe-thread`…).
        public var keep: [String]
        /// Targets that depend on what the sentence is about, checked before `convert`: m³/h is
        /// airflow (cfm) on a fan's page but water (gal/min) on a pump's.
        public var convertWhen: [ContextualConversion]?

        /// The unit `unit` becomes in a sentence reading `text`, or nil when it stays.
        public func target(for unit: String, in text: String) -> String? {
            for rule in convertWhen ?? [] where rule.from == unit && rule.applies(to: text) { return rule.to }
            return convert[unit]
        }
    }

    /// One `measurement.convertWhen` entry: `from` becomes `to` in a sentence with one of `cues`.
    public struct ContextualConversion: Hashable, Sendable, Codable {
        public var from: String
        public var to: String
        /// Words or phrases (any case, whole words, a plural `s` allowed) of which one must occur.
        public var cues: [String]

        func applies(to text: String) -> Bool {
            let words = text.lowercased()
            return cues.contains { cue in
                let cue = cue.lowercased()
                var from = words.startIndex
                while let r = words.range(of: cue, range: from..<words.endIndex) {
                    from = r.upperBound
                    let before = r.lowerBound == words.startIndex ? nil : words[words.index(before: r.lowerBound)]
                    // A plural "s" may follow ("pumps"); any other letter means another word.
                    var end = r.upperBound
                    if end < words.endIndex, words[end] == "s" { end = words.index(after: end) }
                    let after = end < words.endIndex ? words[end] : nil
                    if !(before?.isLetter ?? false), !(after?.isLetter ?? false) { return true }
                }
                return false
            }
        }
    }

    public struct Electrical: Hashable, Sendable, Codable {
        public var voltages: [Double]
        public var frequency: Double
        public var plugs: [String]
        public var plugStandard: String?
        /// Voltages that differ by region (Brazil 127 V or 220 V by state): a product rated for
        /// only some of them fits only part of the market, an advisory of its own.
        public var regionalVoltages: [Double]?
        /// Frequencies that differ by region (Japan 50 Hz east, 60 Hz west).
        public var regionalFrequencies: [Double]?
        /// Words that alone say a product runs on every regional supply, without figures
        /// (Brazil's "bivolt": 127 V and 220 V); matched as whole words, any case.
        public var everyRegionWords: [String]?
        /// One line naming what the market uses, quoted in advisories.
        public var summary: String
    }

    public struct CertificationRegime: Hashable, Sendable, Codable {
        /// How `required` reads: any one of the marks (Canada: CSA, cUL or ETL), or all of them
        /// together (the EU's RoHS and WEEE).
        public enum Match: String, Hashable, Sendable, Codable { case any, all }
        public var required: [String]
        public var authority: String?
        public var note: String
        /// `any` when the file does not say.
        public var match: Match?
    }

    public struct Tone: Hashable, Sendable, Codable {
        public enum Address: String, Hashable, Sendable, Codable { case formal, informal, neutral }
        public enum Policy: String, Hashable, Sendable, Codable { case allow, flag }
        public var address: Address
        public var superlatives: Policy
        public var comparatives: Policy
        /// Runs of this many `!` or more are flagged; 0 never flags.
        public var exclamationRun: Int
        public var allCaps: Policy
        public var emoji: Policy
        public var note: String?
    }

    public struct Dates: Hashable, Sendable, Codable {
        public enum Order: String, Hashable, Sendable, Codable { case dmy = "DMY", mdy = "MDY", ymd = "YMD" }
        public var order: Order
        public var separator: String
        /// ICU pattern for numeric dates (`dd/MM/yyyy`).
        public var pattern: String
        /// ICU pattern for written-out dates.
        public var longPattern: String
    }
}
