import Foundation
import L10nCore
import L10nText

/// Finds glossary terms in a text: pure and synchronous, so the pipeline, `glossary lookup` and
/// a QA check (`glossary.compliance`: required term missing, forbidden term used, do-not-translate
/// term altered) ask the same question the same way.
///
/// Text and terms are cut into words at ICU word boundaries (``ICUWordBreaker``), whitespace is
/// skipped and punctuation kept as a word of its own (so `Wi-Fi` matches `Wi-Fi` and not `Wi Fi`),
/// and words compare case-folded — except do-not-translate terms in a source, which match only as
/// written (`Thread` the protocol, not *thread* the screw thread; `mAh`, not *MAH*). Matches are
/// whole words only; where terms overlap, the longest (in words) wins (with every entry of that
/// length) and the search resumes after it. In English, the last word of a term also matches its
/// regular plurals (`housing` → `housings`, `box` → `boxes`, `battery` → `batteries`). In other
/// languages with a Hunspell dictionary installed, every word of a term also matches its
/// inflections (``InflectedForms``: `Akku` → `Akkus`, `Laufrad` → `Laufräder`, `bomba submersível`
/// → `bombas submersíveis`): a text word matches a term word it stems to, or one that shares a
/// stem with it that is neither of them (`baterias` and `bateria` both stem to `bater`, which
/// alone is another word).
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
        /// Folded words; with `exact`, the words as written, compared as they are.
        var words: [String]
        /// Each word's other dictionary forms (``InflectedForms``), folded; empty lists without them.
        var stems: [[String]]
        var exact: Bool
        var entries: [TermEntry]
    }

    private struct Key: Hashable {
        var words: [String]
        var exact: Bool
    }

    private struct Word {
        var text: String
        var folded: String
        /// The word and what it may be the plural of, folded (and as written, for exact patterns).
        var forms: [String]
        var exactForms: [String]
        /// The dictionary forms it may be an inflection of (``InflectedForms``), folded.
        var stems: [String]
        var range: Range<String.Index>
    }

    /// The language of the texts searched.
    public let language: LanguageTag
    private let breaker: ICUWordBreaker
    private let plurals: Bool
    private let inflections: InflectedForms?
    /// In termbase order.
    private let patterns: [Pattern]
    /// Positions in ``patterns`` by their first word (folded) and its other dictionary forms.
    private let index: [String: [Int]]

    /// A matcher for the entries of `termbase` that translate from `sourceLanguage` into
    /// `targetLanguage` (nil: every target language), looking for their `side` terms.
    public init(_ termbase: Termbase, sourceLanguage: LanguageTag, targetLanguage: LanguageTag?, side: Side = .source) {
        let language = side == .source ? sourceLanguage : (targetLanguage ?? sourceLanguage)
        self.language = language
        breaker = ICUWordBreaker(locale: language.rawValue)
        plurals = language.language.lowercased() == "en"
        let inflections = InflectedForms(language: language)
        self.inflections = inflections
        var grouped: [Key: [TermEntry]] = [:]
        var order: [Key] = []
        for entry in termbase.entries(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage) {
            let term: String?
            switch side {
            case .source: term = entry.term
            case .target: term = entry.status == .doNotTranslate ? (entry.targetTerm ?? entry.term) : entry.targetTerm
            }
            guard let term else { continue }
            // In a source, a do-not-translate term is a name: it matches as written. In a target
            // it is looked for in any case, so that an altered one is found (and reported).
            let exact = side == .source && entry.status == .doNotTranslate
            let words = Self.words(of: term, breaker: breaker, plurals: false, inflections: nil).map { exact ? $0.text : $0.folded }
            guard !words.isEmpty else { continue }
            let key = Key(words: words, exact: exact)
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(entry)
        }
        var patterns: [Pattern] = []
        var index: [String: [Int]] = [:]
        for key in order {
            let stems = key.words.map { key.exact ? [] : (inflections?.stems(of: $0, folded: $0) ?? []) }
            let first = key.exact ? Self.fold(Substring(key.words[0])) : key.words[0]
            for form in [first] + stems[0] { index[form, default: []].append(patterns.count) }
            patterns.append(Pattern(words: key.words, stems: stems, exact: key.exact, entries: grouped[key]!))
        }
        self.patterns = patterns
        self.index = index
    }

    /// Whether there is any term to look for.
    public var isEmpty: Bool { index.isEmpty }

    /// Every term in `text`, in order, none overlapping.
    public func hits(in text: String) -> [TermHit] {
        guard !index.isEmpty else { return [] }
        let words = Self.words(of: text, breaker: breaker, plurals: plurals, inflections: inflections)
        var hits: [TermHit] = []
        var i = 0
        while i < words.count {
            // The longest patterns starting here, and all of their entries (an industry term and
            // a do-not-translate name spelled alike are both reported), in termbase order.
            var length = 0
            var entries: [TermEntry] = []
            let candidates = Set((words[i].forms + words[i].stems).flatMap { index[$0] ?? [] }).sorted()
            for pattern in candidates.map({ patterns[$0] }) where pattern.words.count >= length && matches(pattern, words, at: i) {
                if pattern.words.count > length { (length, entries) = (pattern.words.count, []) }
                entries += pattern.entries.filter { !entries.contains($0) }
            }
            guard length > 0 else { i += 1; continue }
            let range = words[i].range.lowerBound..<words[i + length - 1].range.upperBound
            hits.append(TermHit(range: range, text: String(text[range]), entries: entries))
            i += length
        }
        return hits
    }

    /// Whether `pattern` starts at word `i`: every word the same (folded, or as written for an
    /// exact pattern), the last also as a plural; with dictionary forms, every word also inflected.
    private func matches(_ pattern: Pattern, _ words: [Word], at i: Int) -> Bool {
        let n = pattern.words.count
        guard i + n <= words.count else { return false }
        for k in 0..<n {
            let word = words[i + k], wanted = pattern.words[k]
            if !pattern.exact, inflections != nil {
                guard word.folded == wanted || word.stems.contains(wanted) || word.stems.contains(where: pattern.stems[k].contains) else {
                    return false
                }
                continue
            }
            let forms = pattern.exact ? word.exactForms : word.forms
            if k == n - 1 ? !forms.contains(wanted) : forms[0] != wanted { return false }
        }
        return true
    }

    /// The words of `text` (whitespace left out), folded, with their plural-free forms and their
    /// other dictionary forms.
    private static func words(of text: String, breaker: ICUWordBreaker, plurals: Bool, inflections: InflectedForms?) -> [Word] {
        var words: [Word] = []
        for piece in breaker.pieces(of: text) where !piece.allSatisfy(\.isWhitespace) {
            let raw = String(piece), folded = fold(piece)
            let stems = piece.first?.isLetter == true ? inflections?.stems(of: raw, folded: folded) ?? [] : []
            words.append(Word(text: raw, folded: folded, forms: plurals ? [folded] + singulars(of: folded) : [folded],
                              exactForms: plurals ? [raw] + singulars(of: raw) : [raw], stems: stems, range: piece.startIndex..<piece.endIndex))
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
