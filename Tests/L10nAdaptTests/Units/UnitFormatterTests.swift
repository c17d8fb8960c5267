@testable import L10nAdapt
import Testing

/// What ICU 72 (CLDR 42) writes for each target unit in the markets' locales, pinned so an ICU
/// upgrade that changes product copy shows up here. U+00A0 is "⍽", U+202F is "⌴" below.
@Suite struct UnitFormatterTests {
    private func write(_ value: Double, _ unitID: String, _ locale: String, digits: Int = 1) -> String {
        UnitFormatter(locale: locale).format(value, unit: MeasureUnit.byID[unitID]!, fractionDigits: digits)
            .replacingOccurrences(of: "\u{00A0}", with: "⍽").replacingOccurrences(of: "\u{202F}", with: "⌴")
    }

    @Test func metricTargetsPerLocale() {
        let expected: [(String, [String: String])] = [
            ("cm", ["pt_BR": "1.234,5 cm", "de_DE": "1.234,5 cm", "ja_JP": "1,234.5 cm", "en_GB": "1,234.5 cm", "fr_FR": "1⌴234,5⌴cm"]),
            ("m", ["pt_BR": "1.234,5 m", "de_DE": "1.234,5 m", "ja_JP": "1,234.5 m", "en_GB": "1,234.5 m", "fr_FR": "1⌴234,5⌴m"]),
            ("m2", ["pt_BR": "1.234,5 m²", "de_DE": "1.234,5 m²", "ja_JP": "1,234.5 m²", "en_GB": "1,234.5 m²", "fr_FR": "1⌴234,5⌴m²"]),
            ("l", ["pt_BR": "1.234,5 l", "de_DE": "1.234,5 l", "ja_JP": "1,234.5 L", "en_GB": "1,234.5 l", "fr_FR": "1⌴234,5⌴l"]),
            ("ml", ["pt_BR": "1.234,5 ml", "de_DE": "1.234,5⍽ml", "ja_JP": "1,234.5 ml", "en_GB": "1,234.5 ml", "fr_FR": "1⌴234,5 ml"]),
            ("kg", ["pt_BR": "1.234,5 kg", "de_DE": "1.234,5 kg", "ja_JP": "1,234.5 kg", "en_GB": "1,234.5 kg", "fr_FR": "1⌴234,5⌴kg"]),
            ("C", ["pt_BR": "1.234,5 °C", "de_DE": "1.234,5 °C", "ja_JP": "1,234.5°C", "en_GB": "1,234.5°C", "fr_FR": "1⌴234,5⌴°C"]),
            // Overridden: pt_BR and fr_FR write "bars".
            ("bar", ["pt_BR": "1.234,5 bar", "de_DE": "1.234,5 bar", "ja_JP": "1,234.5 bar", "en_GB": "1,234.5 bar", "fr_FR": "1⌴234,5 bar"]),
            ("kPa", ["pt_BR": "1.234,5 kPa", "de_DE": "1.234,5 kPa", "en_GB": "1,234.5 kPa"]),
            // Overridden in ja_JP: "L/分", "m³/時間".
            ("l-min", ["pt_BR": "1.234,5 l/min", "de_DE": "1.234,5 l/min", "ja_JP": "1,234.5 L/min", "en_GB": "1,234.5 l/min", "fr_FR": "1⌴234,5⌴l/min"]),
            ("m3-h", ["pt_BR": "1.234,5 m³/h", "de_DE": "1.234,5 m³/h", "ja_JP": "1,234.5 m³/h", "en_GB": "1,234.5 m³/h", "fr_FR": "1⌴234,5⌴m³/h"]),
            ("km-h", ["pt_BR": "1.234,5 km/h", "de_DE": "1.234,5 km/h", "ja_JP": "1,234.5 km/h", "en_GB": "1,234.5 km/h"]),
            ("kW", ["pt_BR": "1.234,5 kW", "de_DE": "1.234,5 kW", "ja_JP": "1,234.5 kW", "en_GB": "1,234.5 kW", "fr_FR": "1⌴234,5⌴kW"]),
            ("N-m", ["pt_BR": "1.234,5 N⋅m", "de_DE": "1.234,5 N⋅m", "en_GB": "1,234.5 N⋅m", "fr_FR": "1⌴234,5⌴N⋅m"]),
        ]
        for (unit, byLocale) in expected {
            for (locale, text) in byLocale {
                #expect(write(1234.5, unit, locale) == text, "\(unit) in \(locale)")
            }
        }
    }

    @Test func usCustomaryTargets() {
        #expect(write(10.6, "gpm", "en_US") == "10.6 gal/min")
        #expect(write(1.3, "gal", "en_US") == "1.3 gal")
        #expect(write(86, "F", "en_US", digits: 0) == "86°F")
        #expect(write(29, "psi", "en_US", digits: 0) == "29 psi")
        #expect(write(12, "in", "en_US", digits: 0) == "12 in")
        #expect(write(280, "sq-ft", "en_US", digits: 0) == "280 sq ft")
        // Overridden: ICU's "lbf⋅ft" and, in other locales, "cv"/"PS"/"ch" for horsepower.
        #expect(write(33, "ft-lbf", "en_US", digits: 0) == "33 ft-lb")
        #expect(write(5, "hp", "pt_BR", digits: 0) == "5 hp")
        #expect(write(5, "hp", "de_DE", digits: 0) == "5 hp")
    }

    @Test func precisionIsExactDigits() {
        #expect(write(29, "cm", "de_DE") == "29,0 cm")
        #expect(write(66, "cm", "de_DE", digits: 0) == "66 cm")
        #expect(UnitFormatter(locale: "pt_BR").number(4000, fractionDigits: 0) == "4.000")
    }
}
