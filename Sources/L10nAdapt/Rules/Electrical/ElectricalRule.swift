import Foundation
/// Flags mains statements in the copy (`120V AC, 60 Hz`, `220-240V~ 50Hz`, `NEMA 5-15P`,
/// "US plug", "3-prong plug") that do not fit the market's electricity supply, naming what the
/// market uses (its `electrical.summary`). Advisory only: the product, not the text, decides.
///
/// What counts as fitting:
/// - a voltage fits when it is within 10 % of one of the market's voltages (110 V fits 120 V;
///   110 V does not fit Japan's 100 V); a range (`100-240V`, `AC 100–240 V`) fits when one of
///   the market's voltages lies inside it (10 % margin); a dual rating (`115/230 V`) when either
///   value fits. Markets with a 100–127 V supply also have twice that as split-phase (the US
///   240 V dryer outlet), so 240 V fits the US.
/// - a frequency fits when the market's is among those stated (`50/60Hz` fits everywhere).
/// - a plug fits when one of its IEC types (NEMA 5-15 = B, NEMA 1-15 = A, "UK plug" = G…) is
///   among the market's `electrical.plugs`; a 240 V NEMA configuration (6-, 10-, 14-, L-, TT-)
///   also needs a 120/240 V split-phase supply (Japan has Type B sockets, no NEMA 14-50).
/// - where mains differ by region (`electrical.regionalVoltages`: Brazil 127 V or 220 V;
///   `regionalFrequencies`: Japan 50/60 Hz), a rating that fits only some regions is its own,
///   milder advisory (`electrical.regional`): the product sells there, but not everywhere.
///   A word in `electrical.everyRegionWords` ("bivolt" in Brazil) covers every region without a figure.
/// Direct current and low voltages (`12V`, `20V MAX`, `5V/3A`, `48V battery`, `380 V DC`) are not
/// mains and raise nothing; nor do display refresh rates (`60 Hz refresh rate`).
public struct ElectricalRule: AdaptationRule {
    public init() {}

    /// Mains figures and plug names read the same in any language.
    public static func applies(to context: AdaptationContext) -> Bool { true }

    // 1 lower value, 2 separator, 3 upper value, 4 unit, 5 AC/DC marker after the unit.
    private static let voltage = NSRegularExpression.compiled(
        #"(?<![\p{L}\p{N}.,])(?:AC\s?)?(\d{2,3}(?:\.\d)?)(?:\s?V)?(?:\s?([-–—~/]|to)\s?(\d{2,3}(?:\.\d)?))?\s?(VAC|VDC|Vac|Vdc|V|[Vv]olts?|VOLTS?)(?![\p{L}\p{N}])(?:\s?(AC|DC|~|⎓)(?![\p{L}\p{N}]))?"#)
    // 1 first frequency, 2 second frequency.
    private static let frequency = NSRegularExpression.compiled(#"(?<![\p{L}\p{N}.,])(50|60)(?:\s?(?:[-–/]|or|and)\s?(50|60))?\s?[Hh][Zz](?![\p{L}\p{N}])"#)
    /// What links a voltage to the frequency after it in one statement (`120V AC, 60 Hz`, `110V/60Hz`).
    private static let link = NSRegularExpression.compiled(#"^[\s,;/~]{0,3}(?:at\s)?$"#)
    /// Words after a voltage that say it is a battery or a DC supply.
    private static let directCurrent = NSRegularExpression.compiled(#"^\s?(?:battery|batteries|MAX|max|Max|Li-?ion|lithium|cordless|DC|dc)\b"#)
    /// Words near a frequency that make it a refresh rate, a frequency response or a tone.
    private static let notMains = NSRegularExpression.compiled(#"refresh|display|screen|monitor|panel|fps|frame|response|sampl|tone|\bkHz"#, options: .caseInsensitive)
    // 1 NEMA/TT plug (2 its class digit), 3 and 4 IEC type letters, 5 region, 6 prong count.
    /// Where the mains, frequency and plug expressions match, by text (see ``TextMemo``): read
    /// once for the page's regional coverage and the segment's advisories, and for every market.
    enum Found {
        static let voltages = TextMemo<[OffsetMatch]>()
        static let frequencies = TextMemo<[OffsetMatch]>()
        static let plugs = TextMemo<[OffsetMatch]>()
    }

    private static let plug = NSRegularExpression.compiled(
        #"(?<![\p{L}\p{N}])(?:(NEMA\s?(?:L|TT-)?(\d{1,2})-\d{2}[PR]?|TT-30[PR]?)|[Tt]ype\s([A-O])(?:\s?(?:/|or|and|,)\s?([A-O]))?\s(?:plugs?|sockets?|outlets?|connectors?)|(US|U\.S\.|USA|American|North\sAmerican|UK|U\.K\.|British|EU|European|Euro|Schuko|Australian|AU|Japanese|Chinese|Indian|Swiss|Italian|Brazilian)[\s-]plugs?|([23]|two|three|Two|Three)[\s-]prong(?:ed)?(?:\s(?:grounded\s)?(?:plugs?|cords?))?)(?![\p{L}\p{N}])"#)

    /// IEC plug types of the plugs copy names by region.
    private static let regionalPlugs: [String: Set<String>] = [
        "US": ["A", "B"], "U.S.": ["A", "B"], "USA": ["A", "B"], "American": ["A", "B"], "North American": ["A", "B"],
        "UK": ["G"], "U.K.": ["G"], "British": ["G"], "EU": ["C", "E", "F"], "European": ["C", "E", "F"], "Euro": ["C", "E", "F"],
        "Schuko": ["F"], "Australian": ["I"], "AU": ["I"], "Japanese": ["A", "B"], "Chinese": ["A", "I"], "Indian": ["C", "D", "M"],
        "Swiss": ["J"], "Italian": ["L"], "Brazilian": ["N"],
    ]

    public func matches(in text: String, context: AdaptationContext) -> [RuleMatch] {
        review(text, context: context).matches
    }

    /// The advisories, and the codes that silenced one ("94V" in a tyre's 225/45R17 94V is a
    /// speed symbol, "94 V" in UL 94 V-0 a flammability class): kept, with their convention.
    public func review(_ text: String, context: AdaptationContext) -> (matches: [RuleMatch], kept: [RuleKeep]) {
        let advisories = allAdvisories(in: text, context: context)
        let conventions = context.market.conventions
        let silencing = context.codeSpans(in: text).filter { $0.entry.silencesAdvisories == true }
        var kept: [RuleKeep] = []
        var matches: [RuleMatch] = []
        for m in advisories {
            if let code = silencing.first(where: { $0.range.overlaps(m.range) }) {
                kept.append(RuleKeep(range: code.range, entry: code.entry, in: conventions))
            } else {
                matches.append(m)
            }
        }
        return (matches, kept)
    }

    /// The regional supplies (Brazil's 127 V and 220 V, Japan's 50 Hz and 60 Hz) that the mains
    /// statements of a text fit: what the text says the product (or one of its versions) runs
    /// on. Negated statements ("not for 127 V outlets") and codes that silence advisories
    /// (`UL 94 V-0`, a tyre's `94V`) say nothing of the kind and count for nothing; nor do DC,
    /// low voltages and refresh rates.
    public struct MainsCoverage: Hashable, Sendable {
        public var voltages: Set<Double> = []
        public var frequencies: Set<Double> = []
        public init(voltages: Set<Double> = [], frequencies: Set<Double> = []) {
            self.voltages = voltages
            self.frequencies = frequencies
        }
        public mutating func formUnion(_ other: MainsCoverage) {
            voltages.formUnion(other.voltages)
            frequencies.formUnion(other.frequencies)
        }
        /// Whether every regional voltage (resp. frequency) of `e` is covered; true when `e` has none.
        func coversEveryVoltage(of e: MarketProfile.Electrical) -> Bool { e.regionalVoltages?.allSatisfy(voltages.contains) ?? true }
        func coversEveryFrequency(of e: MarketProfile.Electrical) -> Bool { e.regionalFrequencies?.allSatisfy(frequencies.contains) ?? true }
    }

    /// Whether the market's mains differ by region, so that a page is judged as a whole.
    static func hasRegionalMains(_ e: MarketProfile.Electrical) -> Bool {
        e.regionalVoltages != nil || e.regionalFrequencies != nil
    }

    /// What the mains statements of `text` cover of the market's regional supplies (see ``MainsCoverage``).
    /// The engine adds up every segment of a page, so that "220 V" in the spec table and "127 V
    /// version available" in the intro together describe a product for the whole of Brazil.
    public static func coverage(of text: String, context: AdaptationContext) -> MainsCoverage {
        let e = context.market.electrical
        guard hasRegionalMains(e) else { return MainsCoverage() }
        // "Bivolt" (the market's `everyRegionWords`) says 127 V and 220 V without a figure.
        if namesEveryRegion(text, words: e.everyRegionWords ?? []) {
            return MainsCoverage(voltages: Set(e.regionalVoltages ?? []), frequencies: Set(e.regionalFrequencies ?? []))
        }
        let voltages = voltage.matches(in: text, memo: Found.voltages), frequencies = frequency.matches(in: text, memo: Found.frequencies)
        guard !voltages.isEmpty || !frequencies.isEmpty else { return MainsCoverage() }
        let silencing = context.codeSpans(in: text).filter { $0.entry.silencesAdvisories == true }
        func counts(_ range: Range<String.Index>) -> Bool {
            !silencing.contains { $0.range.overlaps(range) } && !isNegated(range, in: text)
        }
        var out = MainsCoverage()
        for v in voltages where counts(v.range) {
            // "120/240 V split-phase" is one North American service with two legs, not a product
            // for either of Brazil's supplies.
            guard let rating = mainsRating(v, in: text), !splitPhase.occurs(in: text[v.range.upperBound...].prefix(16)) else { continue }
            for supply in e.regionalVoltages ?? [] where fitsDirectly(rating.values, isRange: rating.isRange, supply) { out.voltages.insert(supply) }
        }
        for f in frequencies where counts(f.range) && !isNotMains(f.range, in: text) {
            out.frequencies.formUnion(values(of: f).filter { e.regionalFrequencies?.contains($0) ?? false })
        }
        return out
    }

    /// Whether `text` says, in one of `words` (whole words, any case) outside a negation, that
    /// the product runs on every regional supply: "Bivolt motor", not "Not bivolt: 220 V only".
    static func namesEveryRegion(_ text: String, words: [String]) -> Bool {
        for word in words {
            var from = text.startIndex
            while let r = text.range(of: word, options: [.caseInsensitive, .diacriticInsensitive], range: from..<text.endIndex) {
                from = r.upperBound
                let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : nil
                let after = r.upperBound < text.endIndex ? text[r.upperBound] : nil
                let isWord: (Character?) -> Bool = { $0.map { $0.isLetter || $0.isNumber || $0 == "-" } ?? false }
                if !isWord(before), !isWord(after), !isNegated(r, in: text) { return true }
            }
        }
        return false
    }

    /// A mains voltage statement's values and whether they are a range; nil for DC and low voltages.
    private static func mainsRating(_ v: TextMatch, in text: String) -> (values: [Double], isRange: Bool)? {
        guard let lo = v.group(1).flatMap({ Double($0) }) else { return nil }
        let hi = v.group(3).flatMap { Double($0) }
        let unit = v.group(4) ?? ""
        let marker = v.group(5)
        let isDC = unit.uppercased().hasSuffix("DC") || marker == "DC" || marker == "⎓"
            || directCurrent.occurs(in: text[v.range.upperBound...].prefix(12))
        guard !isDC, (90...480).contains(max(lo, hi ?? lo)) else { return nil }
        return ([lo] + (hi.map { [$0] } ?? []), hi != nil && v.group(2) != "/")
    }

    /// A negation earlier in the same clause ("Not for 127 V outlets", "do not connect to 220 V"):
    /// the statement says what the product is not rated for.
    private static func isNegated(_ range: Range<String.Index>, in text: String) -> Bool {
        let before = text[..<range.lowerBound].suffix(48)
        // A parenthesis stays in its clause: "not for western Japan (60 Hz)".
        let clause = before.lastIndex(where: { ".;:,!?\n\u{FFFC}|".contains($0) }).map { before[before.index(after: $0)...] } ?? before
        return negation.occurs(in: clause)
    }

    /// A split-phase service named right after a voltage.
    private static let splitPhase = NSRegularExpression.compiled(#"^[\s,]*(?:AC\s)?split[\s-]?phase"#, options: .caseInsensitive)

    /// Words that turn a mains statement into a warning against that supply.
    private static let negation = NSRegularExpression.compiled(#"(?<![\p{L}])(?:not|never|don't|doesn't|cannot|can't|won't|mustn't|isn't|aren't|unsuitable|incompatible)(?![\p{L}])"#, options: .caseInsensitive)

    /// Every mains and plug statement that does not fit, before codes silence any.
    private func allAdvisories(in text: String, context: AdaptationContext) -> [RuleMatch] {
        let market = context.market
        var out: [RuleMatch] = []
        let frequencies = Self.frequency.matches(in: text, memo: Self.Found.frequencies)
        var usedFrequencies = Set<Range<String.Index>>()

        // Where the mains differ by region, the page is judged as a whole: a segment or page that
        // names a rating for every regional supply ("a 20 A breaker (115 V) or a 15 A double-pole
        // breaker (230 V)"; "220 V" in the spec table and "127 V version available" in the intro;
        // a 50 Hz and a 60 Hz model) describes a product for the whole market.
        var covered = Self.coverage(of: text, context: context)
        if let page = context.page?.mains { covered.formUnion(page) }
        let coversEveryRegion = covered.coversEveryVoltage(of: market.electrical)
        let coversEveryFrequency = covered.coversEveryFrequency(of: market.electrical)
        for v in Self.voltage.matches(in: text, memo: Self.Found.voltages) {
            guard let rating = Self.mainsRating(v, in: text) else { continue }
            let (values, isRange) = rating

            // A frequency right after the voltage belongs to the same statement.
            var range = v.range
            var stated: Set<Double>? = nil
            if let f = frequencies.first(where: { $0.range.lowerBound >= v.range.upperBound }),
               Self.link.occurs(in: text[v.range.upperBound..<f.range.lowerBound]) {
                range = v.range.lowerBound..<f.range.upperBound
                stated = Self.values(of: f)
                usedFrequencies.insert(f.range)
            }
            // A warning against a supply ("not for 127 V outlets") is no rating of the product.
            if Self.isNegated(v.range, in: text) { continue }
            var problems: [String] = []
            var regional: [String] = []
            if !Self.voltageFits(values, isRange: isRange, market: market.electrical) {
                problems.append("a product rated for \(Self.describe(values, isRange: isRange)) does not run on this supply without a transformer (or a model rated for it)")
            } else if !coversEveryRegion, let note = Self.regionalVoltage(values, isRange: isRange, market: market.electrical) {
                regional.append(note)
            }
            if let stated {
                if let note = Self.regionalFrequency(stated, market: market.electrical) {
                    if !coversEveryFrequency { regional.append(note) }
                } else if !stated.contains(market.electrical.frequency) {
                    problems.append(Self.frequencyProblem(stated, market: market.electrical))
                }
            }
            if !problems.isEmpty {
                out.append(advisory(range, problems + regional, market: market))
            } else if !regional.isEmpty {
                out.append(regionalAdvisory(range, regional, market: market))
            }
        }

        for f in frequencies where !usedFrequencies.contains(f.range) {
            let stated = Self.values(of: f)
            guard !Self.isNotMains(f.range, in: text), !Self.isNegated(f.range, in: text) else { continue }
            if let note = Self.regionalFrequency(stated, market: market.electrical) {
                if !coversEveryFrequency { out.append(regionalAdvisory(f.range, [note], market: market)) }
            } else if !stated.contains(market.electrical.frequency) {
                out.append(advisory(f.range, [Self.frequencyProblem(stated, market: market.electrical)], market: market))
            }
        }

        for p in Self.plug.matches(in: text, memo: Self.Found.plugs) {
            let types = Self.plugTypes(p)
            guard !types.isEmpty else { continue }
            if types.isDisjoint(with: market.electrical.plugs) {
                let names = types.sorted().joined(separator: "/")
                out.append(advisory(p.range, ["a Type \(names) plug does not fit the sockets there: ship the market's plug (or say an adapter is needed)"], market: market))
            } else if Self.isSplitPhaseNEMA(p), !Self.hasSplitPhase(market.electrical) {
                out.append(advisory(p.range, ["\(text[p.range]) is a 240 V configuration of the North American split-phase system, which the mains there does not have: name the connection the market uses (or say an electrician must fit one)"], market: market))
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func advisory(_ range: Range<String.Index>, _ problems: [String], market: MarketProfile) -> RuleMatch {
        let what = problems.joined(separator: "; ")
        return RuleMatch(range: range, rule: "electrical.mains", kind: .electrical, replacement: nil,
                         note: "Does not fit the mains in \(market.name): \(what). \(market.electrical.summary)")
    }

    /// A statement that fits only some regions of a market whose mains differ by region: a
    /// single-voltage or single-frequency product sells there, but not everywhere.
    private func regionalAdvisory(_ range: Range<String.Index>, _ notes: [String], market: MarketProfile) -> RuleMatch {
        RuleMatch(range: range, rule: "electrical.regional", kind: .electrical, replacement: nil,
                  note: "Fits only part of \(market.name): \(notes.joined(separator: "; ")). Say which regions it is for, or offer a model for the others. \(market.electrical.summary)")
    }

    /// "rated for 120 V, it runs where the mains is 127 V, not on 220 V", when the market's
    /// regional voltages are not all covered.
    static func regionalVoltage(_ values: [Double], isRange: Bool, market: MarketProfile.Electrical) -> String? {
        guard let regional = market.regionalVoltages else { return nil }
        let fitting = regional.filter { fitsDirectly(values, isRange: isRange, $0) }
        guard !fitting.isEmpty, fitting.count < regional.count else { return nil }
        let others = regional.filter { !fitting.contains($0) }
        return "rated for \(describe(values, isRange: isRange)), it runs where the mains is \(describe(fitting, isRange: false)), not on \(describe(others, isRange: false))"
    }

    /// Within 10 % of `supply` (or, for a range, `supply` inside it), without split phase.
    private static func fitsDirectly(_ values: [Double], isRange: Bool, _ supply: Double) -> Bool {
        if isRange, let lo = values.min(), let hi = values.max() { return supply > lo * 0.9 && supply < hi * 1.1 }
        return values.contains { abs($0 - supply) < 0.1 * supply }
    }

    /// "60 Hz only: runs where the mains is 60 Hz", when frequencies differ by region and the
    /// statement names only one.
    static func regionalFrequency(_ stated: Set<Double>, market: MarketProfile.Electrical) -> String? {
        guard let regional = market.regionalFrequencies else { return nil }
        let fitting = regional.filter(stated.contains)
        guard !fitting.isEmpty, fitting.count < regional.count else { return nil }
        let hz = fitting.map { String(Int($0)) }.joined(separator: "/")
        let others = regional.filter { !stated.contains($0) }.map { String(Int($0)) }.joined(separator: "/")
        return "built for \(hz) Hz only, it runs correctly where the mains is \(hz) Hz, not where it is \(others) Hz (motors, pumps, compressors and clocks)"
    }

    static func voltageFits(_ values: [Double], isRange: Bool, market: MarketProfile.Electrical) -> Bool {
        let supply = market.voltages + market.voltages.filter { (100...127).contains($0) }.map { $0 * 2 }
        if isRange, let lo = values.min(), let hi = values.max() {
            return supply.contains { $0 > lo * 0.9 && $0 < hi * 1.1 }
        }
        return values.contains { v in supply.contains { abs(v - $0) < 0.1 * $0 } }
    }

    private static func values(of f: TextMatch) -> Set<Double> {
        Set([f.group(1), f.group(2)].compactMap { $0.flatMap { Double($0) } })
    }

    private static func describe(_ values: [Double], isRange: Bool) -> String {
        let numbers = values.map { $0.rounded() == $0 ? String(Int($0)) : String($0) }
        return numbers.joined(separator: isRange ? "–" : "/") + " V"
    }

    private static func frequencyProblem(_ stated: Set<Double>, market: MarketProfile.Electrical) -> String {
        let hz = stated.sorted().map { String(Int($0)) }.joined(separator: "/")
        return "built for \(hz) Hz only, motors, pumps, compressors and clocks run at the wrong speed or overheat on \(Int(market.frequency)) Hz: confirm the \(Int(market.frequency)) Hz rating"
    }

    /// A refresh rate or an audio figure, judged from a few words around the number.
    private static func isNotMains(_ range: Range<String.Index>, in text: String) -> Bool {
        let before = text[..<range.lowerBound].suffix(24)
        let after = text[range.upperBound...].prefix(24)
        return notMains.occurs(in: before) || notMains.occurs(in: after)
    }

    /// A NEMA configuration other than 1- and 5- (6-, 10-, 14-, L-series, TT-30): a 240 V (or
    /// RV) receptacle that only a split-phase 120/240 V supply has, not just any Type B socket.
    private static func isSplitPhaseNEMA(_ p: TextMatch) -> Bool {
        guard let nema = p.group(1) else { return false }
        return nema.contains("TT") || !["1", "5"].contains(p.group(2).map(String.init) ?? "")
    }

    /// Mains with a second voltage around 240 V beside a 100–127 V one (the US and Canada's
    /// 120/240 V, Mexico's 127/220 V): where NEMA 6-, 14- and TT- receptacles are installed.
    private static func hasSplitPhase(_ e: MarketProfile.Electrical) -> Bool {
        e.voltages.contains { (100...127).contains($0) } && e.voltages.contains { abs($0 - 240) < 24 }
    }

    private static func plugTypes(_ p: TextMatch) -> Set<String> {
        if let nema = p.group(1) {
            // NEMA 1-xx is the unearthed Type A; every other NEMA (and RV TT-30) is earthed Type B family.
            return p.group(2) == "1" && !nema.contains("TT") ? ["A"] : ["B"]
        }
        if let a = p.group(3) {
            return Set([String(a)] + (p.group(4).map { [String($0)] } ?? []))
        }
        if let region = p.group(5) {
            return regionalPlugs[region.split(whereSeparator: \.isWhitespace).joined(separator: " ")] ?? []
        }
        if let prongs = p.group(6) {
            // "Prong" is North American usage: 2-prong is Type A, 3-prong the earthed Type B.
            return ["2", "two", "Two"].contains(String(prongs)) ? ["A"] : ["B"]
        }
        return []
    }
}

extension ElectricalRule {
    public static let description = RuleDescription(
        id: "electrical",
        name: "Mains voltage, frequency and plug",
        summary: "Flags voltage, frequency and plug statements that do not fit the market's mains supply, naming what the market uses.",
        rationale: """
        A 120 V product sold into a 230 V market burns out or needs a transformer; a 60 Hz-only motor runs slow and hot \
        on 50 Hz; a NEMA plug does not fit a Schuko socket. Copy that promises "plug in and go" with the wrong rating \
        is a returns, safety and liability problem, and only the product team can fix it (a different SKU, a plug, a \
        rating), so the rule advises rather than rewrites. Universal supplies (100–240 V, 50/60 Hz) and low-voltage or \
        battery DC (12 V, 20V MAX, 5 V USB) raise nothing; split-phase 240 V is normal in 120 V countries. Where \
        the mains differ by region (Brazil 127 or 220 V, Japan 50 or 60 Hz), a single rating is not a misfit but fits \
        only part of the market: that is a regional advisory asking the copy to say which regions it is for. That is \
        judged per page, not per sentence: when the spec table says 220 V and the intro "127 V version available", or \
        the page lists a 50 Hz and a 60 Hz model, the product covers the market and nothing is raised; a warning \
        ("not for 127 V outlets") is no rating and covers nothing. A regional advisory is raised once per page.
        """,
        kind: .electrical,
        passing: [
            RuleExample("Input: 100-240V, 50/60Hz.", market: "de"),
            RuleExample("Housing: UL 94 V-0 rated ABS", market: "br"),
            RuleExample("Universal adapter, AC 100-240V.", market: "jp"),
            RuleExample("Power supply 100–240 V ~ 50/60Hz.", market: "uk"),
            RuleExample("20V MAX lithium battery with 5V/3A USB-C output.", market: "br"),
            RuleExample("48V battery and 12V accessory port.", market: "de"),
            RuleExample("Rated 120V AC, 60 Hz.", market: "us"),
            RuleExample("Needs a 240 V dryer outlet (NEMA 14-30R).", market: "us"),
            RuleExample("Fits a standard NEMA 5-15 outlet.", market: "ca"),
            RuleExample("220-240V~ 50Hz", market: "de"),
            RuleExample("220V 50Hz, Type I plug", market: "cn"),
            RuleExample("Supports a 60 Hz refresh rate.", market: "de"),
            RuleExample("Type G plug included.", market: "uk"),
            RuleExample("127 V / 220 V, 60 Hz", market: "br"),
            RuleExample("230-240V 50Hz with a Type I plug.", market: "au"),
            RuleExample("Rated 100 V.", market: "jp"),
            RuleExample("Works on 220V 60Hz.", market: "sa"),
            RuleExample("Battery pack: 380 V DC.", market: "us"),
            RuleExample("Bivolt 127/220 V, 60 Hz.", market: "br"),
            RuleExample("Use a 20 A breaker (115 V) or a 15 A double-pole breaker (230 V).", market: "br"),
            RuleExample("Rated 100 V, 50/60 Hz.", market: "jp"),
            RuleExample("Level 2 charging station, hardwired or NEMA 14-50 plug.", market: "us"),
            RuleExample("Window AC with a NEMA 6-20P plug.", market: "ca"),
            // Tyre service descriptions (Resources/Conventions/automotive.yaml): 94V is a load index and speed symbol.
            RuleExample("All-season touring tyre, 225/45R17 94V XL.", market: "de"),
            RuleExample("- Load index / speed rating: 94V", market: "uk"),
            // Where the mains differ by region, a text (or page) that covers every region raises nothing.
            RuleExample("Model HX-127: 127 V. Model HX-220: 220 V.", market: "br"),
            RuleExample("Rated 220 V, 60 Hz; a 127 V version is available.", market: "br"),
            RuleExample("50 Hz model for eastern Japan, 60 Hz model for western Japan.", market: "jp"),
            RuleExample("Rated 100 V, 60 Hz (a 50 Hz version is sold for eastern Japan).", market: "jp"),
            // "Bivolt" (br.yaml `electrical.everyRegionWords`) says 127 V and 220 V without a figure.
            RuleExample("Bivolt motor, rated power 1,200 W at 220 V.", market: "br"),
            // A warning against a supply is no rating of the product.
            RuleExample("Do not connect to 127 V outlets.", market: "br"),
        ],
        failing: [
            RuleExample("Rated 120V AC, 60 Hz.", market: "de", flagged: ["120V AC, 60 Hz"]),
            RuleExample("Motor: 110V/60Hz.", market: "uk", flagged: ["110V/60Hz"]),
            RuleExample("Switchable 115/230 V.", market: "jp", flagged: ["115/230 V"]),
            RuleExample("Input 220-240V~ 50Hz.", market: "br", flagged: ["220-240V~ 50Hz"]),
            RuleExample("Input 220-240V~ 50Hz.", market: "us", flagged: ["220-240V~ 50Hz"]),
            RuleExample("Induction motor wound for 60 Hz.", market: "de", flagged: ["60 Hz"]),
            RuleExample("Ships with a NEMA 5-15P plug.", market: "uk", flagged: ["NEMA 5-15P"]),
            RuleExample("NEMA 6-30P cord for the welder.", market: "au", flagged: ["NEMA 6-30P"]),
            RuleExample("Connects to a TT-30R RV outlet.", market: "de", flagged: ["TT-30R"]),
            RuleExample("Comes with a US plug.", market: "br", flagged: ["US plug"]),
            RuleExample("Type A plug, 120 V.", market: "uk", flagged: ["Type A plug", "120 V"]),
            RuleExample("Grounded 3-prong plug.", market: "au", flagged: ["3-prong plug"]),
            RuleExample("Comes with a US plug.", market: "sa", flagged: ["US plug"]),
            RuleExample("Input 220-240V~ 50Hz.", market: "sa", flagged: ["220-240V~ 50Hz"]),
            RuleExample("Plug it into any 120V outlet.", market: "cn", flagged: ["120V"]),
            RuleExample("European model: 230V 50Hz, Schuko plug.", market: "jp", flagged: ["230V 50Hz", "Schuko plug"]),
            RuleExample("Rated 100 V.", market: "uk", flagged: ["100 V"]),
            // Markets whose mains differ by region: a single rating fits part of the market.
            RuleExample("Rated 120 V.", market: "br", flagged: ["120 V"]),
            RuleExample("Input 220-240V, 60 Hz.", market: "br", flagged: ["220-240V, 60 Hz"]),
            RuleExample("Motor: 100 V, 60 Hz.", market: "jp", flagged: ["100 V, 60 Hz"]),
            RuleExample("Induction motor wound for 50 Hz.", market: "jp", flagged: ["50 Hz"]),
            // A negated rating covers no region: the product is 220 V only.
            RuleExample("Not for 127 V outlets: 220 V only.", market: "br", flagged: ["220 V"]),
            RuleExample("Heater rated 220 V; never plug it into 127 V.", market: "br", flagged: ["220 V"]),
            RuleExample("Not bivolt: rated 220 V only.", market: "br", flagged: ["220 V"]),
            RuleExample("Pump motor: 100 V, 60 Hz. Not for use on 50 Hz.", market: "jp", flagged: ["100 V, 60 Hz"]),
            RuleExample("Motor 100 V, 50 Hz only. Not compatible with western Japan (60 Hz).", market: "jp", flagged: ["100 V, 50 Hz"]),
            // A US split-phase service (120/240 V) is no version for either Brazilian supply.
            RuleExample("Output: 120/240 V split-phase. Generator input: 240 V.", market: "br", flagged: ["240 V"]),
            // Japan lists Type B sockets, but no 240 V split-phase receptacles (trap corpus: ev-level2-jp-flag).
            RuleExample("Level 2 charging station, hardwired or NEMA 14-50 plug.", market: "jp", flagged: ["NEMA 14-50"]),
        ]
    )
}
