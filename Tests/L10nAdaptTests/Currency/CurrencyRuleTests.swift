import Foundation
import L10nCore
import Testing
@testable import L10nAdapt

@Suite struct CurrencyRuleTests {
    static let rates = ExchangeRates([
        .init(from: "USD", to: "BRL", rate: Decimal(string: "5.43")!, date: "2026-11-01"),
        .init(from: "USD", to: "JPY", rate: Decimal(string: "151.2")!, date: "2026-11-01"),
        .init(from: "USD", to: "KRW", rate: Decimal(string: "1385.5")!, date: "2026-11-02"),
        .init(from: "EUR", to: "USD", rate: Decimal(string: "1.25")!, date: "2026-10-30"),
    ])

    @Test func descriptionExamples() {
        FigureRuleSupport.checkExamples(of: CurrencyRule())
    }

    @Test func findsPricesWithTheirPrecisionAndMagnitude() {
        let text = "$1,299.00, $49.99, $12,995, US$ 20, USD 1,299.00, 1,299.00 USD, $1.2 million, $5k, $49–59, -$10, $0.99/month"
        let prices = USPrice.find(in: text)
        #expect(prices.map { String(text[$0.range]) } == ["$1,299.00", "$49.99", "$12,995", "US$ 20", "USD 1,299.00", "1,299.00 USD", "$1.2 million", "$5k", "$49–59", "-$10", "$0.99"])
        #expect(prices.map(\.lower.fractionDigits) == [2, 2, 0, 0, 2, 2, 0, 0, 0, 0, 2])
        #expect(prices[6].lower.value == 1_200_000 && prices[6].lower.precisionExponent == 5)
        #expect(prices[7].lower.value == 5_000)
        #expect(prices[8].upper?.value == 59 && prices[8].dash == "–")
        #expect(prices[9].isNegative)
    }

    @Test func skipsOtherDollarsAndNonPrices() {
        #expect(USPrice.find(in: "A$79, C$69, R$ 50, MX$100, HK$8, NZ$5, $HOME, $1.2.3, 49$ and $5x").isEmpty)
    }

    @Test func rangeWithMagnitudeOnTheUpperBound() {
        let (out, _) = FigureRuleSupport.adapt("Valued at $1–2 million.", with: CurrencyRule(), context: FigureRuleSupport.context("de"))
        #expect(out == "Valued at 1.000.000–2.000.000\u{00A0}$.")
    }

    @Test func symbolAndCodeTogetherAreOnePrice() {
        let (out, adaptations) = FigureRuleSupport.adapt("MSRP $1,299.00 USD.", with: CurrencyRule(), context: FigureRuleSupport.context("br"))
        #expect(out == "MSRP US$\u{00A0}1.299,00.")
        #expect(adaptations.count == 1)
    }

    @Test func usMarketIsUntouched() {
        let context = FigureRuleSupport.context("us", rates: Self.rates)
        #expect(!CurrencyRule.applies(to: context))
    }

    @Test func convertsWithARateAndSaysSo() throws {
        let context = FigureRuleSupport.context("br", rates: Self.rates)
        let (out, adaptations) = FigureRuleSupport.adapt("Now $1,299.00, or $49 a month.", with: CurrencyRule(), context: context)
        #expect(out == "Now R$\u{00A0}7.053,57, or R$\u{00A0}266,07 a month.")
        let note = try #require(adaptations.first?.note)
        #expect(note.contains("1 USD = 5.43 BRL") && note.contains("2026-11-01") && note.contains("indicative"))
    }

    @Test func wholeUnitsForYenAndWon() {
        let (yen, _) = FigureRuleSupport.adapt("Only $49.99.", with: CurrencyRule(), context: FigureRuleSupport.context("jp", rates: Self.rates))
        #expect(yen == "Only ¥7,558.")
        let (won, _) = FigureRuleSupport.adapt("Only $49.99.", with: CurrencyRule(), context: FigureRuleSupport.context("kr", rates: Self.rates))
        #expect(won == "Only ₩69,261.")
    }

    @Test func convertedMagnitudesKeepTheSourcePrecision() {
        let context = FigureRuleSupport.context("br", rates: Self.rates)
        let (out, _) = FigureRuleSupport.adapt("Over $1.2 million, from $5k, $49–59.", with: CurrencyRule(), context: context)
        #expect(out == "Over R$\u{00A0}6.500.000, from R$\u{00A0}27.000, R$\u{00A0}266,07–320,37.")
    }

    @Test func inverseRate() throws {
        let context = FigureRuleSupport.context("de", rates: Self.rates)
        let (out, adaptations) = FigureRuleSupport.adapt("Only $100.", with: CurrencyRule(), context: context)
        #expect(out == "Only 80,00\u{00A0}€.")
        let note = try #require(adaptations.first?.note)
        #expect(note.contains("1 USD = 0.8 EUR") && note.contains("2026-10-30"))
    }

    @Test func noRateForTheMarketKeepsDollars() {
        let (out, _) = FigureRuleSupport.adapt("Only $100.", with: CurrencyRule(), context: FigureRuleSupport.context("fr", rates: ExchangeRates([])))
        #expect(out == "Only 100\u{00A0}$US.")
    }

    // MARK: - Rates files

    @Test func parsesCSV() throws {
        let csv = "\u{FEFF}from,to,rate,date\r\n# taken at noon\r\nUSD,BRL,5.43,2026-11-01\r\n\r\n USD , JPY , 151.2 , 2026-11-01 \n"
        let rates = try ExchangeRates.parse(csv: csv, file: "rates.csv")
        #expect(rates.rates.map(\.to) == ["BRL", "JPY"])
        #expect(rates.rate(from: "USD", to: "JPY")?.rate == Decimal(string: "151.2"))
        #expect(rates.rate(from: "USD", to: "USD") == nil)
    }

    @Test(arguments: [
        ("USD,BRL,5.43", 1, "expected 4 fields"),
        ("USD,BRL,5.43,2026-11-01\nusd,BRL,5.43,2026-11-01", 2, "ISO 4217"),
        ("USD,BRL,5,43,2026-11-01", 1, "expected 4 fields"),
        ("# rates\nUSD,BRL,-5.43,2026-11-01", 2, "positive decimal"),
        ("USD,BRL,0,2026-11-01", 1, "positive decimal"),
        ("USD,BRL,5.43,2026-02-30", 1, "YYYY-MM-DD"),
        ("USD,BRL,5.43,11/01/2026", 1, "YYYY-MM-DD"),
        ("USD,USD,1,2026-11-01", 1, "into itself"),
        ("USD,BRL,5.43,2026-11-01\n\nUSD,BRL,5.44,2026-11-02", 3, "line 1"),
    ])
    func csvErrorsNameFileAndLine(csv: String, line: Int, message: String) {
        #expect {
            try ExchangeRates.parse(csv: csv, file: "rates.csv")
        } throws: { error in
            guard let error = error as? ExchangeRatesError else { return false }
            return error.file == "rates.csv" && error.line == line && error.message.contains(message)
                && error.description.hasPrefix("rates.csv:\(line): ")
        }
    }

    @Test func parsesYAML() throws {
        let yaml = """
            rates:
              - from: USD
                to: BRL
                rate: 5.43
                date: 2026-11-01
              - {from: USD, to: JPY, rate: 151.2, date: 2026-11-01}
            """
        let rates = try ExchangeRates.parse(yaml, file: "rates.yaml")
        #expect(rates.rates.count == 2)
        #expect(rates.rate(from: "USD", to: "BRL") == .init(from: "USD", to: "BRL", rate: Decimal(string: "5.43")!, date: "2026-11-01"))
    }

    @Test func yamlErrorsNameFileAndLine() {
        let yaml = "- {from: USD, to: BRL, rate: 5.43, date: 2026-11-01}\n- from: USD\n  to: JPY\n  rate: lots\n  date: 2026-11-01\n"
        #expect {
            try ExchangeRates.parse(yaml: yaml, file: "rates.yml")
        } throws: { error in
            (error as? ExchangeRatesError).map { $0.line == 2 && $0.message.contains("positive decimal") } ?? false
        }
        #expect(throws: ExchangeRatesError.self) { try ExchangeRates.parse(yaml: "- from: USD\n  to: BRL\n  rate: 5.43\n", file: "r.yaml") }
        #expect(throws: ExchangeRatesError.self) { try ExchangeRates.parse(yaml: "- from: USD\n  to: BRL\n  rate: 5.43\n  date: 2026-11-01\n  source: ECB\n", file: "r.yaml") }
        #expect(throws: ExchangeRatesError.self) { try ExchangeRates.parse(yaml: "rates: [USD, BRL", file: "r.yaml") }
    }
}
