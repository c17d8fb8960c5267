import Foundation

/// A number as an en-US page writes it: `1,299.5`, `.5`, `1/2`, `1-1/4`, `1 1/4`, `2½`, `-13`,
/// `±0.002`, and the feet-and-inches form `5'4"` (stored in inches).
///
/// Keeps what the written form says about precision, for ``ConversionPrecision``.
struct SourceNumber: Hashable, Sendable {
    enum Sign: String, Hashable, Sendable { case none = "", minus = "-", plus = "+", plusMinus = "±" }

    /// Unsigned magnitude.
    var magnitude: Double
    var sign: Sign
    var fractionDigits: Int
    var integerDigits: String
    var denominator: Int?

    var value: Double { sign == .minus ? -magnitude : magnitude }

    /// Resolution in the unit written (see ``ConversionPrecision/resolution(fractionDigits:integerDigits:denominator:trailingZerosSignificant:)``).
    func resolution(trailingZerosSignificant: Bool = false) -> Double {
        ConversionPrecision.resolution(fractionDigits: fractionDigits, integerDigits: integerDigits, denominator: denominator,
                                       trailingZerosSignificant: trailingZerosSignificant)
    }

    static let vulgarFractions: [Character: (Int, Int)] = [
        "½": (1, 2), "¼": (1, 4), "¾": (3, 4), "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8), "⅓": (1, 3), "⅔": (2, 3),
    ]

    /// Fractions that are measurements (halves to sixty-fourths, thirds). "40/60 psi" is a pair
    /// of pressures and "115/230" a pair of voltages, not fractions.
    static let fractionDenominators: Set<Int> = [2, 3, 4, 8, 16, 32, 64]

    /// Parses the text the scanner's number pattern matched; nil when it is not a number in
    /// this grammar (e.g. "3/5", which is a ratio or a date piece).
    init?(_ text: Substring) {
        var s = text[...]
        switch s.first {
        case "-", "−", "–": sign = .minus; s = s.dropFirst()
        case "+": sign = .plus; s = s.dropFirst()
        case "±": sign = .plusMinus; s = s.dropFirst()
        default: sign = .none
        }
        s = s.drop(while: { $0 == " " || $0 == "\u{00A0}" })
        // Unicode vulgar fraction, possibly after a whole number: "2½", "2 ½", "½".
        if let last = s.last, let (n, d) = Self.vulgarFractions[last] {
            let whole = s.dropLast().filter(\.isASCIIDigit)
            magnitude = Double(whole.isEmpty ? 0 : Int(whole) ?? 0) + Double(n) / Double(d)
            fractionDigits = 0
            integerDigits = whole.isEmpty ? "0" : String(whole)
            denominator = d
            return
        }
        if let slash = s.firstIndex(of: "/") {
            // "1/2", "1-1/4", "1 1/4".
            let numeratorStart = s[..<slash].lastIndex(where: { !$0.isASCIIDigit }).map { s.index(after: $0) } ?? s.startIndex
            guard let n = Int(s[numeratorStart..<slash]), let d = Int(s[s.index(after: slash)...]),
                  Self.fractionDenominators.contains(d), n > 0, n < d else { return nil }
            let wholeText = s[..<numeratorStart].filter(\.isASCIIDigit)
            let whole = wholeText.isEmpty ? 0 : Int(wholeText) ?? 0
            magnitude = Double(whole) + Double(n) / Double(d)
            fractionDigits = 0
            integerDigits = wholeText.isEmpty ? "0" : String(wholeText)
            denominator = d
            return
        }
        let plain = s.filter { $0 != "," }
        // "03", "06": pieces of dates and times ("2026-03-06"), never a measurement.
        if plain.count > 1, plain.hasPrefix("0"), !plain.hasPrefix("0.") { return nil }
        // The decimal grammar (grouping by threes, one decimal point) is the numbers rule's.
        guard let decimal = USNumber(s.hasPrefix(".") ? "0" + s : String(s)) else { return nil }
        magnitude = NSDecimalNumber(decimal: decimal.value).doubleValue
        if let dot = plain.firstIndex(of: ".") {
            fractionDigits = plain.distance(from: dot, to: plain.endIndex) - 1
            integerDigits = String(plain[..<dot])
        } else {
            fractionDigits = 0
            integerDigits = plain
        }
        denominator = nil
    }

    init(magnitude: Double, sign: Sign, fractionDigits: Int, integerDigits: String, denominator: Int?) {
        self.magnitude = magnitude
        self.sign = sign
        self.fractionDigits = fractionDigits
        self.integerDigits = integerDigits
        self.denominator = denominator
    }

    /// Pounds and ounces (`4 lb 2 oz`) as one number of pounds, good to the ounce part's
    /// precision (an ounce is 1/16 lb; "3.5 oz" is good to 1/160 lb).
    static func poundsOunces(pounds: Substring, ounces: Substring) -> SourceNumber? {
        guard let p = Int(pounds), let o = SourceNumber(ounces), o.sign == .none, o.denominator == nil, o.magnitude < 16 else { return nil }
        var denominator = 16
        for _ in 0..<o.fractionDigits { denominator *= 10 }
        return SourceNumber(magnitude: Double(p) + o.magnitude / 16, sign: .none, fractionDigits: 0, integerDigits: "1", denominator: denominator)
    }

    /// Feet and inches (`5'4"`, `5′ 4½″`) as one number of inches, good to the inch part's
    /// precision (an inch, or its fraction or decimals).
    static func feetInches(feet: Substring, inches: Substring) -> SourceNumber? {
        guard let f = Int(feet), let i = SourceNumber(inches), i.sign == .none else { return nil }
        return SourceNumber(magnitude: Double(f) * 12 + i.magnitude, sign: .none, fractionDigits: i.fractionDigits,
                            integerDigits: i.fractionDigits > 0 || i.denominator != nil ? i.integerDigits : "1", denominator: i.denominator)
    }
}
