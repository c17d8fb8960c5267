import Foundation
import L10nCore
import L10nText

/// Finds glossary terms in a text: pure and synchronous, so the pipeline, `glossary lookup` and
/// a QA check (`glossary.compliance`: required term missing, forbidden term used, do-not-translate
/// term altered) ask the same question the same way.
///
/// Text and terms are cut into words at ICU word boundaries (``ICUWordBreaker``), whitespace is
/// skipped and punctuation kept as a word of its own (so `Wi-Fi` matches `Wi-Fi` and not `Wi Fi`),
/// and words compare case-folded. Matches are whole words only; where terms overlap, the longest
/// (in words) wins and the search resumes after it. In English, the last word of a term also
/// matches its regular plurals (`housing` → `housings`, `box` → `boxes`, `battery` → `batteries`).
public struct TermMatcher: Sendable {
    /// Which term of an entry is looked for.
    public enum Side: Hashable, Sendable {
        /// The source term (recognition in a source segment).
        case source
        /// The target-side term: the target term, or the term itself for do-not-translate entries
        /// (checking a translation).
        case target
    }

    private struct Pattern: Sendable {
        var words: [String]
        var entries: [TermEntry]
    }

    private struct Word {
        var folded: String
        var forms: [String]
        var range: Range<String.Index>
    }

    /// The language of the texts searched.
    public let language: LanguageTag
    private let breaker: ICUWordBreaker
    private let plurals: Bool
    /// Patterns by their first word, longest first.
    private let index: [String: [Pattern]]

    /// A matcher for the entries of `termbase` that translate from `sourceLanguage` into
    /// `targetLanguage` (nil: every target language), looking for their `side` terms.
    public init(_ termbase: Termbase, sourceLanguage: LanguageTag, targetLanguage: LanguageTag?, side: Side = .source) {
        let language = side == .source ? sourceLanguage : (targetLanguage ?? sourceLanguage)
        self.language = language
        breaker = ICUWordBreaker(locale: language.rawValue)
        plurals = language.language.lowercased() == "en"
        var grouped: [[String]: [TermEntry]] = [:]
        var order: [[String]] = []
        for entry in termbase.entries(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage) {
            let term: String?
            switch side {
            case .source: term = entry.term
            case .target: term = entry.status == .doNotTranslate ? (entry.targetTerm ?? entry.term) : entry.targetTerm
            }
            guard let term else { continue }
            let words = Self.words(of: term, breaker: breaker, plurals: false).map(\.folded)
            guard !words.isEmpty else { continue }
            if grouped[words] == nil { order.append(words) }
            grouped[words, default: []].append(entry)
        }
        var index: [String: [Pattern]] = [:]
        for words in order { index[words[0], default: []].append(Pattern(words: words, entries: grouped[words]!)) }
        for key in index.keys { index[key]!.sort { $0.words.count > $1.words.count } }
        self.index = index
    }

    /// Whether there is any term to look for.
    public var isEmpty: Bool { index.isEmpty }

    /// Every term in `text`, in order, none overlapping.
    public func hits(in text: String) -> [TermHit] {
        guard !index.isEmpty else { return [] }
        let words = Self.words(of: text, breaker: breaker, plurals: plurals)
        var hits: [TermHit] = []
        var i = 0
        while i < words.count {
            var best: Pattern?
            for form in words[i].forms {
                for pattern in index[form] ?? [] where pattern.words.count > (best?.words.count ?? 0) && matches(pattern, words, at: i) {
                    best = pattern
                }
            }
            guard let best else { i += 1; continue }
            let range = words[i].range.lowerBound..<words[i + best.words.count - 1].range.upperBound
            hits.append(TermHit(range: range, text: String(text[range]), entries: best.entries))
            i += best.words.count
        }
        return hits
    }

    /// Whether `pattern` starts at word `i`: every word the same folded, the last also as a plural.
    private func matches(_ pattern: Pattern, _ words: [Word], at i: Int) -> Bool {
        let n = pattern.words.count
        guard i + n <= words.count else { return false }
        for k in 0..<n {
            let word = words[i + k]
            if k == n - 1 ? !word.forms.contains(pattern.words[k]) : word.folded != pattern.words[k] { return false }
        }
        return true
    }

    /// The words of `text` (whitespace left out), folded, with their plural-free forms.
    private static func words(of text: String, breaker: ICUWordBreaker, plurals: Bool) -> [Word] {
        var words: [Word] = []
        for piece in breaker.pieces(of: text) where !piece.allSatisfy(\.isWhitespace) {
            let folded = fold(piece)
            words.append(Word(folded: folded, forms: plurals ? [folded] + singulars(of: folded) : [folded], range: piece.startIndex..<piece.endIndex))
        }
        return words
    }

    /// Case folding (`Straße`/`STRASSE`, `İ`), so comparisons ignore case in every script.
    static func fold(_ text: Substring) -> String {
        String(text).folding(options: [.caseInsensitive], locale: nil)
    }

    /// What a regular English plural may be the plural of: `batteries` → `battery`, `boxes` →
    /// `box` (and `boxe`), `housings` → `housing`. Never the word itself, never a word ending in
    /// `ss` (`glass` is no plural).
    static func singulars(of word: String) -> [String] {
        guard word.count > 2, word.hasSuffix("s"), !word.hasSuffix("ss") else { return [] }
        var forms = [String(word.dropLast())]
        if word.hasSuffix("es") { forms.append(String(word.dropLast(2))) }
        if word.hasSuffix("ies"), word.count > 4 { forms.append(String(word.dropLast(3)) + "y") }
        return forms
    }
}
