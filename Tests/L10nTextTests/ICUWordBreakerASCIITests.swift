import L10nTestSupport
import L10nText
import Testing

/// The ASCII path of ``ICUWordBreaker`` restates ICU's root word rules on bytes: it must cut
/// every ASCII text exactly as ICU does, in every locale that takes it.
@Suite struct ICUWordBreakerASCIITests {
    static let locales = ["en", "en-US", "pt-BR", "es-MX", "de-DE", "fr-FR", "it", "nl", "ja-JP", "zh-CN", "zh-TW", "ru", "el",
                          "ko", "th", "ar", "he", "tr", "pl", "fi", "sv", "und"]

    static let cases = [
        "Stainless steel housing, 5-year warranty.", "MOQ 100 pcs; 1,000.50 USD", "can't won't o'clock 'quoted'", "e.g. U.S.A.",
        "a.b.c 1.2.3 a.1 1.a 1,a a,1 1;2 a;b 3'4", "snake_case __init__ _1 a_ _", "tab\there", "line\r\nbreak\n\nx\r\ry",
        "v\u{0B}f\u{0C}x", "  double  spaces   ", "a:b 10:30 Wi-Fi USB-C", "\"quoted\" (brackets) [x] {y} <b>", "$5 #3 @me 50% a&b",
        "x''y x..y 1..2 1,,2 1',2", "", " ", ".", "a", "1", "_", "ab12cd34", "\u{07}bell\u{00}nul\u{7F}",
    ]

    @Test(arguments: locales)
    func fixedCasesMatchICU(_ locale: String) {
        let breaker = ICUWordBreaker(locale: locale)
        for text in Self.cases {
            #expect(breaker.pieces(of: text).map(String.init) == breaker.icuPieces(of: text).map(String.init), "\(locale): \(text.debugDescription)")
        }
    }

    @Test(arguments: locales)
    func randomASCIIMatchesICU(_ locale: String) {
        let breaker = ICUWordBreaker(locale: locale)
        // Every class of the ASCII rules, weighted towards letters and digits.
        let alphabet = Array("aaaaZZbq00091.',;:_ \t\r\n\u{0B}\u{0C}\"-!?()&/#%@$<>=+*~`|\\^[]{}\u{01}\u{7F}".unicodeScalars)
        var random = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15 ^ UInt64(locale.utf8.count))
        for _ in 0..<3_000 {
            let text = random.string(from: alphabet, maxLength: 31)
            #expect(breaker.pieces(of: text).map(String.init) == breaker.icuPieces(of: text).map(String.init), "\(locale): \(text.debugDescription)")
        }
    }

    @Test func nonASCIITextGoesThroughICU() {
        let breaker = ICUWordBreaker(locale: "ja")
        let text = "日本語のテキスト and ASCII, 1.000 Ünïcödé"
        #expect(breaker.pieces(of: text) == breaker.icuPieces(of: text))
    }
}
