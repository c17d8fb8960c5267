import Foundation
import L10nText

/// Writes converted figures the way the market's locale writes them, through ICU (CLDR):
/// decimal and grouping marks, the unit's short form, the space between number and unit
/// (pt_BR "15,8 m", de_DE "177 °C", ja_JP "177°C", fr_FR "15,8 m" with U+202F).
///
/// ICU 72's short forms checked on this machine for pt_BR, de_DE, ja_JP, en_GB, en_US, fr_FR
/// (see `UnitFormatterTests`). Overrides, for product copy:
/// - `pressure-bar`: pt_BR and fr_FR write the plural "bars"; the SI symbol is invariable: "bar".
/// - `power-horsepower`: pt_BR "cv", de_DE "PS", fr_FR "ch", ja_JP "馬力" name the *metric*
///   horsepower (735.5 W), not the 745.7 W unit converted to, so the symbol is "hp".
/// - per-hour/per-minute compounds in ja_JP ("L/分", "m³/時間"): "L/min", "m³/h", as Japanese
///   spec sheets write them and as MT leaves them.
/// - `torque-pound-force-foot`/`-inch`: ICU writes "lbf⋅ft"; US product copy writes "ft-lb", "in-lb".
/// Ranges and dimensions write the numbers alone and the unit once: "45–55 cm", "66 x 64 x 33 cm".
struct UnitFormatter: Sendable {
    let locale: String

    /// The number alone, with exactly `fractionDigits` decimals: the zero in "29,0 cm" says
    /// the figure is good to a millimetre, and ranges line up ("45,0–54,9 cm").
    func number(_ value: Double, fractionDigits: Int) -> String {
        NumberFormatting.format(value, skeleton: Self.precision(fractionDigits), locale: locale) ?? Self.fallback(value, fractionDigits)
    }

    /// What ICU writes around a number of `unit` (prefix, suffix), e.g. ("", " m"), ("", "°C").
    /// `sample` picks the plural form (the last number of a range).
    func affixes(_ unit: MeasureUnit, sample: Double, fractionDigits: Int) -> (prefix: String, suffix: String) {
        let precision = Self.precision(fractionDigits)
        guard let full = NumberFormatting.format(sample, skeleton: "measure-unit/\(unit.icu) unit-width-short \(precision)", locale: locale),
              let number = NumberFormatting.format(sample, skeleton: precision, locale: locale),
              let r = full.range(of: number) else {
            return ("", " " + unit.symbol)
        }
        return (Self.overridden(String(full[..<r.lowerBound]), unit: unit, locale: locale),
                Self.overridden(String(full[r.upperBound...]), unit: unit, locale: locale))
    }

    /// A single value with its unit.
    func format(_ value: Double, unit: MeasureUnit, fractionDigits: Int) -> String {
        let (prefix, suffix) = affixes(unit, sample: value, fractionDigits: fractionDigits)
        return prefix + number(value, fractionDigits: fractionDigits) + suffix
    }

    static func precision(_ fractionDigits: Int) -> String {
        fractionDigits <= 0 ? "precision-integer" : "." + String(repeating: "0", count: fractionDigits)
    }

    static func fallback(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(max(0, digits))f", value)
    }

    /// The product-copy overrides listed in the type's documentation.
    static func overridden(_ affix: String, unit: MeasureUnit, locale: String) -> String {
        guard !affix.isEmpty else { return affix }
        var text = affix
        switch unit.icu {
        case "pressure-bar":
            text = text.replacingOccurrences(of: "bars", with: "bar")
        case "torque-pound-force-foot", "torque-pound-force-inch":
            let lead = text.prefix(while: { $0.isWhitespace })
            text = String(lead) + (unit.icu.hasSuffix("foot") ? "ft-lb" : "in-lb")
        case "power-horsepower":
            let lead = text.prefix(while: { $0.isWhitespace })
            text = String(lead) + "hp"
        default:
            break
        }
        if locale.hasPrefix("ja") {
            text = text.replacingOccurrences(of: "/分", with: "/min").replacingOccurrences(of: "/時間", with: "/h")
        }
        return text
    }
}
