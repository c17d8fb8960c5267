import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nMemory

/// The matcher's text: the byte-level shortcuts for ASCII pieces, the serialized form and the
/// index terms agree with their plain definitions (the forms stored in every memory).
@Suite struct MatchTextTests {
    /// The definitions the shortcuts must keep: no letter or digit → punctuation; only digits
    /// and `.,-'` with a digit → number; anything else → word.
    static func oracle(_ piece: Substring) -> MatchText.PieceKind {
        let scalars = piece.unicodeScalars
        guard scalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else { return .punctuation }
        var digit = false
        for c in scalars {
            if c.properties.numericType != nil { digit = true; continue }
            if c != "." && c != "," && c != "-" && c != "'" { return .word }
        }
        return digit ? .number : .word
    }

    @Test func pieceKindsAgreeWithTheirDefinition() {
        let alphabet: [String] = ["a", "Z", "0", "7", ".", ",", "-", "'", " ", "\t", "/", "%", "$", "é", "½", "٣", "中", "°", "–", "\u{A0}", "x"]
        var rng = SplitMix64(seed: 11)
        var kinds: [MatchText.PieceKind: Int] = [:]
        for _ in 0..<20_000 {
            let piece = Substring((0..<Int.random(in: 1...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined())
            let kind = MatchText.kind(of: piece)
            #expect(kind == Self.oracle(piece), "\(piece.debugDescription)")
            kinds[kind, default: 0] += 1
        }
        #expect(kinds.count == 3 && kinds.values.allSatisfy { $0 > 500 }, "\(kinds)")
    }

    @Test func theSerializedFormJoinsTheFieldsAndReadsBack() throws {
        let content = Content([.text("Only 3.5 kg, "), .code(InlineCode(kind: .open, id: "1", data: "<b>")), .text("WiFi-ready!")])
        let text = MatchText(content, language: LanguageTag("en")!)
        // Compact: the written words, punctuation and codes after U+0002.
        let expected = "\u{2}" + [text.written, [text.punctuation], text.codes]
            .map { $0.joined(separator: "\u{1F}") }.joined(separator: "\u{1E}")
        #expect(text.serialized == expected)
        #expect(MatchText(serialized: text.serialized) == text)
        #expect(MatchText.words(ofSerialized: text.serialized).map(String.init) == text.words)
        // The full form older memories hold still reads back.
        let full = [text.words, text.shapes, text.numbers, text.written, [text.punctuation], text.codes]
            .map { $0.joined(separator: "\u{1F}") }.joined(separator: "\u{1E}")
        #expect(MatchText(serialized: full) == text)
        #expect(MatchText.words(ofSerialized: full).map(String.init) == text.words)
        #expect(text.numbers == ["3.5"] && text.codes == ["open:<b>"])
    }

    @Test func indexTermsHashThePairAndTheWord() {
        let en = LanguageTag("en")!, de = LanguageTag("de")!
        let text = MatchText(Content(text: "Stainless pump housing, 3 pumps."), language: en)
        let expected = Set(text.shapes.filter { $0 != "#" }.map {
            Int64(bitPattern: FNV1a.hash(en.rawValue + "\u{1}" + de.rawValue + "\u{1}" + $0))
        })
        #expect(text.indexTerms(from: en, to: de) == expected)
        #expect(MatchText.term("pump", from: en, to: de) == Int64(bitPattern: FNV1a.hash("en\u{1}de\u{1}pump")))
    }

    @Test func theShapeKeyHashesTheJoinedShapesAndCodes() {
        // Stored with every unit: hashing piece by piece must give the key of the joined string.
        for content in [Content(text: "Only 3.5 kg, WiFi-ready!"), Content(text: ""),
                        Content([.text("Pump "), .code(InlineCode(kind: .open, id: "1", data: "<b>")), .text("12 V"),
                                 .code(InlineCode(kind: .close, id: "1", data: "</b>"))])] {
            let text = MatchText(content, language: LanguageTag("en")!)
            #expect(text.shapeKey == FNV1a.hex(text.shapes.joined(separator: " ") + "\u{1}" + text.codes.joined(separator: "\u{1}")))
        }
    }

    @Test func theExactKeyHashesTheFingerprint() {
        // Stored with every unit: hashing run by run must give the key of the joined fingerprint.
        for content in [Content(text: "Only 3.5 kg, WiFi-ready!"), Content(text: ""), Content(text: "Ünïcödé \u{E000} 日本"),
                        Content([.code(InlineCode(kind: .standalone, id: "1", data: "<br/>")), .text("Pump "),
                                 .code(InlineCode(kind: .open, id: "2", data: "<b>")), .text("12 V"),
                                 .code(InlineCode(kind: .close, id: "2", data: "</b>"))])] {
            #expect(MatchText.exactKey(content) == FNV1a.hex(MatchText.fingerprint(content)))
        }
    }
}
