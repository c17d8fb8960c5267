import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nAdapt

/// Markets and a small example runner for the currency, date and number rules.
///
/// Markets come from the bundled catalog when it has them; markets not written yet are built
/// here with CLDR-conventional values. The runner checks a rule's description examples now; the
/// generic `RuleExamplesTests` checks them for every rule once it lands.
enum FigureRuleSupport {
    /// The bundled markets; when the catalog as a whole does not load (a market file is still
    /// being written), every file that decodes on its own.
    static let catalog: [String: MarketProfile] = {
        if let markets = try? MarketCatalog.load().markets { return markets }
        let folder = PackagePaths.markets
        var markets: [String: MarketProfile] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".yaml") {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                  let profile = try? MarketCatalog.decode(data, file: name) else { continue }
            markets[profile.id] = profile
        }
        return markets
    }()

    static func market(_ id: String) -> MarketProfile {
        if let bundled = catalog[id] { return bundled }
        guard let fallback = fallbacks[id] else { preconditionFailure("no test market '\(id)'") }
        return fallback
    }

    static func context(_ id: String, rates: ExchangeRates? = nil, source: String = "en-US") -> AdaptationContext {
        let market = market(id)
        return AdaptationContext(market: market, sourceLanguage: LanguageTag(source)!, targetLanguage: LanguageTag(market.language)!, rates: rates)
    }

    /// `text` adapted by `rule` alone, as the engine does it (codes hidden, `applies` honoured).
    static func adapt(_ text: String, with rule: any AdaptationRule, context: AdaptationContext) -> (text: String, adaptations: [Adaptation]) {
        guard type(of: rule).applies(to: context) else { return (text, []) }
        let (content, adaptations) = AdaptationEngine().adapt(Content(text: text), key: "u1-s1", rules: [rule], context: context)
        return (content.plainText, adaptations)
    }

    /// Checks every example of `rule`'s description: passing ones change nothing, failing ones
    /// give exactly their expected text.
    static func checkExamples(of rule: any AdaptationRule) {
        let description = type(of: rule).description
        #expect(!description.passing.isEmpty && !description.failing.isEmpty)
        for example in description.passing {
            let (out, adaptations) = adapt(example.text, with: rule, context: context(example.market))
            let location = SourceLocation(fileID: example.file, filePath: example.file, line: example.line, column: 1)
            #expect(out == example.text, "\(example)", sourceLocation: location)
            #expect(adaptations.filter { !$0.isAdvisory }.isEmpty, "\(example): \(adaptations)", sourceLocation: location)
        }
        for example in description.failing {
            let (out, adaptations) = adapt(example.text, with: rule, context: context(example.market))
            let location = SourceLocation(fileID: example.file, filePath: example.file, line: example.line, column: 1)
            #expect(out == example.expected, "\(example)", sourceLocation: location)
            #expect(!adaptations.isEmpty, "\(example): the rule found nothing", sourceLocation: location)
            #expect(adaptations.allSatisfy { $0.rule == description.id && $0.kind == description.kind && !$0.note.isEmpty }, sourceLocation: location)
        }
    }

    private static func profile(_ id: String, _ name: String, language: String, locale: String, currency: String, order: MarketProfile.Dates.Order, separator: String, pattern: String, longPattern: String) -> MarketProfile {
        MarketProfile(
            id: id, name: name, language: language, locale: locale, currency: currency,
            measurement: .init(system: .metric, convert: [:], keep: []),
            electrical: .init(voltages: [230], frequency: 50, plugs: ["C"], plugStandard: nil, summary: "230 V, 50 Hz"),
            certifications: [:], spelling: nil,
            tone: .init(address: .neutral, superlatives: .allow, comparatives: .allow, exclamationRun: 0, allCaps: .allow, emoji: .allow, note: nil),
            dates: .init(order: order, separator: separator, pattern: pattern, longPattern: longPattern)
        )
    }

    /// CLDR-conventional stand-ins for markets whose files are not written yet.
    static let fallbacks: [String: MarketProfile] = [
        "us": profile("us", "United States", language: "en-US", locale: "en_US", currency: "USD", order: .mdy, separator: "/", pattern: "MM/dd/yyyy", longPattern: "MMMM d, yyyy"),
        "uk": profile("uk", "United Kingdom", language: "en-GB", locale: "en_GB", currency: "GBP", order: .dmy, separator: "/", pattern: "dd/MM/yyyy", longPattern: "d MMMM yyyy"),
        "in": profile("in", "India", language: "en-IN", locale: "en_IN", currency: "INR", order: .dmy, separator: "/", pattern: "dd/MM/yyyy", longPattern: "d MMMM yyyy"),
        "br": profile("br", "Brazil", language: "pt-BR", locale: "pt_BR", currency: "BRL", order: .dmy, separator: "/", pattern: "dd/MM/yyyy", longPattern: "d 'de' MMMM 'de' yyyy"),
        "de": profile("de", "Germany", language: "de-DE", locale: "de_DE", currency: "EUR", order: .dmy, separator: ".", pattern: "dd.MM.yyyy", longPattern: "d. MMMM yyyy"),
        "fr": profile("fr", "France", language: "fr-FR", locale: "fr_FR", currency: "EUR", order: .dmy, separator: "/", pattern: "dd/MM/yyyy", longPattern: "d MMMM yyyy"),
        "es": profile("es", "Spain", language: "es-ES", locale: "es_ES", currency: "EUR", order: .dmy, separator: "/", pattern: "dd/MM/yyyy", longPattern: "d 'de' MMMM 'de' yyyy"),
        "mx": profile("mx", "Mexico", language: "es-MX", locale: "es_MX", currency: "MXN", order: .dmy, separator: "/", pattern: "dd/MM/yyyy", longPattern: "d 'de' MMMM 'de' yyyy"),
        "jp": profile("jp", "Japan", language: "ja-JP", locale: "ja_JP", currency: "JPY", order: .ymd, separator: "/", pattern: "yyyy/MM/dd", longPattern: "y年M月d日"),
        "cn": profile("cn", "China", language: "zh-CN", locale: "zh_CN", currency: "CNY", order: .ymd, separator: "/", pattern: "yyyy/M/d", longPattern: "yyyy年M月d日"),
        "sa": profile("sa", "Saudi Arabia", language: "ar-SA", locale: "ar_SA", currency: "SAR", order: .dmy, separator: "/", pattern: "dd/MM/yyyy", longPattern: "d MMMM yyyy"),
        "ae": profile("ae", "United Arab Emirates", language: "ar-AE", locale: "ar_AE", currency: "AED", order: .dmy, separator: "/", pattern: "dd/MM/yyyy", longPattern: "d MMMM yyyy"),
        "kr": profile("kr", "South Korea", language: "ko-KR", locale: "ko_KR", currency: "KRW", order: .ymd, separator: ".", pattern: "yyyy. MM. dd.", longPattern: "y년 M월 d일"),
    ]
}
