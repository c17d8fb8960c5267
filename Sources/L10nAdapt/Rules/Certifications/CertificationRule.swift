import L10nCore

/// Flags certification marks the copy cites (UL, FCC, CE, PSE, NSF/ANSI 61…) that are foreign to
/// the market, and says what the market requires instead, from its `certifications` regimes.
///
/// Per segment (the engine's unit), for the product categories in play (``AdaptationContext/categories``
/// when given, else inferred from the text by ``ProductCategories``):
/// - one advisory per foreign mark and category it would attest there: "UL is a US/Canadian
///   safety mark; Brazil requires INMETRO (Inmetro) for electrical safety: <the market's note>";
/// - for a category whose required mark the segment does not name at all (and no foreign mark
///   already led to), one advisory at the first mark of the segment. Segments without any mark
///   raise nothing, so a page is not flooded sentence by sentence.
///
/// A mark is the market's own when the market's `required` lists name it (read with the same
/// mark catalog, so `[UKCA, CE]` works) or when it is at home in the market's region (CE in the
/// EU and in Great Britain, which accepts CE for most goods). Any one mark of `required`
/// satisfies a category here (the market's note says when several are needed together).
public struct CertificationRule: AdaptationRule {
    public init() {}

    public static func applies(to context: AdaptationContext) -> Bool { !context.market.certifications.isEmpty }

    public func matches(in text: String, context: AdaptationContext) -> [RuleMatch] {
        let found = context.certificationMarks(in: text)
        guard let first = found.first else { return [] }
        let market = context.market
        let region = Self.region(of: market)
        let categories = context.categories.isEmpty ? ProductCategories.infer(from: text, marks: found.map(\.mark)) : context.categories

        // Which catalog marks each regime's `required` strings name.
        var accepted: [String: Set<String>] = [:]
        for (category, regime) in market.certifications {
            accepted[category] = Set(regime.required.flatMap { CertificationMark.named($0).map(\.id) })
        }
        let acceptedAnywhere = accepted.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        // For a regime that needs all its marks: the `required` entries no cited mark answers.
        func missing(_ category: String) -> [String] {
            guard let regime = market.certifications[category], regime.match == .all else { return [] }
            return regime.required.filter { entry in
                let ids = Set(CertificationMark.named(entry).map(\.id))
                return !found.contains { ids.contains($0.mark.id) }
            }
        }
        func satisfied(_ category: String) -> Bool {
            if market.certifications[category]?.match == .all { return missing(category).isEmpty }
            return found.contains { f in
                accepted[category, default: []].contains(f.mark.id)
                    || (f.mark.mandatory && f.mark.regions.contains(region) && f.mark.categories.contains(category))
            }
        }
        func isRegulated(_ category: String) -> Bool { market.certifications[category] != nil }
        func namesMarks(_ category: String) -> Bool { !(market.certifications[category]?.required.isEmpty ?? true) }

        var out: [RuleMatch] = []
        var advised = Set<String>()
        for (range, mark) in found where !mark.regions.contains(region) && !acceptedAnywhere.contains(mark.id) {
            let inPlay = mark.categories.filter(categories.contains)
            let relevant = (inPlay.isEmpty ? Array(mark.categories.prefix(1)) : inPlay).filter(isRegulated)
            for category in relevant {
                advised.insert(category)
                out.append(advisory(range, "\(mark.id) is \(mark.what); \(Self.requirement(category, market))", category: category))
            }
        }
        for category in categories.sorted() where namesMarks(category) && !advised.contains(category) && !satisfied(category) {
            let lacking = missing(category), required = market.certifications[category]?.required ?? []
            if !lacking.isEmpty, lacking.count < required.count {
                let named = required.filter { !lacking.contains($0) }
                out.append(advisory(first.range, "The text names \(named.joined(separator: " and ")) but not \(lacking.joined(separator: " and ")), which \(market.name) also requires for \(ProductCategories.displayName(category)); \(Self.requirement(category, market))", category: category))
            } else {
                out.append(advisory(first.range, "The text names no \(market.name) mark for \(ProductCategories.displayName(category)); \(Self.requirement(category, market))", category: category))
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func advisory(_ range: Range<String.Index>, _ note: String, category: String) -> RuleMatch {
        RuleMatch(range: range, rule: "certifications", kind: .certification, replacement: nil, note: note)
    }

    /// "Brazil requires INMETRO (Inmetro) for electrical safety: <note>". Several marks are
    /// written "UKCA / CE": the market's note says whether they are alternatives or all needed.
    private static func requirement(_ category: String, _ market: MarketProfile) -> String {
        guard let regime = market.certifications[category] else { return "" }
        let authority = regime.authority.map { " (\($0))" } ?? ""
        let what = ProductCategories.displayName(category)
        if regime.required.isEmpty {
            return "\(market.name) has no mark for \(what)\(authority): \(regime.note)"
        }
        let marks = regime.match == .all ? regime.required.joined(separator: " and ") : regime.required.joined(separator: " / ")
        return "\(market.name) requires \(marks)\(authority) for \(what): \(regime.note)"
    }

    /// The market's ISO 3166 region, from its locale (`pt_BR` → BR).
    static func region(of market: MarketProfile) -> String {
        let region = LanguageTag(market.locale)?.region ?? LanguageTag(market.language)?.region ?? market.id.uppercased()
        return region == "UK" ? "GB" : region
    }
}

extension CertificationRule {
    public static let description = RuleDescription(
        id: "certifications",
        name: "Certification marks",
        summary: "Flags certification marks that mean nothing (or the wrong thing) in the market and names the mark the market requires for the product's category.",
        rationale: """
        "UL Listed" or "FCC Part 15" reassures a US buyer and tells a Brazilian one nothing; worse, a page that claims \
        only foreign marks suggests the product was never approved where it is sold (Brazil requires INMETRO for \
        electrical safety and ANATEL for radios, Japan PSE and MIC radio approval, China CCC, the UK UKCA or CE). \
        Whether the product holds the local approval is a regulatory fact only the exporter knows, so the rule advises: \
        it names the foreign mark, what the market requires for the category, and the market's own note. Marks at home \
        in the market (CE in Germany, UKCA or CE in Great Britain) raise nothing.
        """,
        kind: .certification,
        passing: [
            RuleExample("CE marked; RoHS compliant, WEEE registered.", market: "de"),
            RuleExample("UKCA and CE marked.", market: "uk"),
            RuleExample("CE marked for the EU and Great Britain.", market: "uk"),
            RuleExample("UL Listed, FCC Part 15 compliant.", market: "us"),
            RuleExample("cULus listed; IC: 1234A-X100.", market: "ca"),
            RuleExample("Certified by INMETRO and approved by ANATEL.", market: "br"),
            RuleExample("PSE and TELEC certified.", market: "jp"),
            RuleExample("CCC certified.", market: "cn"),
            RuleExample("SASO certified.", market: "sa"),
            RuleExample("RCM compliant.", market: "au"),
            RuleExample("A message from our CEO about ACE and CEMENT.", market: "jp"),
            RuleExample("Bluetooth 5.3 speaker with a 12-hour battery.", market: "br"),
        ],
        failing: [
            RuleExample("UL Listed for safety.", market: "br", flagged: ["UL Listed"]),
            RuleExample("FCC ID: 2ABCD-X100", market: "de", flagged: ["FCC ID: 2ABCD-X100"]),
            RuleExample("cULus certified power supply.", market: "uk", flagged: ["cULus"]),
            RuleExample("CCC certified charger.", market: "jp", flagged: ["CCC"]),
            RuleExample("Carries the PSE mark.", market: "cn", flagged: ["PSE"]),
            RuleExample("Bluetooth speaker, UL Listed.", market: "br", flagged: ["UL Listed", "UL Listed"]),
            RuleExample("Wi-Fi module, CE-compliant.", market: "jp", flagged: ["CE"]),
            RuleExample("UKCA marked.", market: "de", flagged: ["UKCA"]),
            RuleExample("ETL Listed and CE marked.", market: "cn", flagged: ["ETL Listed", "CE"]),
            RuleExample("KC certified.", market: "uk", flagged: ["KC"]),
            RuleExample("CE marked.", market: "us", flagged: ["CE"]),
            RuleExample("UL Listed.", market: "sa", flagged: ["UL Listed"]),
            RuleExample("UL Listed.", market: "au", flagged: ["UL Listed"]),
            // The EU needs RoHS *and* WEEE (match: all): one of them is not enough.
            RuleExample("CE marked and RoHS compliant.", market: "de", flagged: ["CE"]),
        ]
    )
}
