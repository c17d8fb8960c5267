@testable import L10nAdapt
import Testing

/// `String.containsASCIIDigit` decides on bytes what `contains(where: \.isASCIIDigit)` decides on
/// characters: the same answer for every text, including digits that a neighbour joins into a
/// larger character.
@Suite struct ASCIIDigitTests {
    @Test func answersAsTheCharactersDo() {
        // Digits, ASCII, and scalars that join a digit into one character: combining marks, the
        // keycap, a variation selector, ZWJ, an Arabic number sign (prepended), an emoji, U+FFFC.
        let pieces = ["1", "7", "a", " ", "-", "\r\n", "\u{301}", "\u{20E3}", "\u{FE0F}", "\u{200D}", "\u{600}", "😀", "\u{FFFC}", "é", "٣"]
        var generator = SystemRandomNumberGenerator()
        var texts = ["", "1", "\u{600}1", "1\u{20E3}", "1\u{20E3}2", "a1\u{301}", "\u{FFFC}1\u{FFFC}"]
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...6, using: &generator)
            texts.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            #expect(text.containsASCIIDigit == text.contains(where: \.isASCIIDigit), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(!"1\u{20E3}".containsASCIIDigit)
        #expect("\u{FFFC}5 V".containsASCIIDigit)
    }
}
