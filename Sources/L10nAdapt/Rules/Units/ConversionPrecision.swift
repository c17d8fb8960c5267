import Foundation

/// How finely a converted figure is written: as precisely as the source figure was, no more.
///
/// "52 ft" is good to a foot, so its metric value is good to about 0.3 m and is written to a
/// tenth of a metre, "15.8 m"; writing "15.8496 m" would claim a precision the author never
/// had, and "16 m" would throw away what they had. The rule:
///
/// 1. The *resolution* of the source is the step between neighbouring values it could have
///    written: 0.1 for "17.7", 1 for "52", 1/4 for "1-1/4", 1000 for "3,000" (trailing zeros of
///    an integer are not significant). The caller converts that step into the target unit.
/// 2. The *step* is the power of ten nearest to that converted resolution (by `round(log10)`).
/// 3. The step is never coarser than what keeps two significant digits of the value
///    ("5 ft" → 1.5 m, not 2 m; "3,000 sq ft" → 280 m², not 300 m²), counted on the rounded
///    figure ("2.2 lb" is 0.998 kg: 1.0 kg, not 1.00 kg). Not for tolerances: a
///    "±" bound is one significant digit by nature ("±0.002 in" → ±0.05 mm, not ±0.051 mm).
/// 4. If rounding to that step would still move the figure by more than ``maxRelativeError``
///    (one-digit figures whose value starts with 1: "3 lb" → 1.36 kg would be 1.4 kg, 2.9% off),
///    the step is refined tenfold until it does not. A reader comparing a converted spec with
///    the original should never find the conversion itself wrong. Skipped for absolute
///    temperatures, whose zero point is arbitrary, so relative errors mean nothing.
/// 5. A *declared content* (the 12 fl oz of a can, exact by law, not measured) keeps three
///    significant digits, never finer than one target unit: 12 fl oz → 355 ml and 20 fl oz →
///    591 ml, as US labels print them, not 350 ml and 590 ml; 1.7 fl oz stays 50 ml.
public struct ConversionPrecision: Hashable, Sendable {
    /// Largest relative error rounding may introduce (rule 4).
    public static let maxRelativeError = 0.018

    /// The rounding step in the target unit: a power of ten.
    public let step: Double

    /// - Parameters:
    ///   - value: the exact converted value.
    ///   - convertedResolution: the source's resolution expressed in the target unit (for a
    ///     temperature, the converted *difference*: 1 °F → 0.556 °C).
    ///   - boundRelativeError: apply rule 4 (false for absolute temperatures).
    ///   - twoSignificantDigits: apply rule 3 (false for ± tolerances).
    ///   - declaredContent: apply rule 5.
    public init(value: Double, convertedResolution: Double, boundRelativeError: Bool = true, twoSignificantDigits: Bool = true, declaredContent: Bool = false) {
        let resolution = abs(convertedResolution)
        var exponent = resolution > 0 && resolution.isFinite ? Int((log10(resolution)).rounded()) : 0
        let magnitude = abs(value)
        // 32 °F converts to 1e-14 °C, not to a figure with fourteen zeros: a value far below
        // the resolution is zero.
        if magnitude > resolution * 1e-6, magnitude.isFinite {
            // Two significant digits: the step may not exceed 10^(floor(log10 |v|) − 1).
            // (1 + 1e-9): -9.9999999 °C is -10 °C for counting digits.
            if twoSignificantDigits {
                // Digits are counted on the figure as written: 0.998 kg rounded to two digits is
                // 1.0 kg, whose two digits end at 0.1 (not 1.00 kg, three digits).
                var leading = Int(floor(log10(magnitude * (1 + 1e-9))))
                if abs(Self.round(value, exponent: leading - 1)) >= Self.pow10(leading + 1) { leading += 1 }
                exponent = min(exponent, leading - 1)
            }
            if declaredContent { exponent = min(exponent, max(Int(floor(log10(magnitude * (1 + 1e-9)))) - 2, 0)) }
            if boundRelativeError {
                // At most 6 refinements: beyond that the source was already that precise.
                for _ in 0..<6 {
                    let rounded = Self.round(value, exponent: exponent)
                    guard abs(rounded - value) / magnitude > Self.maxRelativeError else { break }
                    exponent -= 1
                }
            }
        }
        // Keep steps within what a product page can show (no 10^-7 m).
        exponent = max(min(exponent, 9), -6)
        self.step = Self.pow10(exponent)
        self.exponent = exponent
    }

    private let exponent: Int

    /// Digits after the decimal separator the step allows (0 for steps of 1 or coarser).
    public var fractionDigits: Int { max(0, -exponent) }

    /// `value` rounded half away from zero to the step; never "-0".
    public func rounded(_ value: Double) -> Double {
        let r = Self.round(value, exponent: exponent)
        return r == 0 ? 0 : r
    }

    private static func round(_ value: Double, exponent: Int) -> Double {
        // Divide/multiply by the exact power of ten on the side that keeps it an integer,
        // so 15.85 → 158.5 → 159 → 15.9 without 0.1's binary error creeping in.
        if exponent < 0 {
            let scale = pow10(-exponent)
            return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        }
        let scale = pow10(exponent)
        return (value / scale).rounded(.toNearestOrAwayFromZero) * scale
    }

    private static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(n) { r *= 10 }
        return n < 0 ? 1 / r : r
    }

    /// The resolution a US-style number's written form implies (rule 1).
    ///
    /// - Parameters:
    ///   - fractionDigits: digits written after the decimal point ("17.70" → 2).
    ///   - integerDigits: the integer part's digits without grouping ("3000").
    ///   - denominator: for fractions ("1-1/4" → 4, "½" → 2), else nil.
    ///   - trailingZerosSignificant: false by default; true for readings that are exact to
    ///     the unit, such as thermostat and oven temperatures ("350 °F" is 350, not 35 × 10).
    public static func resolution(fractionDigits: Int, integerDigits: String, denominator: Int?, trailingZerosSignificant: Bool = false) -> Double {
        if let denominator, denominator > 0 { return 1 / Double(denominator) }
        if fractionDigits > 0 { return pow10(-fractionDigits) }
        guard !trailingZerosSignificant else { return 1 }
        let digits = integerDigits.drop(while: { $0 == "0" })
        guard !digits.isEmpty else { return 1 }
        let zeros = digits.reversed().prefix(while: { $0 == "0" }).count
        return pow10(zeros)
    }
}
