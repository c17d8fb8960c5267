import Foundation

/// Dates rewritten in the market's convention: numeric dates in the market's order, written-out
/// dates with the market's pattern and month names.
public struct DateRule: AdaptationRule {
    public init() {}

    public static func applies(to context: AdaptationContext) -> Bool {
        context.formattingLocale != context.sourceLanguage.icuLocale
    }

    public func matches(in text: String, context: AdaptationContext) -> [RuleMatch] {
        guard text.containsASCIIDigit else { return [] }
        // en-US, the usual source, without making its ICU locale id per segment.
        let usual = context.sourceLanguage.rawValue == "en-US"
        let reader = usual ? Self.usReader : SourceDateReader(localeID: context.sourceLanguage.icuLocale)
        let found = usual ? Self.usDates(in: text) : reader.dates(in: text)
        guard !found.isEmpty else { return [] }
        let formatter = MarketFormatter(localeID: context.formattingLocale)
        let market = context.market
        let id = Self.description.id
        var matches: [RuleMatch] = []
        for date in found {
            guard let day = MarketFormatter.day(year: date.year, month: date.month, day: date.day) else { continue }
            let iso = String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
            let written: String
            let note: String
            switch date.form {
            case .numeric:
                written = formatter.date(day, pattern: market.dates.pattern)
                let order = reader.order.map { field in field == .year ? "year" : field == .month ? "month" : "day" }.joined(separator: "/")
                note = "Read as \(iso) (\(context.sourceLanguage) writes \(order)); written \(market.dates.pattern) as in \(market.name)."
            case .written:
                if let weekday = date.weekday {
                    guard weekday == MarketFormatter.weekday(of: day) else {
                        matches.append(RuleMatch(range: date.range, rule: id, kind: .date, replacement: nil,
                                                 note: "The weekday does not match \(iso); check the date, then write it for \(market.name)."))
                        continue
                    }
                    written = formatter.fullDate(day)
                    note = "Written-out date with its weekday, in \(formatter.localeID)'s full date form (CLDR)."
                } else {
                    written = formatter.date(day, pattern: market.dates.longPattern)
                    note = "Written-out date in \(market.name)'s form (\(market.dates.longPattern)), month names from CLDR \(formatter.localeID)."
                }
            case .monthDay:
                written = formatter.date(day, template: "MMMMd")
                note = "Day and month in \(formatter.localeID)'s order, month name from CLDR."
            case .monthYear:
                written = formatter.date(day, template: "yMMMM")
                note = "Month and year in \(formatter.localeID)'s form, month name from CLDR."
            }
            guard written != text[date.range] else { continue }
            matches.append(RuleMatch(range: date.range, rule: id, kind: .date, replacement: written, note: note))
        }
        return matches
    }

    /// The usual source's reader, built once (its CLDR names and order never change).
    private static let usReader = SourceDateReader(localeID: "en_US")

    /// The en-US reader's dates by text (see ``TextMemo``): the same for every market.
    static let usDatesMemo = TextMemo<[(Range<Int>, SourceDateReader.Found)]>()

    private static func usDates(in text: String) -> [SourceDateReader.Found] {
        usDatesMemo.value(for: text) { usReader.dates(in: text).map { (text.utf8Offsets(of: $0.range), $0) } }.map { offsets, found in
            var found = found
            found.range = text.range(utf8Offsets: offsets)
            return found
        }
    }

    public static let description = RuleDescription(
        id: "dates",
        name: "Dates",
        summary: "Reads dates the way the source locale writes them and rewrites them in the market's order, pattern and month names.",
        rationale: """
            "03/04/2026" is 4 March in the US and 3 April almost everywhere else: left as written, a launch or \
            warranty date is misread. Numeric dates are read with the source locale's order (CLDR) and written with \
            the market's numeric pattern; written-out dates get the market's long pattern with month names from CLDR \
            ("4 de março de 2026", "2026年3月4日"). ISO dates (2026-03-04) mean the same everywhere and stay; \
            impossible dates and two-part forms (1/2, 24/7, 50/60Hz, 3/4) are not dates and stay too. Dates are \
            always Gregorian, also where CLDR's default calendar is another (ar_SA).
            """,
        kind: .date,
        passing: [
            RuleExample("Ships 03/04/2026, or on March 4, 2026.", market: "us"),
            RuleExample("Released 2026-03-04.", market: "de"),
            RuleExample("Support 24/7; fits 1/2 and 3/4 in pipes; 50/60Hz; 100/240 V.", market: "br"),
            RuleExample("Invalid: 13/45/2026.", market: "br"),
            RuleExample("Model 2026-X, firmware 1.2.2026.", market: "fr"),
            RuleExample("Call 1-800-555-0199.", market: "de"),
            RuleExample("Launch: 4 March 2026.", market: "uk"),
            RuleExample("Gigabit 10/100/1000 Mbps.", market: "jp"),
        ],
        failing: [
            RuleExample("Ships 03/04/2026.", market: "br", expected: "Ships 04/03/2026."),
            RuleExample("Ships 03/04/2026.", market: "de", expected: "Ships 04.03.2026."),
            RuleExample("Ships 03/04/2026.", market: "jp", expected: "Ships 2026/03/04."),
            RuleExample("Ships 03/04/2026.", market: "uk", expected: "Ships 04/03/2026."),
            RuleExample("Ships 3/4/26.", market: "fr", expected: "Ships 04/03/2026."),
            RuleExample("Ships 03-04-2026.", market: "es", expected: "Ships 04/03/2026."),
            RuleExample("Ships 12/25/2026.", market: "mx", expected: "Ships 25/12/2026."),
            RuleExample("Ships 03/04/2026.", market: "cn", expected: "Ships 2026/3/4."),
            RuleExample("Launch: March 4, 2026.", market: "sa", expected: "Launch: 4 مارس 2026."),
            RuleExample("Launch: March 4, 2026.", market: "br", expected: "Launch: 4 de março de 2026."),
            RuleExample("Launch: Mar. 4, 2026.", market: "de", expected: "Launch: 4. März 2026."),
            RuleExample("Launch: March 4, 2026.", market: "jp", expected: "Launch: 2026年3月4日."),
            RuleExample("Launch: March 4, 2026.", market: "uk", expected: "Launch: 4 March 2026."),
            RuleExample("Launch: March 4, 2026.", market: "in", expected: "Launch: 4 March 2026."),
            RuleExample("Launch: 4 March 2026.", market: "fr", expected: "Launch: 4 mars 2026."),
            RuleExample("Launch: Sept. 30, 2026.", market: "es", expected: "Launch: 30 de septiembre de 2026."),
            RuleExample("Launch: Wednesday, March 4, 2026.", market: "br", expected: "Launch: quarta-feira, 4 de março de 2026."),
            RuleExample("Launch: Wednesday, March 4, 2026.", market: "de", expected: "Launch: Mittwoch, 4. März 2026."),
            RuleExample("Pre-orders open March 4.", market: "br", expected: "Pre-orders open 4 de março."),
            RuleExample("Available March 2026.", market: "de", expected: "Available März 2026."),
            RuleExample("Launch: March 4, 2026.", market: "ae", expected: "Launch: 4 مارس 2026."),
        ]
    )
}
