import L10nCore

/// Words of the target that the target language's Hunspell dictionary does not know.
///
/// Product copy is full of names a dictionary cannot know, so the check stays quiet on them:
/// protected spans and inline codes are never read; words that also occur in the source (brand
/// and product names, untranslated terms), words with a capital after the first letter
/// (`GlowTrek`, `iPhone`), all-capital acronyms, words with digits and one-letter words are
/// skipped; each part of a hyphenated compound is judged on its own. Without an installed
/// dictionary for the language the check finds nothing (see `HunspellDictionaries`).
public struct SpellingCheck: QACheck {
    public static let description = CheckDescription(
        id: "spelling.unknown", name: "Spelling",
        summary: "Every word of the target is in the target language's Hunspell dictionary (names from the source, acronyms and protected spans excepted).",
        rationale: "A typo on a product page reads as carelessness. Hunspell with Debian's dictionaries catches it; names the source already has, mixed-case brand names, acronyms and protected spans are left alone so correct copy stays quiet. Info by default: a dictionary does not know every technical term.",
        defaultSeverity: .info,
        passing: [
            CheckExample("The pump runs quietly.", "Die Pumpe läuft leise."),
            CheckExample("The GlowTrek lantern lights the tent.", "Die GlowTrek-Laterne beleuchtet das Zelt."),
            CheckExample("Made by TrailBeam in USA.", "Hergestellt von TrailBeam in den USA."),
            CheckExample("Connect over Wi-Fi.", "Über WLAN oder E-Mail verbinden."),
            CheckExample("The pump runs quietly.", "A bomba funciona silenciosamente.", to: "pt-BR"),
            // Decomposed (NFD) text, as some editors and macOS file names give it: still known.
            CheckExample("For the pump.", "F\u{75}\u{308}r die Pumpe, la\u{308}uft leise.", to: "de-DE"),
        ],
        failing: [
            CheckExample("The pump runs quietly.", "Die Pumpe ⟦läuuft leise."),
            CheckExample("The pump runs quietly.", "A bomba funciona ⟦silensiosamente.", to: "pt-BR"),
        ],
        judgesLanguage: true)

    public init() {}

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        guard let dictionary = HunspellDictionaries.dictionary(for: context.targetLanguage) else { return [] }
        let sourceWords = Set(Self.words(in: pair.source).map(\.word))
        var issues: [QAIssue] = []
        for (word, offset) in Self.words(in: pair.target) where !sourceWords.contains(word) {
            // A compound the dictionary knows whole (`Wi-Fi`, `e-mail`) is not taken apart.
            if word.contains("-"), Self.isJudged(word), dictionary.knows(word) { continue }
            for (part, partOffset) in Self.parts(of: word, at: offset) where Self.isJudged(part) && !sourceWords.contains(part) {
                // No suggestions: Hunspell's take tens of milliseconds a word, which a catalogue
                // of pages cannot afford; the reviewer's editor has a speller for that.
                guard !dictionary.knows(part) else { continue }
                issues.append(QAIssue("\"\(part)\" is not in the \(context.targetLanguage.rawValue) dictionary", at: partOffset))
            }
        }
        return issues
    }

    /// Whether a word is one a dictionary can judge.
    static func isJudged(_ word: String) -> Bool {
        let letters = Array(word)
        guard letters.count >= 2 else { return false }
        if letters.allSatisfy({ $0.isUppercase || !$0.isLetter }) { return false }  // USB, LED
        if letters.dropFirst().contains(where: \.isUppercase) { return false }  // GlowTrek, iPhone
        // Scripts without spaces between words (Han, kana, Hangul) need a word breaker, not this.
        if word.unicodeScalars.contains(where: { (0x2E80...0xD7AF).contains($0.value) || (0x20000...0x3FFFF).contains($0.value) }) { return false }
        return true
    }

    /// The words of the content's text runs (codes, protected spans included, are not read),
    /// each with its offset in ``Content/readableText`` (in `Character`s): letters, joined by an
    /// apostrophe or hyphen between letters (`d'eau`, `Wi-Fi`).
    static func words(in content: Content) -> [(word: String, offset: Int)] {
        var out: [(String, Int)] = []
        var base = 0
        for run in content.runs {
            switch run {
            case .code(let c):
                if c.isProtectedText, let e = c.equiv { base += e.count }
            case .text(let t):
                let chars = Array(t)
                var i = 0
                while i < chars.count {
                    guard chars[i].isLetter else { i += 1; continue }
                    let start = i
                    while i < chars.count {
                        if chars[i].isLetter { i += 1; continue }
                        if "'’-".contains(chars[i]), i + 1 < chars.count, chars[i + 1].isLetter, i > start { i += 1; continue }
                        break
                    }
                    // A digit glued to the word (`3x`, `A4`) makes it a code, not a word.
                    let glued = (start > 0 && chars[start - 1].isNumber) || (i < chars.count && chars[i].isNumber)
                    if !glued { out.append((String(chars[start..<i]), base + start)) }
                }
                base += chars.count
            }
        }
        return out
    }

    /// A hyphenated compound's parts, each with its offset; a plain word is its own part.
    static func parts(of word: String, at offset: Int) -> [(String, Int)] {
        guard word.contains("-") else { return [(word, offset)] }
        var out: [(String, Int)] = []
        var position = offset
        for part in word.split(separator: "-", omittingEmptySubsequences: false) {
            out.append((String(part), position))
            position += part.count + 1
        }
        return out
    }
}
