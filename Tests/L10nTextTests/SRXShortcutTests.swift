import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nText

/// The SRX evaluator's Swift-side shortcuts (a period before the position, word-list
/// prechecks, a required character) only skip work ICU would have done for nothing: checked
/// against ICU itself on generated texts, for the built-in rules of every language.
@Suite struct SRXShortcutTests {
    static let languages = ["en", "de", "fr", "es", "pt", "it", "ja", "zh", "nl"]

    static func compiledRules(_ language: String) throws -> [CompiledRule] {
        try SRXDocument.builtIn().languageRules(for: language).flatMap(\.rules).map { try CompiledRule($0) }
    }

    static let pieces: [String] = [
        "Mr", "Dr", "St", "No", "no", "Nr", "N.º", "Nº", "p", "pp", "Fig", "z", "B", "d", "h", "u", "a", "Jan", "Sept", "incl",
        "Co", "Ltd", "Inc", "e", "g", "i", "E", "G", "A", "M", "P", "m", "ca", "bzw", "Ä", "é", "Sr", "Sra", "Dña", "ecc",
        "vs", "approx", "máx", "pág", "Tel", "etc", "Max", "sig", "ss", "Sig", "Mme", "M", "MM", "taille",
        ".", ".", ".", " ", " ", " ", "\n", "…", "!", "?", ";", ":", ")", "»", "”", "\"", "1", "12", "2024", "X",
        "Smith", "the", "word", "Das", "Oktober", "Generation", "5", "€", "$", "#", "№", "。", "「", "こ", "中",
    ]

    static func texts(count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...16, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        }
    }

    @Test func someBuiltInRulesHavePrechecks() throws {
        let english = try Self.compiledRules("en")
        #expect(english.contains { $0.precheck != nil })
        #expect(english.contains { $0.requiredUnit == 0x2026 })  // the ellipsis break rule
        let german = try Self.compiledRules("de")
        #expect(german.filter { $0.precheck != nil }.count >= 2)
        #expect(english.allSatisfy { ($0.precheck == nil) == ($0.compiledPrecheck == nil) })
    }

    @Test(arguments: languages)
    func prechecksNeverRuleOutAnICUMatch(language: String) throws {
        let rules = try Self.compiledRules(language)
        var checked = 0
        for text in Self.texts(count: 1500, seed: 31) {
            let units = Array(text.utf16)
            units.withUnsafeBufferPointer { buffer in
                for rule in rules {
                    guard let before = rule.before?.clone() else { continue }
                    before.setText(buffer)
                    defer { before.clearText() }
                    for q in 1...buffer.count {
                        let start = rule.beforeAnchorsAtStart ? 0 : max(0, q - SRXEvaluator.lookbehindWindow)
                        guard before.firstMatch(from: start, to: q, anchoring: true) != nil else { continue }
                        checked += 1
                        if let unit = rule.beforeLastUnit { #expect(buffer[q - 1] == unit, "\(text.debugDescription) at \(q)") }
                        if let precheck = rule.precheck {
                            #expect(precheck.mayMatch(endingAt: q, in: buffer), "\(text.debugDescription) at \(q)")
                            #expect(rule.compiledPrecheck?.mayMatch(endingAt: q, in: buffer) == true, "\(text.debugDescription) at \(q)")
                        }
                        if let unit = rule.requiredUnit { #expect(units.contains(unit), "\(text.debugDescription)") }
                    }
                }
            }
        }
        #expect(checked > 200, "the generator must make the rules match")
    }

    @Test(arguments: languages)
    func segmentationIsTheSameWithAndWithoutShortcuts(language: String) throws {
        let rules = try Self.compiledRules(language)
        let options = SentenceSegmenter.Options(usesICUBoundaries: true, singleLineBreaksAreSpaces: true)
        let fast = SentenceSegmenter(language: language, rules: rules, options: options)
        let plain = SentenceSegmenter(language: language, rules: rules, options: options, usesShortcuts: false)
        for text in Self.texts(count: 3000, seed: 47) {
            #expect(fast.sentenceBoundaries(in: text) == plain.sentenceBoundaries(in: text), "\(text.debugDescription)")
        }
    }

    /// The shortcut for units with no inner break relies on this: whenever
    /// ``SentenceSegmenter/hasNoInnerSentenceBreak(_:)`` says so, ICU proposes nothing but the
    /// end — checked on generated texts with decimals, closing runs and non-ASCII letters, and
    /// the generator must make the predicate say yes often and no often.
    @Test(arguments: ["en", "de", "fr", "ja", "root"])
    func icuBreaksOnlyAtTheEndWhereTheShortcutSaysSo(locale: String) {
        let alphabet: [String] = Array("aZ09 \t,;:'\"()[]{}<>-_/\\@#$%^&*+=|~`Mr Dr Hello WORLD 12 3").map(String.init)
            + ["é", "°", "–", "€", "中", "”", "’", "5.5", "$89.99", ". ", ".", "!", "?", "\n", "…", "。", "U.S", "1.", ".)", "e.g"]
        let tails = ["", ".", "!", "?", "...", ".\"", ".) ", "?!", "!”  ", ". ", ".’", "\n", ". X"]
        var rng = SplitMix64(seed: 5)
        let breaker = ICUSentenceBreaker(locale: locale)
        var yes = 0, no = 0
        for _ in 0..<4000 {
            let body = (0..<Int.random(in: 1...30, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            let text = body + tails.randomElement(using: &rng)!
            guard SentenceSegmenter.hasNoInnerSentenceBreak(Array(text.utf16)) else { no += 1; continue }
            yes += 1
            #expect(breaker.sentenceBoundaries(in: text) == [text.utf16.count], "\(text.debugDescription)")
        }
        #expect(yes > 500 && no > 500, "yes \(yes), no \(no)")
        #expect(SentenceSegmenter.hasNoInnerSentenceBreak(Array("Fits a 6.5-qt basket for $89.99.\u{201D} ".utf16)))
        #expect(!SentenceSegmenter.hasNoInnerSentenceBreak(Array("One. Two".utf16)))
        #expect(!SentenceSegmenter.hasNoInnerSentenceBreak(Array("Ein Satz。Noch einer".utf16)))
        #expect(!SentenceSegmenter.hasNoInnerSentenceBreak(Array("Hi. )".utf16)))
        #expect(!SentenceSegmenter.hasNoInnerSentenceBreak(Array("Line one\nline two".utf16)))
    }
}
