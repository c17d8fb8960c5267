import Foundation

/// US-dollar prices written the way the market writes money, converted only when the user gave
/// an exchange rate.
public struct CurrencyRule: AdaptationRule {
    public init() {}

    /// The currency prices are written in on source pages.
    static let sourceCurrency = "USD"

    public static func applies(to context: AdaptationContext) -> Bool {
        guard SourceNumbers.readsUSNumbers(context.sourceLanguage) else { return false }
        return context.formattingLocale != context.sourceLanguage.icuLocale || conversion(in: context) != nil
    }

    public func matches(in text: String, context: AdaptationContext) -> [RuleMatch] {
        guard text.contains("$") || text.contains("USD") else { return [] }
        let formatter = MarketFormatter(localeID: context.formattingLocale)
        let rate = Self.conversion(in: context)
        var matches: [RuleMatch] = []
        for price in USPrice.find(in: text) {
            let written: String
            let note: String
            if let rate {
                written = Self.converted(price, rate: rate, formatter: formatter)
                note = "Converted at 1 \(rate.from) = \(Self.display(rate.rate)) \(rate.to), the rate of \(rate.date): "
                    + "an indicative price; confirm the local price before publishing."
            } else {
                written = Self.restyled(price, formatter: formatter)
                note = "Kept in US dollars (no exchange rate given), written as \(formatter.localeID) writes them (CLDR)."
            }
            guard written != text[price.range] else { continue }
            let magnitude = price.hasMagnitude ? " The amount is written out in full, so no magnitude word or suffix needs translating." : ""
            matches.append(RuleMatch(range: price.range, rule: Self.description.id, kind: .currency, replacement: written, note: note + magnitude))
        }
        return matches
    }

    /// The rate into the market's currency, when the user gave one and the market does not use dollars.
    static func conversion(in context: AdaptationContext) -> ExchangeRates.Rate? {
        context.rates?.rate(from: sourceCurrency, to: context.market.currency)
    }

    /// Still US dollars, as precise as the source (`$49` stays whole, `$49.99` keeps its cents).
    static func restyled(_ price: USPrice, formatter: MarketFormatter) -> String {
        let sign: Decimal = price.isNegative ? -1 : 1
        let lower = (value: sign * price.lower.value, digits: price.lower.fractionDigits)
        let upper = price.upper.map { (value: $0.value, digits: $0.fractionDigits) }
        return write(lower, upper, dash: price.dash, code: sourceCurrency, formatter: formatter)
    }

    /// In the market's currency: cents (or the currency's CLDR minor digits: none for JPY and
    /// KRW), or, for amounts written with a magnitude, no finer than the source's last digit
    /// (`$1.2 million` at 5.43 → 6,500,000, not 6,516,000.00).
    static func converted(_ price: USPrice, rate: ExchangeRates.Rate, formatter: MarketFormatter) -> String {
        let minorDigits = MarketFormatter.currencyDigits(rate.to)
        func convert(_ bound: USPrice.Bound, negative: Bool) -> (value: Decimal, digits: Int) {
            var value = bound.value * rate.rate * (negative ? -1 : 1)
            if bound.precisionExponent > 0 {
                value = rounded(value, scale: -bound.precisionExponent)
                return (value, 0)
            }
            return (rounded(value, scale: minorDigits), minorDigits)
        }
        let lower = convert(price.lower, negative: price.isNegative)
        let upper = price.upper.map { convert($0, negative: false) }
        return write(lower, upper, dash: price.dash, code: rate.to, formatter: formatter)
    }

    /// One amount, or a range with the currency written once on the side the locale puts it
    /// ("US$ 49–59", "49–59 $"), or twice if the locale's pattern cannot be split.
    private static func write(_ lower: (value: Decimal, digits: Int), _ upper: (value: Decimal, digits: Int)?, dash: String, code: String, formatter: MarketFormatter) -> String {
        let lowerMoney = formatter.currency(lower.value, code: code, fractionDigits: lower.digits)
        guard let upper else { return lowerMoney }
        let upperMoney = formatter.currency(upper.value, code: code, fractionDigits: upper.digits)
        let lowerNumber = formatter.number(lower.value, fractionDigits: lower.digits)
        let upperNumber = formatter.number(upper.value, fractionDigits: upper.digits)
        if lowerMoney.hasSuffix(lowerNumber), upperMoney.hasSuffix(upperNumber) { return lowerMoney + dash + upperNumber }
        if lowerMoney.hasPrefix(lowerNumber), upperMoney.hasPrefix(upperNumber) { return lowerNumber + dash + upperMoney }
        return lowerMoney + dash + upperMoney
    }

    static func rounded(_ value: Decimal, scale: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }

    /// A rate for a note: as given, or to six decimals when it is an inverse.
    private static func display(_ rate: Decimal) -> String {
        "\(rounded(rate, scale: 6))"
    }

    public static let description = RuleDescription(
        id: "currency",
        name: "Prices",
        summary: "Writes US-dollar prices the way the market writes money, converting them only with a user-supplied, dated exchange rate.",
        rationale: """
            A price is read in the market's notation before anything else: "$1,299.00" reads as one dollar and \
            twenty-nine-point-nine cents to a Brazilian and "$" alone means pesos in Mexico. The amount stays in US \
            dollars and keeps its precision ($49 stays whole) and CLDR decides symbol, spacing and separators \
            ("US$ 1.299,00", "1.299,00 $", "USD 1,299.00"). Converting needs a rate the user vouches for: with \
            --rates the price is converted and rounded to the currency's minor unit, and the note gives the rate and \
            its date, because a converted price is only indicative.
            """,
        kind: .currency,
        passing: [
            RuleExample("Only $1,299.00 with free shipping.", market: "us"),
            RuleExample("Now $49.99 (was $59.99).", market: "jp"),
            RuleExample("Price: $12,995.", market: "in"),
            RuleExample("From A$79 in Australia and C$69 in Canada.", market: "br"),
            RuleExample("Set HOME=$HOME before running.", market: "de"),
            RuleExample("Save 20% today.", market: "fr"),
        ],
        failing: [
            RuleExample("Only $1,299.00 with free shipping.", market: "br", expected: "Only US$\u{00A0}1.299,00 with free shipping."),
            RuleExample("Only $1,299.00 with free shipping.", market: "de", expected: "Only 1.299,00\u{00A0}$ with free shipping."),
            RuleExample("Only $1,299.00 with free shipping.", market: "fr", expected: "Only 1\u{202F}299,00\u{00A0}$US with free shipping."),
            RuleExample("Only $1,299.00 with free shipping.", market: "uk", expected: "Only US$1,299.00 with free shipping."),
            RuleExample("Only $1,299.00 with free shipping.", market: "es", expected: "Only 1299,00\u{00A0}US$ with free shipping."),
            RuleExample("Only $1,299.00 with free shipping.", market: "mx", expected: "Only USD\u{00A0}1,299.00 with free shipping."),
            RuleExample("Only $1,299.00 with free shipping.", market: "cn", expected: "Only US$1,299.00 with free shipping."),
            RuleExample("Only $1,299.00 with free shipping.", market: "ae", expected: "Only 1,299.00\u{00A0}US$ with free shipping."),
            RuleExample("Only $1,299.00 with free shipping.", market: "sa", expected: "Only 1,299.00\u{00A0}US$ with free shipping."),
            RuleExample("Now $49 (was $59.99).", market: "br", expected: "Now US$\u{00A0}49 (was US$\u{00A0}59,99)."),
            RuleExample("Starts at $12,995.", market: "de", expected: "Starts at 12.995\u{00A0}$."),
            RuleExample("Gift card: US$ 20.", market: "jp", expected: "Gift card: $20."),
            RuleExample("MSRP USD 1,299.00, or 1,299.00 USD.", market: "br", expected: "MSRP US$\u{00A0}1.299,00, or US$\u{00A0}1.299,00."),
            RuleExample("Plans from $49–59.", market: "br", expected: "Plans from US$\u{00A0}49–59."),
            RuleExample("Plans from $49–59.", market: "de", expected: "Plans from 49–59\u{00A0}$."),
            RuleExample("Plans from $49–$59.", market: "fr", expected: "Plans from 49\u{00A0}$US–59\u{00A0}$US."),
            RuleExample("Coupon: -$10 at checkout.", market: "br", expected: "Coupon: -US$\u{00A0}10 at checkout."),
            RuleExample("Coupon: -$10 at checkout.", market: "de", expected: "Coupon: -10\u{00A0}$ at checkout."),
            RuleExample("Cloud backup for $0.99/month.", market: "de", expected: "Cloud backup for 0,99\u{00A0}$/month."),
            RuleExample("Over $1.2 million in sales.", market: "br", expected: "Over US$\u{00A0}1.200.000 in sales."),
            RuleExample("Save $5k a year.", market: "de", expected: "Save 5.000\u{00A0}$ a year."),
            RuleExample("Price: $100,000.", market: "in", expected: "Price: $1,00,000."),
        ]
    )
}
