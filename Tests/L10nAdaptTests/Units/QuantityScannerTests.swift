import Foundation
@testable import L10nAdapt
import L10nTestSupport
import Testing

@Suite struct QuantityScannerTests {
    /// (span, unit id, values) of each quantity found.
    private func scan(_ text: String) -> [(String, String, [Double])] {
        QuantityScanner().scan(text).map { e in
            ((text as NSString).substring(with: e.range), e.unitID, e.atoms.map(\.number.value))
        }
    }

    @Test func usNumberForms() throws {
        #expect(scan("1,299.5 lb").first?.2 == [1299.5])
        #expect(scan("weighs .5 lb").first?.2 == [0.5])
        #expect(scan("a 1/2 in gap").first?.2 == [0.5])
        #expect(scan("1-1/4\" hose").first?.2 == [1.25])
        #expect(scan("1 1/4 in long").first?.2 == [1.25])
        #expect(scan("2½ in.").first?.2 == [2.5])
        #expect(scan("¾ in wide").first?.2 == [0.75])
        #expect(scan("5'4\" tall").first?.2 == [64])
        #expect(scan("5′ 4″ tall").first?.2 == [64])
        #expect(scan("5 ft 4 in tall").first?.2 == [64])
        #expect(scan("-13°F").first?.2 == [-13])
        let plusMinus = try #require(QuantityScanner().scan("+/-2°F").first)
        #expect(plusMinus.atoms[0].number.sign == .plusMinus)
        #expect(plusMinus.range == NSRange(location: 0, length: 6))
    }

    @Test func spellingsMapToUnitIDs() {
        let cases: [(String, String)] = [
            ("3 in.", "in"), ("3 inches", "in"), ("3\"", "in"), ("3″", "in"), ("3 ft", "ft"), ("3 feet", "ft"), ("3'", "ft"),
            ("3 yd", "yd"), ("3 miles", "mi"), ("3 sq ft", "sq-ft"), ("3 sq. ft.", "sq-ft"), ("3 ft²", "sq-ft"), ("3 square feet", "sq-ft"),
            ("3 sq in", "sq-in"), ("3 acres", "acre"), ("3 fl oz", "fl-oz"), ("3 fl. oz.", "fl-oz"), ("3 cups", "cup"), ("3 pints", "pt"),
            ("3 qt", "qt"), ("3 quarts", "qt"), ("3 gal", "gal"), ("3 gallons", "gal"), ("3 cu ft", "cu-ft"), ("3 cu. ft.", "cu-ft"),
            ("3 cubic feet", "cu-ft"), ("3 cu in", "cu-in"), ("3 oz", "oz"), ("3 lbs", "lb"), ("3 lb.", "lb"), ("3 pounds", "lb"),
            ("3°F", "F"), ("3ºF", "F"), ("3° F", "F"), ("3 °F", "F"), ("3 degrees Fahrenheit", "F"), ("3 psi", "psi"), ("3 PSI", "psi"),
            ("3 inHg", "inHg"), ("3 GPM", "gpm"), ("3 gal/min", "gpm"), ("3 gallons per minute", "gpm"), ("3 GPH", "gph"), ("3 CFM", "cfm"),
            ("3 mph", "mph"), ("3 HP", "hp"), ("3 horsepower", "hp"), ("3 BTU/h", "btu-h"), ("3 BTU/hr", "btu-h"), ("3 BTUh", "btu-h"),
            ("3 BTU", "btu-h"), ("3 ft-lbs", "ft-lbf"), ("3 ft·lb", "ft-lbf"), ("3 lb-ft", "ft-lbf"), ("3 in-lbs", "in-lbf"), ("3 inch-pounds", "in-lbf"),
            ("3 mm", "mm"), ("3 cm", "cm"), ("3 m", "m"), ("3 km", "km"), ("3 m²", "m2"), ("3 m2", "m2"), ("3 cm²", "cm2"), ("3 ha", "ha"),
            ("3 ml", "ml"), ("3 mL", "ml"), ("3 L", "l"), ("3 liters", "l"), ("3 litres", "l"), ("3 m³", "m3"), ("3 g", "g"), ("3 kg", "kg"),
            ("3 t", "t"), ("3 °C", "C"), ("3 bar", "bar"), ("3 kPa", "kPa"), ("3 MPa", "MPa"), ("3 L/min", "l-min"), ("3 LPM", "l-min"),
            ("3 m³/h", "m3-h"), ("3 km/h", "km-h"), ("3 kW", "kW"), ("3 W", "W"), ("3 N·m", "N-m"), ("3 Nm", "N-m"), ("6-qt", "qt"), ("10-inch", "in"),
        ]
        for (text, unit) in cases {
            let found = scan(text)
            // A final abbreviation dot is the full stop, not part of the unit.
            let span = text.hasSuffix(".") ? String(text.dropLast()) : text
            #expect(found.count == 1 && found.first?.0 == span && found.first?.1 == unit, "\(text) → \(found.map { "\($0.0)|\($0.1)" })")
        }
    }

    @Test func rangesAndDimensionsAreOneSpan() {
        for text in ["17.7–21.6 in", "17.7 - 21.6 in", "17.7 to 21.6 in", "5'4\"–5'9\"", "26 x 25 x 13 in", "26\" x 25\" x 13\"",
                     "26 × 25 × 13 inches", "48\" x 48\"", "20.5 × 18.9–20.9 in", "4x4 ft", "-13°F to +140°F", "40/60 psi"] {
            let found = scan(text)
            #expect(found.count == 1 && found.first?.0 == text, "\(text) → \(found.map(\.0))")
        }
        #expect(scan("17.7 - 21.6 in").first?.2 == [17.7, 21.6])
        #expect(QuantityScanner().scan("26 x 25 x 13 in").first?.isDimension == true)
    }

    /// The bare word "in" is the unit only in size-like surroundings.
    @Test func inHeuristic() {
        for text in ["No. 1 in customer satisfaction", "5 in the box", "2 in stock", "1 in 10 buyers", "5-in-1 tool", "12 in Black",
                     "No. 1 in\ncustomer satisfaction", "600 in/ft"] {
            #expect(scan(text).isEmpty, "\(text) → \(scan(text).map(\.0))")
        }
        for (text, span) in [("3 in lag screws", "3 in"), ("0.3 in thin", "0.3 in"), ("5 in of space", "5 in"), ("10 in |", "10 in"),
                             ("min. 13 in.", "13 in"), ("26–29 in", "26–29 in"), ("2 in, for sitters", "2 in"), ("8 in/10 in", "8 in/10 in"),
                             ("4 in x 6 in", "4 in x 6 in"), ("12 in", "12 in"), ("6 in (15 cm)", "6 in")] {
            #expect(scan(text).first?.0 == span, "\(text) → \(scan(text).map(\.0))")
        }
    }

    /// Feed rates and fabric weights are units of their own, never a length or a mass cut short.
    @Test func compoundUnitsAreWholeUnits() {
        for (text, span, unit) in [("600 in/min", "600 in/min", "in-min"), ("1,200 IPM", "1,200 IPM", "in-min"), ("5,000 mm/min", "5,000 mm/min", "mm-min"),
                                   ("2.9 oz/sq yd", "2.9 oz/sq yd", "oz-sq-yd"), ("180 g/m²", "180 g/m²", "g-m2"), ("300 GSM", "300 GSM", "g-m2")] {
            #expect(scan(text).first?.0 == span && scan(text).first?.1 == unit, "\(text) → \(scan(text).map { ($0.0, $0.1) })")
        }
        // A vapour transmission rate is not a fabric weight.
        #expect(scan("15,000 g/m²/24h").isEmpty, "\(scan("15,000 g/m²/24h").map(\.0))")
    }

    @Test func numbersInsideIdentifiersAndPricesAreNotQuantities() {
        for text in ["XP-2000B", "IB-4848 in a shop", "$39.99 lb", "v2.4.1 ft", "#1 in", "Fall '26", "the 90's", "\"1,150\"", "115/230 V",
                     "1,512 Wh", "2.9 oz/ft", "12V", "60Hz", "Route 66", "1920 x 1080", "03/04/2026"] {
            #expect(scan(text).isEmpty, "\(text) → \(scan(text).map(\.0))")
        }
    }

    @Test func closingQuotesAreNotInchMarks() {
        #expect(scan("\"Offer ends March 31, 2026\"").isEmpty)
        #expect(scan("href=\"/a.css?v=20260304\"").isEmpty)
        #expect(scan("“rated a 10”").isEmpty)
        #expect(scan("a 15\"–16\" laptop").map(\.0) == ["15\"–16\""])
        #expect(scan("“my 27\" desk tray”").map(\.0) == ["27\""])
    }

    @Test func countsBeforeASizeAreNotDimensions() {
        #expect(scan("- 2 x 5 ft hanging chains").map(\.0) == ["5 ft"])
        #expect(scan("1 x 6 ft cord").map(\.0) == ["6 ft"])
        #expect(scan("a 2 x 4 ft panel").map(\.0) == ["2 x 4 ft"])
        #expect(scan("2 x 2.25\" drivers").map(\.0) == ["2.25\""])
        #expect(scan("1 x 3.5 mm audio").map(\.0) == ["3.5 mm"])
    }

    @Test func abbreviationDotStaysAtSentenceEnd() {
        #expect(scan("up to 25 ft. For deeper wells").first?.0 == "25 ft")
        #expect(scan("3 in. lag screws").first?.0 == "3 in.")
        #expect(scan("5 ft. lbs. of torque").first?.0 == "5 ft. lbs.")
        #expect(scan("rated 5 ft. lbs.").first?.0 == "5 ft. lbs")
    }

    /// No catastrophic backtracking on long text: a hang guard, not a speed target.
    @Test(.timeLimit(.minutes(5))) func longTextIsScannedWhole() {
        let text = String(repeating: "The XP-2000B pushes 19.8 GPM at 20 psi, weighs 42 lb and measures 17.3 x 8.1 x 11.4 in; No. 1 in its class. ", count: 2000)
        let found = QuantityScanner().scan(text)
        #expect(found.count == 8000)
    }
}
