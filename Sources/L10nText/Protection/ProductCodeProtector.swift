import L10nCore

/// Protects model numbers and SKUs (subtype `l10n:sku`) such as `XP-2000B`, `KX-TG6821`,
/// `SM-G991B`, `WH1000XM5`.
///
/// A false positive hides words from translators and keeps measurements from being converted,
/// so the heuristic is deliberately narrow. A token (letters and digits, optionally joined by
/// single hyphens or underscores, not touching other letters, digits or dots-before-digits) is
/// a product code when:
/// - it has at least one ASCII digit and at least one uppercase ASCII letter, no lowercase
///   letter and no non-ASCII letter (ordinary words in any language, and "iPhone", fail this);
/// - it has at least four letters and digits in all (`M8`, `A4`, `5G`, `MP3` are too short to
///   tell from a screw size, paper size, network or format name);
/// - it does not start with a digit and continue as number-and-unit groups: `12V`, `5W`,
///   `100-240V`, `60Hz`, `1080P`, `2000MAH`, `5V2A` are measurements a later stage converts;
/// - it is not a year, date or time shape (`Q3-2024`, `FY2025` stay text).
/// Standard and interface names with the same shape (`RS-485`, `DDR4`, `IP68`, `USB3`) are
/// protected too: they are never translated either, so protecting them is harmless.
public struct ProductCodeProtector: SpanProtecting {
    public static let subType = "l10n:sku"

    /// Candidate tokens. The lookarounds keep a token from starting or ending inside a longer
    /// word, a decimal number (`v2.0`) or a hyphenated compound.
    private static let tokens = PatternMatcher(
        #"(?<![\p{L}\p{N}_\-.])(?=[A-Za-z0-9_\-]*[0-9])(?=[A-Za-z0-9_\-]*[A-Z])[A-Za-z0-9]+(?:[\-_][A-Za-z0-9]+)*(?![\p{L}\p{N}_]|[\-.][\p{L}\p{N}])"#)

    /// Digits then letters, once or more, with an optional numeric range: a measurement.
    private static let measurement = PatternMatcher(
        #"^(?:\d+(?:[.,]\d+)?(?:-\d+(?:[.,]\d+)?)?[A-Za-z]{0,5})+$"#)

    /// Quarter, fiscal-year and half-year labels: dates, not products.
    private static let period = PatternMatcher(
        #"^(?:Q[1-4]|H[12]|FY|CY)[\-_]?(?:\d{2}|\d{4})?(?:[\-_](?:\d{2}|\d{4}))?$"#)

    public init() {}

    public func protectedSpans(in text: String) -> [ProtectedSpan] {
        guard text.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return [] }
        return Self.tokens.ranges(in: text).compactMap { range in
            Self.isProductCode(text[range]) ? ProtectedSpan(range: range, subType: Self.subType) : nil
        }
    }

    /// The heuristic above, for one token.
    static func isProductCode(_ token: Substring) -> Bool {
        var digits = 0, upper = 0, alnum = 0
        for c in token.unicodeScalars {
            switch c {
            case "0"..."9": digits += 1; alnum += 1
            case "A"..."Z": upper += 1; alnum += 1
            case "-", "_": continue
            default: return false  // lowercase or non-ASCII
            }
        }
        guard digits > 0, upper > 0, alnum >= 4 else { return false }
        let string = String(token)
        if !measurementRanges(string).isEmpty { return false }
        if !periodRanges(string).isEmpty { return false }
        return true
    }

    private static func measurementRanges(_ s: String) -> [Range<String.Index>] { measurement.ranges(in: s) }
    private static func periodRanges(_ s: String) -> [Range<String.Index>] { period.ranges(in: s) }
}
