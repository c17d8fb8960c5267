import Foundation
import L10nCore

/// Quantities written US-style (`1,500`, `3.5`, `95.5%`) rewritten with the market's decimal
/// and grouping marks.
public struct NumberRule: AdaptationRule {
    public init() {}

    public static func applies(to context: AdaptationContext) -> Bool {
        SourceNumbers.readsUSNumbers(context.sourceLanguage) && context.formattingLocale != context.sourceLanguage.icuLocale
    }

    public func matches(in text: String, context: AdaptationContext) -> [RuleMatch] {
        guard text.containsASCIIDigit else { return [] }
        var formatter: MarketFormatter?
        var matches: [RuleMatch] = []
        for hit in Self.candidate.scan(text) {
            guard let literal = hit.group("n"), let number = USNumber(literal) else { continue }
            let isPercent = hit.range("pct") != nil
            let after = text[hit.range.upperBound...]
            let glued = after.prefix(while: \.isLetter)
            let nextWord = Self.word(after: hit.range.upperBound, in: text)
            // Ordinals, codes and versions glued to letters (1,000th, 802.11ac); units are fine (2.4GHz, 1.5x).
            if !glued.isEmpty, isPercent || !Self.units.contains(String(glued)) { continue }
            if Self.isIdentifierContext(before: hit.range.lowerBound, in: text) { continue }
            if let nextWord, Self.currencyCodes.contains(nextWord) || (number.fractionDigits > 0 && FigureWords.channels.contains(nextWord.lowercased())) { continue }
            if !isPercent && !number.isGrouped && number.fractionDigits == 0 {
                // Ungrouped integers are as often identifiers as quantities (ZIP codes, EN 55032,
                // part numbers, years): only large quantities with a unit are regrouped.
                guard number.value >= 10_000, let unit = glued.isEmpty ? nextWord : String(glued), Self.units.contains(unit) else { continue }
            }
            if literal.first == "0", number.value >= 1 { continue }   // 007, 0123: codes
            if literal.hasPrefix("802.") { continue }   // IEEE 802.x network standards (802.11ac, 802.3bt)
            let f = formatter ?? MarketFormatter(localeID: context.formattingLocale)
            formatter = f
            let written = isPercent ? f.percent(number.value, fractionDigits: number.fractionDigits) : f.number(number.value, fractionDigits: number.fractionDigits)
            guard written != text[hit.range] else { continue }
            let note = isPercent
                ? "Percentage written as \(f.localeID) writes it (CLDR: decimal mark, sign and spacing)."
                : "Decimal and grouping marks as \(f.localeID) writes them (CLDR)."
            matches.append(RuleMatch(range: hit.range, rule: Self.description.id, kind: .number, replacement: written, note: note))
        }
        return matches
    }

    /// A number not inside a larger token: no letter, digit, `.`, `,`, `#`, `/`, `:`, currency
    /// sign, `@` or letter-and-hyphen (`XP-2000.5`) before it, and no further digit group, time
    /// or version part after it. A percent sign (`95.5%`, `95.5 %`) belongs to the number.
    static let candidate = NSRegularExpression.compiled(
        "(?<![\\p{L}\\p{N}_.,#@/\\\\:$€£¥₹])(?<!\\p{L}-)(?<n>\(USNumber.pattern))(?<pct>[ \\u00A0]?%)?(?![0-9]|[.,:][0-9])"
    )

    /// The word right after `index`, past one space or hyphen (`1,500 W`, `3.5-inch`).
    private static func word(after index: String.Index, in text: String) -> String? {
        var i = index
        if i < text.endIndex, " \u{00A0}-".contains(text[i]) { i = text.index(after: i) }
        let word = text[i...].prefix(while: { $0.isLetter })
        return word.isEmpty ? nil : String(word)
    }

    /// Whether the word before `index` makes the number a name rather than a quantity:
    /// versions (Bluetooth 5.3, USB 3.2, iOS 17.4), standards (UL 1741, IEC 62368-1, ANSI/NSF 61),
    /// model, part, class and grade numbers (Grade 8.8). Also as a label: "Bluetooth: 5.3",
    /// "**Firmware:** 2.1", "| Bluetooth | 5.3", or with markup (a code, U+FFFC) in between.
    private static func isIdentifierContext(before index: String.Index, in text: String) -> Bool {
        var i = index
        while i > text.startIndex, labelGap.contains(text[text.index(before: i)]) { i = text.index(before: i) }
        guard i < index else { return false }   // the number must be separated from the word
        var start = i
        while start > text.startIndex {
            let c = text[text.index(before: start)]
            guard c.isLetter || c.isNumber || "-/®™.".contains(c) else { break }
            start = text.index(before: start)
        }
        let token = text[start..<i].split(whereSeparator: { "/".contains($0) }).last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "®™.")) } ?? ""
        return FigureWords.identifiers.contains(token.lowercased())
    }

    /// What may stand between a label and its value.
    private static let labelGap: Set<Character> = [" ", "\u{00A0}", "\t", ":", "*", "_", "|", "\u{FFFC}"]

    /// ISO 4217 codes: "1,299.00 EUR" is a price in another currency, left to its writer.
    static let currencyCodes: Set<String> = Set(Locale.commonISOCurrencyCodes)

    /// Unit symbols and names a number may carry (glued, or after a space for large integers):
    /// the units vocabulary plus electrical, lighting, data and time units of product copy.
    static let units: Set<String> = {
        var units = Set(MeasureUnit.all.flatMap { [$0.id, $0.symbol] }.filter { $0.allSatisfy(\.isLetter) })
        units.subtract(["st", "ac"])   // read as ordinals and standard names when glued (1st, 802.11ac)
        units.formUnion([
            "V", "kV", "mV", "A", "mA", "W", "kW", "MW", "mW", "Wh", "kWh", "MWh", "Ah", "mAh", "VA", "kVA", "Hz", "kHz", "MHz",
            "GHz", "rpm", "RPM", "lm", "lx", "cd", "K", "dB", "dBA", "nits", "nit", "ppi", "dpi", "fps", "MP", "Mbps",
            "Gbps", "MB", "GB", "TB", "KB", "kB", "mAh", "BTU", "Btu", "lbs", "mph", "x", "X", "h", "hr", "hrs", "hours",
            "min", "mins", "minutes", "s", "sec", "seconds", "ms", "cycles", "lumens", "watts", "volts", "amps", "feet",
            "foot", "inches", "inch", "pounds", "ounces", "gallons", "liters", "litres", "meters", "metres", "miles",
            "psi", "Pa", "kPa", "MPa", "N", "Nm", "mL", "L", "mg", "kg", "g", "lb", "oz", "mm", "cm", "m", "km", "in", "ft",
        ])
        return units
    }()

    public static let description = RuleDescription(
        id: "numbers",
        name: "Numbers",
        summary: "Rewrites US-style decimals, thousands separators and percentages with the market's marks (CLDR).",
        rationale: """
            "1,500" is fifteen hundred in the US and one-and-a-half in Brazil, Germany or France; "3.5" reads as \
            thirty-five thousand there. Quantities are rewritten with the market locale's marks from CLDR, including its \
            minimum grouping digits (Spanish writes 1500 but 12.000) and Indian lakh grouping (1,00,000); percentages \
            take the locale's spacing ("95,5 %"). Digits stay Latin in every market, Arabic ones included, as Gulf \
            shops and spec sheets write them. Names that contain numbers stay: versions (Bluetooth 5.3, v2.1), \
            standards (UL 1741, IEC 62368-1), model and part numbers, years, times, phone numbers, IP addresses, \
            ordinals and #1. Ungrouped integers stay unless they are 10000 or more and carry a unit (10000 mAh).
            """,
        kind: .number,
        passing: [
            RuleExample("Rated 1,500 W with a 3.5 mm jack.", market: "us"),
            RuleExample("Rated 1,500 W with a 3.5 mm jack.", market: "uk"),
            RuleExample("Rated 1,500 W with a 3.5 mm jack.", market: "jp"),
            RuleExample("Rated 1,500 W with a 3.5 mm jack.", market: "mx"),
            RuleExample("Rated 1,500 W with a 3.5 mm jack.", market: "cn"),
            RuleExample("Rated 1,500 W with a 3.5 mm jack.", market: "ae"),
            RuleExample("Bluetooth 5.3, USB 3.2, Wi-Fi 6, v2.1, IP65 and IPX7.", market: "de"),
            RuleExample("Certified to ANSI/NSF 61, UL 1741, IEEE 1547 and IEC 62368-1.", market: "br"),
            RuleExample("Since 2026, at 3:30 pm; call 555.123.4567; LAN 192.168.1.1.", market: "fr"),
            RuleExample("The 1st and #1 choice: 1,000th unit, 802.11ac, Dolby 5.1 surround.", market: "de"),
            RuleExample("Holds 1500 items; Austin, TX 78701.", market: "es"),
            RuleExample("Sizes 10,12,14.", market: "br"),
            RuleExample("Men's US 10.5, UL 94 V-0 housing, XR-2.5 blower, firmware 1.10", market: "de"),
            RuleExample("Tyres: 225/45 R17 94W, bolt pattern 5x114.3, ET45", market: "br"),
        ],
        failing: [
            RuleExample("Rated 1,500 W with a 3.5 mm jack.", market: "br", expected: "Rated 1.500 W with a 3,5 mm jack."),
            RuleExample("Rated 1,500 W with a 3.5 mm jack.", market: "de", expected: "Rated 1.500 W with a 3,5 mm jack."),
            RuleExample("Rated 1,500 W with a 3.5 mm jack.", market: "fr", expected: "Rated 1\u{202F}500 W with a 3,5 mm jack."),
            RuleExample("Rated 1,500 W with a 3.5 mm jack.", market: "es", expected: "Rated 1500 W with a 3,5 mm jack."),
            RuleExample("Over 12,000 reviews, 0.75 in thick.", market: "es", expected: "Over 12.000 reviews, 0,75 in thick."),
            RuleExample("Over 100,000 sold.", market: "in", expected: "Over 1,00,000 sold."),
            RuleExample("Efficiency 95.5%.", market: "fr", expected: "Efficiency 95,5\u{00A0}%."),
            RuleExample("Efficiency 95.5%.", market: "de", expected: "Efficiency 95,5\u{00A0}%."),
            RuleExample("Efficiency 95.5%.", market: "br", expected: "Efficiency 95,5%."),
            RuleExample("Efficiency 95.5%.", market: "sa", expected: "Efficiency 95.5٪."),
            RuleExample("A 2.4GHz radio, 1.5x zoom, 4.5/5 stars.", market: "de", expected: "A 2,4GHz radio, 1,5x zoom, 4,5/5 stars."),
            RuleExample("A 20000 mAh pack.", market: "de", expected: "A 20.000 mAh pack."),
            RuleExample("Between 1,500-2,000 rpm.", market: "br", expected: "Between 1.500-2.000 rpm."),
        ]
    )
}
