import L10nCore
@testable import L10nQA
import Testing

/// The shortcut around grapheme breaking gives what Swift's own `Character` loops give.
@Suite struct GraphemesTests {
    static let standalone: [Unicode.Scalar] = (UInt32(0)...0xFFFF).compactMap { v in
        Graphemes.isStandalone(v) ? Unicode.Scalar(v) : nil
    }

    @Test func standaloneScalarsHaveTheCharacterPropertiesTheChecksAskFor() {
        var mismatches: [String] = []
        for scalar in Self.standalone {
            let c = Character(scalar)
            if c.isLetter != Graphemes.isLetter(scalar) { mismatches.append("isLetter U+\(String(scalar.value, radix: 16))") }
            if c.isWhitespace != Graphemes.isWhitespace(scalar) { mismatches.append("isWhitespace U+\(String(scalar.value, radix: 16))") }
        }
        #expect(Self.standalone.count > 20_000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func standaloneScalarsNeverJoinANeighbour() {
        // Every 13th standalone scalar next to every 13th other (and to ASCII): always two characters.
        let sample = Self.standalone.enumerated().filter { $0.offset % 13 == 0 }.map(\.element)
        let partners = sample.enumerated().filter { $0.offset % 13 == 0 }.map(\.element) + ["a", " ", "\n", "é", "ḿ", "。", "ア"]
        var joined: [String] = []
        for a in sample {
            for b in partners {
                var s = String.UnicodeScalarView()
                s.append(a)
                s.append(b)
                let text = String(s)
                if text.count != 2 || !Graphemes.allStandalone(text) { joined.append("U+\(String(a.value, radix: 16)) U+\(String(b.value, radix: 16))") }
            }
        }
        #expect(joined.isEmpty, "\(joined.prefix(10))")
    }

    @Test(arguments: [
        "Edelstahlgehäuse, spülmaschinenfest.", "[Ƒŕý ŵîţĥ ûþ ţő 85% ĺéšš őîĺ! ·ĺőŕé]", "Привет, мир", "ステンレス製、食洗機対応。",
        "e\u{301}tude", "line\r\nbreak", "ok 👍🏽 fine", "한국어", "नमस्ते", "a\u{200D}b", "ｶﾞ", "Rated ★★★★☆ → 4.5, ⎓ 12 V ↵", "",
    ])
    func charactersAndCountAreSwiftsOwn(_ text: String) {
        #expect(Graphemes.characters(text) == Array(text))
        #expect(Graphemes.count(text) == text.count)
        #expect(Graphemes.characterValues(text) == text.map { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first!.value : UInt32.max })
        if Graphemes.allStandalone(text) { #expect(text.unicodeScalars.count == text.count) }
    }

    @Test func textThatJoinsScalarsTakesSwiftsPath() {
        for text in ["e\u{301}", "\r\n", "👍🏽", "한", "नमस्ते", "a\u{200D}b", "ｶﾞ", "か\u{3099}"] {
            #expect(!Graphemes.allStandalone(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
