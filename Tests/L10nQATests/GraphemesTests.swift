import Foundation
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

    @Test func simpleLowercaseIsSwiftsOwn() {
        var simple = 0
        var mismatches: [String] = []
        for v in UInt32(0)..<0x300 {
            let entry = Graphemes.simpleLowercase[Int(v)]
            guard entry != 0xFFFF else { continue }
            simple += 1
            let lowered = Array(String(Unicode.Scalar(v)!).lowercased().unicodeScalars)
            if lowered != [Unicode.Scalar(UInt32(entry))!] { mismatches.append("U+\(String(v, radix: 16))") }
        }
        #expect(simple > 700)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test(arguments: [
        ("Läuft", "läuft"), ("LÄUFT", "läuft"), ("läuft", "leuft"), ("Ŝĥîƥƥîñĝ", "ŝĥîƥƥîñĝ"), ("İstanbul", "istanbul"), ("Ǆemal", "ǆemal"),
        ("ÿes", "Ÿes"), ("Ωmega", "ωmega"), ("Привет", "привет"), ("ĺéšš", "ĺéšš"), ("ĺéšš", "ĺéšs"), ("Ⱥb", "ⱥb"), ("ǅa", "ǆa"),
    ])
    func lowercasedEqualIsSwiftsAnswer(_ a: String, _ b: String) {
        var (a, b) = (a, b)
        let expected = a.lowercased() == b.lowercased()
        let answer = a.withUTF8 { x in b.withUTF8 { y in Graphemes.lowercasedEqual(x[...], y[...]) } }
        if let answer { #expect(answer == expected, "\(a) \(b)") }
    }

    @Test func lowercasedEqualIsSwiftsAnswerForEveryLetterPair() {
        // Each letter below U+0300 against itself, its neighbours and its lower- and upper-case.
        var wrong: [String] = []
        var decided = 0
        for v in UInt32(0x41)..<0x300 where Graphemes.isLetter(value: v) {
            let x = Unicode.Scalar(v)!
            let others = [v, v + 1, v - 1] + String(x).lowercased().unicodeScalars.map(\.value) + String(x).uppercased().unicodeScalars.map(\.value)
            for w in others {
                guard let y = Unicode.Scalar(w), Graphemes.isStandalone(w) else { continue }
                var (a, b) = ("a" + String(x), "a" + String(y))
                let answer = a.withUTF8 { p in b.withUTF8 { q in Graphemes.lowercasedEqual(p[...], q[...]) } }
                guard let answer else { continue }
                decided += 1
                if answer != (a.lowercased() == b.lowercased()) { wrong.append("U+\(String(v, radix: 16)) U+\(String(w, radix: 16))") }
            }
        }
        #expect(decided > 1_000)
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test func canonicallyPlainScalarsAreTheirOwnNormalForm() {
        // NFC of a plain scalar is itself, and it is not reordered: strings of them are NFC, so
        // Swift's canonical comparison of two is a comparison of bytes.
        var wrong: [String] = []
        for v in UInt32(0)...0x1FFFF where Graphemes.isCanonicallyPlain(v) {
            let scalar = Unicode.Scalar(v)!
            let nfc = String(scalar).precomposedStringWithCanonicalMapping
            if Array(nfc.unicodeScalars) != [scalar] || scalar.properties.canonicalCombiningClass != .notReordered {
                wrong.append("U+\(String(v, radix: 16))")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
        for v: UInt32 in [0x212B, 0x2126, 0x1F71, 0x037E, 0x0301, 0x0308, 0x1161, 0x0BBE, 0x3099] { #expect(!Graphemes.isCanonicallyPlain(v)) }
        #expect(String("\u{212B}") == String("\u{C5}"))
    }

    @Test func textThatJoinsScalarsTakesSwiftsPath() {
        for text in ["e\u{301}", "\r\n", "👍🏽", "한", "नमस्ते", "a\u{200D}b", "ｶﾞ", "か\u{3099}"] {
            #expect(!Graphemes.allStandalone(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
