import Foundation

/// A US-dollar price in source copy: `$1,299.00`, `US$ 20`, `USD 1,299.00`, `1,299.00 USD`,
/// `-$10`, `$49–59`, `$5k`, `$1.2 million`.
///
/// Dollars written by other countries (`A$`, `C$`, `R$`, `MX$`, `HK$`) are not US prices and
/// are never found: a letter right before `$` rules the match out.
struct USPrice: Hashable, Sendable {
    /// One amount: the number as written and the power of ten a magnitude suffix or word
    /// multiplies it by (`k` 3, `million` 6; 0 without).
    struct Bound: Hashable, Sendable {
        var number: USNumber
        var exponent: Int

        /// The amount in dollars (`$1.2 million` → 1200000).
        var value: Decimal { number.value * Decimal(sign: .plus, exponent: exponent, significand: 1) }
        /// Decimals left once the magnitude is multiplied out (`$1.25 million` → 0).
        var fractionDigits: Int { max(0, number.fractionDigits - exponent) }
        /// Power of ten of the last digit written (`$1.2 million` → 5, `$49.99` → -2).
        var precisionExponent: Int { exponent - number.fractionDigits }
    }

    /// The whole price as written, sign and currency marker included.
    var range: Range<String.Index>
    var isNegative: Bool
    var lower: Bound
    /// The second bound of a range written with one marker (`$49–59`).
    var upper: Bound?
    /// The dash between the bounds, as written.
    var dash: String

    /// Whether a magnitude was multiplied out.
    var hasMagnitude: Bool { lower.exponent > 0 || (upper?.exponent ?? 0) > 0 }

    /// Every price in `text`, in order, none overlapping.
    static func find(in text: String) -> [USPrice] {
        var found: [USPrice] = []
        for hit in prefixed.scan(text) {
            guard let price = USPrice(hit, upperGroup: "upper") else { continue }
            found.append(price)
        }
        for hit in suffixed.scan(text) where !found.contains(where: { $0.range.overlaps(hit.range) }) {
            guard let price = USPrice(hit, upperGroup: nil) else { continue }
            found.append(price)
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private init?(_ hit: RegexHit, upperGroup: String?) {
        guard let number = hit.group("num").flatMap(USNumber.init) else { return nil }
        range = hit.range
        isNegative = hit.range("sign") != nil
        lower = Bound(number: number, exponent: Self.exponent(abbreviation: hit.group("abbr"), word: hit.group("word")))
        dash = hit.group("dash").map(String.init) ?? ""
        if let upperGroup, let upperText = hit.group(upperGroup) {
            guard let upperNumber = USNumber(upperText), !isNegative else { return nil }
            let bound = Bound(number: upperNumber, exponent: Self.exponent(abbreviation: hit.group("uabbr"), word: hit.group("uword")))
            // "$1–2 million" is one to two million: a bare lower bound takes the upper's magnitude.
            if lower.exponent == 0 { lower.exponent = bound.exponent }
            upper = bound
        }
    }

    private static func exponent(abbreviation: Substring?, word: Substring?) -> Int {
        switch (abbreviation ?? word).map({ $0.lowercased() }) {
        case "k", "thousand": 3
        case "m", "million": 6
        case "b", "bn", "billion": 9
        default: 0
        }
    }

    private static func magnitude(_ prefix: String) -> String {
        "(?:(?<\(prefix)abbr>[kKMB]|bn)|[ \\u00A0](?<\(prefix)word>thousand|million|billion))"
    }

    /// No letter, digit or `$` right before; a sign only where a word could start.
    private static let prefixed = NSRegularExpression.compiled(
        "(?<![\\p{L}\\p{N}$])(?:(?<sign>[-−])(?=(?:US)?\\$|USD))?(?<![\\p{L}\\p{N}])(?:US\\$|\\$|USD)[ \\u00A0]?"
            + "(?<num>\(USNumber.pattern))\(magnitude(""))?"
            + "(?:(?<dash>[ \\u00A0]?[–—][ \\u00A0]?|-)(?<upper>\(USNumber.pattern))\(magnitude("u"))?)?"
            + "(?:[ \\u00A0]?USD)?(?![\\p{L}\\p{N}]|[.,][0-9])"
    )

    private static let suffixed = NSRegularExpression.compiled(
        "(?<![\\p{L}\\p{N}$.,])(?<num>\(USNumber.pattern))\(magnitude(""))?[ \\u00A0]?USD(?![\\p{L}\\p{N}])"
    )
}
