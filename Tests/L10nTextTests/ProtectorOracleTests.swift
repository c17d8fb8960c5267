import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nText

/// The protectors' fast paths (hand-written scanners, prefilters) find exactly what their
/// regular expressions find, on many generated texts built from the characters that matter.
@Suite struct ProtectorOracleTests {
    /// The product-code protector as it was written with NSRegularExpression: the reference.
    struct RegexProductCodes {
        static let tokens = try! NSRegularExpression(
            pattern: #"(?<![\p{L}\p{N}_\-.])(?=[A-Za-z0-9_\-]*[0-9])(?=[A-Za-z0-9_\-]*[A-Z])[A-Za-z0-9]+(?:[\-_][A-Za-z0-9]+)*(?![\p{L}\p{N}_]|[\-.][\p{L}\p{N}])"#)
        static let measurement = try! NSRegularExpression(pattern: #"^(?:\d+(?:[.,]\d+)?(?:-\d+(?:[.,]\d+)?)?[A-Za-z]{0,5})+$"#)
        static let period = try! NSRegularExpression(pattern: #"^(?:Q[1-4]|H[12]|FY|CY)[\-_]?(?:\d{2}|\d{4})?(?:[\-_](?:\d{2}|\d{4}))?$"#)

        static func matches(_ regex: NSRegularExpression, _ s: String) -> [Range<String.Index>] {
            regex.matches(in: s, range: NSRange(s.startIndex..., in: s)).compactMap { Range($0.range, in: s) }
        }

        static func spans(_ text: String) -> [Range<String.Index>] {
            matches(tokens, text).filter { range in
                var digits = 0, upper = 0, alnum = 0
                for c in text[range].unicodeScalars {
                    switch c {
                    case "0"..."9": digits += 1; alnum += 1
                    case "A"..."Z": upper += 1; alnum += 1
                    case "-", "_": continue
                    default: return false
                    }
                }
                guard digits > 0, upper > 0, alnum >= 4 else { return false }
                let token = String(text[range])
                return matches(measurement, token).isEmpty && matches(period, token).isEmpty
            }
        }
    }

    static let pieces: [String] = [
        "A", "B", "Q", "H", "F", "Y", "C", "X", "P", "V", "W", "Z", "a", "z", "w", "i", "0", "1", "2", "3", "4", "5", "9",
        "-", "_", ".", ",", "/", ":", "@", "(", ")", " ", " ", "\n", "\t", "\r", "\u{0B}", "\u{A0}", "\u{3000}", "\"", "<", "é", "Ä", "ß", "٣", "Ⅻ", "²", "ſ", "K", "😀", "。",
        "XP-2000B", "KX-TG6821", "Q3-2024", "FY2025", "H1", "100-240V", "5V2A", "2000MAH", "MP3", "RS-485", "IP68",
        "http://", "https://", "ftp://", "www.", "WWW.", "example.com/", "acme.de", ".com", ".org/", "co/", "mailto:",
        "v2.0", "802.11ac", "iPhone15", "USB-C", "__", "--", "a.b", "1.5", "Q", "FY-", "_24",
    ]

    static func texts(count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...14, using: &rng)
            return (0..<length).map { _ in pieces.randomElement(using: &rng)! }.joined()
        }
    }

    @Test func productCodeScannerMatchesTheRegularExpression() {
        var checked = 0
        for text in Self.texts(count: 40_000, seed: 7) {
            let fast = ProductCodeProtector().protectedSpans(in: text).map(\.range)
            let reference = RegexProductCodes.spans(text)
            #expect(fast == reference, "\(text.debugDescription): \(fast.map { String(text[$0]) }) vs \(reference.map { String(text[$0]) })")
            if fast != reference { break }
            checked += reference.count
        }
        #expect(checked > 1000, "the generator must produce product codes")
    }

    /// The measurement test follows the expression's backtracking (`1-100-240V` is `1-10` then
    /// `0-240V`), on every short string of the characters that matter.
    @Test func measurementTestMatchesTheRegularExpression() {
        let alphabet: [Character] = ["1", "0", "-", "V", "m", "A", "_"]
        var strings: [String] = [""]
        var all: [String] = []
        for _ in 1...6 {
            strings = strings.flatMap { s in alphabet.map { s + String($0) } }
            all += strings
        }
        var measurements = 0
        for text in all {
            var bytes = text
            let fast = bytes.withUTF8 { ProductCodeProtector.isMeasurement($0) }
            let reference = !RegexProductCodes.matches(RegexProductCodes.measurement, text).isEmpty
            #expect(fast == reference, "\(text)")
            if fast != reference { break }
            if reference { measurements += 1 }
        }
        #expect(measurements > 1000)
    }

    /// The protector runs its expression only on the stretches between whitespace that hold a
    /// candidate place; the reference runs it on the whole text.
    @Test func urlPrefilterNeverHidesAURL() {
        var checked = 0
        for text in Self.texts(count: 40_000, seed: 11) {
            let fast = URLProtector().protectedSpans(in: text)
            let reference = URLProtector.regexSpans(in: text)
            #expect(fast == reference, "\(text.debugDescription)")
            var copy = text
            let bytes = copy.withUTF8 { URLProtector().protectedSpans(inUTF8: $0) }.map(\.range)
            let utf8 = text.utf8
            let referenceBytes = reference.map { utf8.distance(from: utf8.startIndex, to: $0.range.lowerBound)..<utf8.distance(from: utf8.startIndex, to: $0.range.upperBound) }
            #expect(bytes == referenceBytes, "\(text.debugDescription)")
            if fast != reference || bytes != referenceBytes { break }
            checked += reference.count
        }
        #expect(checked > 1000, "the generator must produce URLs")
    }
}
