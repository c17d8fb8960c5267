import Foundation
import Testing
@testable import L10nText

/// A segmenter's memo of split texts only saves work: a repeated text gets the boundaries the
/// rules give it, and the memo stays within its bound.
@Suite struct SentenceBoundaryMemoTests {
    @Test func repeatedTextsGetTheBoundariesTheRulesGive() throws {
        let rules = try SRXShortcutTests.compiledRules("en")
        let options = SentenceSegmenter.Options(usesICUBoundaries: true, singleLineBreaksAreSpaces: true)
        let fast = SentenceSegmenter(language: "en", rules: rules, options: options)
        let plain = SentenceSegmenter(language: "en", rules: rules, options: options, usesShortcuts: false)
        let texts = SRXShortcutTests.texts(count: 400, seed: 83) + ["Dr. Smith came. He left.", "One. Two.\nThree"]
        // Three rounds: the first fills the memo, the others read it (and a copy shares it).
        let copy = fast
        for round in 0..<3 {
            for text in texts {
                let expected = plain.sentenceBoundaries(in: text)
                #expect((round == 1 ? copy : fast).sentenceBoundaries(in: text) == expected, "\(text.debugDescription)")
            }
        }
    }

    @Test func itStartsOverPastItsCapacityAndSkipsLongTexts() {
        let memo = SentenceBoundaryMemo()
        let size = SentenceBoundaryMemo.capacity / 16
        func text(_ n: Int) -> [UInt16] {
            var t = [UInt16](repeating: 0x61, count: size)
            t[0] = UInt16(n)
            return t
        }
        for n in 0..<16 { memo.remember([n], of: text(n)) }
        #expect(memo.boundaries(of: text(0)) == [0])
        #expect(memo.boundaries(of: text(15)) == [15])
        memo.remember([16], of: text(16))  // past the capacity: the memo starts over
        #expect(memo.boundaries(of: text(0)) == nil)
        #expect(memo.boundaries(of: text(16)) == [16])
        let long = [UInt16](repeating: 0x61, count: size + 1)
        memo.remember([1], of: long)
        #expect(memo.boundaries(of: long) == nil)
    }
}
