import Foundation
@testable import L10nAdapt
import Testing

@Suite struct ConversionPrecisionTests {
    /// Converts `value` written with `resolution` from `source` to `target` and rounds it.
    private func convert(_ value: Double, resolution: Double, _ source: Dimension, _ target: Dimension, absoluteTemperature: Bool = false) -> Double {
        let f = { (v: Double) in Measurement(value: v, unit: source).converted(to: target).value }
        let exact = f(value)
        let p = ConversionPrecision(value: exact, convertedResolution: abs(f(value + resolution) - exact), boundRelativeError: !absoluteTemperature)
        return p.rounded(exact)
    }

    @Test func resolutionFollowsTheWrittenForm() {
        #expect(ConversionPrecision.resolution(fractionDigits: 1, integerDigits: "17", denominator: nil) == 0.1)
        #expect(ConversionPrecision.resolution(fractionDigits: 0, integerDigits: "52", denominator: nil) == 1)
        #expect(ConversionPrecision.resolution(fractionDigits: 0, integerDigits: "3000", denominator: nil) == 1000)
        #expect(ConversionPrecision.resolution(fractionDigits: 0, integerDigits: "60", denominator: nil) == 10)
        #expect(ConversionPrecision.resolution(fractionDigits: 0, integerDigits: "350", denominator: nil, trailingZerosSignificant: true) == 1)
        #expect(ConversionPrecision.resolution(fractionDigits: 0, integerDigits: "1", denominator: 4) == 0.25)
        #expect(ConversionPrecision.resolution(fractionDigits: 0, integerDigits: "0", denominator: nil) == 1)
    }

    @Test func workedExamples() {
        #expect(convert(52, resolution: 1, UnitLength.feet, UnitLength.meters) == 15.8)
        #expect(convert(26, resolution: 1, UnitLength.inches, UnitLength.centimeters) == 66)
        #expect(convert(5, resolution: 1, UnitLength.feet, UnitLength.meters) == 1.5)
        #expect(convert(1, resolution: 1, UnitVolume.gallons, UnitVolume.liters) == 3.8)
        #expect(convert(60, resolution: 10, UnitPressure.poundsForcePerSquareInch, UnitPressure.bars) == 4.1)
        #expect(convert(350, resolution: 1, UnitTemperature.fahrenheit, UnitTemperature.celsius, absoluteTemperature: true) == 177)
        #expect(convert(3000, resolution: 1000, UnitArea.squareFeet, UnitArea.squareMeters) == 280)
    }

    /// Rule 4: a figure rounded to two digits may be off by up to 5% when it starts with 1;
    /// the step is refined until it is within 1.8%. (The brief's "0.5 in → 1.3 cm" is 2.4%
    /// off, so it becomes 1.27 cm.)
    @Test func roundingNeverMisstatesByMoreThanTheBound() {
        #expect(convert(3, resolution: 1, UnitMass.pounds, UnitMass.kilograms) == 1.36)
        #expect(convert(0.5, resolution: 0.1, UnitLength.inches, UnitLength.centimeters) == 1.27)
        for value in stride(from: 1.0, through: 400, by: 1) {
            for (source, target) in [(UnitLength.inches, UnitLength.centimeters), (UnitLength.feet, UnitLength.meters)] as [(Dimension, Dimension)] {
                let exact = Measurement(value: value, unit: source).converted(to: target).value
                let rounded = convert(value, resolution: 1, source, target)
                #expect(abs(rounded - exact) / exact <= ConversionPrecision.maxRelativeError, "\(value) \(source.symbol) → \(rounded)")
            }
        }
    }

    @Test func neverFewerThanTwoSignificantDigits() {
        let p = ConversionPrecision(value: 0.762, convertedResolution: 0.254)
        #expect(p.step == 0.01)
        #expect(p.fractionDigits == 2)
        let coarse = ConversionPrecision(value: 1699, convertedResolution: 1699)
        #expect(coarse.step == 100)
        #expect(coarse.rounded(1699) == 1700)
    }

    @Test func twoDigitsAreCountedOnTheRoundedFigure() {
        // 2.2 lb is 0.998 kg: rounded to two digits it is 1.0 kg, so the step is 0.1, not 0.01.
        let carried = ConversionPrecision(value: 0.998, convertedResolution: 0.045)
        #expect(carried.fractionDigits == 1 && carried.rounded(0.998) == 1.0)
        // Without a carry the digits are the value's own: 0.95 kg stays 0.95.
        let plain = ConversionPrecision(value: 0.95, convertedResolution: 0.045)
        #expect(plain.fractionDigits == 2 && plain.rounded(0.95) == 0.95)
        // A finer source keeps its precision: 9.97 written to the hundredth stays 9.97.
        #expect(ConversionPrecision(value: 9.97, convertedResolution: 0.01).rounded(9.97) == 9.97)
    }

    @Test func zeroAndNegativeValues() {
        // 32 °F is 0 °C (to floating-point noise), not 0.000000 °C.
        let zero = ConversionPrecision(value: 1e-14, convertedResolution: 0.556, boundRelativeError: false)
        #expect(zero.fractionDigits == 0)
        #expect(zero.rounded(-1e-14) == 0)
        #expect(zero.rounded(-1e-14).sign == .plus)
        #expect(convert(-13, resolution: 1, UnitTemperature.fahrenheit, UnitTemperature.celsius, absoluteTemperature: true) == -25)
        #expect(ConversionPrecision(value: -2.5, convertedResolution: 1).rounded(-2.45) == -2.5)
    }
}
