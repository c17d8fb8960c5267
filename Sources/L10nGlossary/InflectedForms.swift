import Foundation
import L10nCore
import L10nQA

/// The dictionary forms a word of a text may be an inflection of, in a language whose words
/// inflect beyond English's regular plurals: a German translation writes *Akkus* and *Laufräder*
/// where the glossary says *Akku* and *Laufrad*; a Brazilian one *baterias* and *bombas
/// submersíveis* for *bateria* and *bomba submersível*. Without them the glossary check reports a
/// required term as missing in correct work.
///
/// The forms come from the language's Hunspell dictionary (Debian's `hunspell-*` packages, found
/// like the spelling check's) and its affix rules. Compounding languages (German, Dutch, the
/// Scandinavian ones) write most product nouns as compounds the dictionary does not list, so a
/// word it does not know is stemmed by its longest known head: *Laufräder* → *Lauf* + *Rad*.
/// German umlaut plurals (*Räder*, *Schläuche*, *Häuser*) are separate entries in Debian's German
/// dictionary, unrelated to their singulars by any affix rule, so they are also tried without the
/// umlaut and the plural ending (*Räder* → *Rad*) and kept when the dictionary knows the result.
/// Answers are cached per word; one value serves every thread.
final class InflectedForms: @unchecked Sendable {
    // @unchecked: `cache` is only touched while holding `lock`; the dictionary locks itself.
    private let dictionary: HunspellDictionary
    private let compounds: Bool
    /// German: nouns are capitalized, so a compound's head is looked up capitalized (`…räder` →
    /// `Räder`), and plurals may umlaut their stem.
    private let german: Bool
    private let lock = NSLock()
    private var cache: [String: [String]] = [:]

    /// Languages that write noun compounds as one word.
    static let compoundingLanguages: Set<String> = ["de", "nl", "sv", "da", "nb", "nn", "no", "is"]
    /// The shortest compound head looked up, in characters: shorter tails are suffixes, not words.
    static let minimumHead = 3

    /// Forms for `language`, or nil where they are not needed (English: regular plurals are
    /// matched without a dictionary) or no dictionary is installed.
    init?(language: LanguageTag) {
        let code = language.language.lowercased()
        guard code != "en", let dictionary = HunspellDictionaries.dictionary(for: language) else { return nil }
        self.dictionary = dictionary
        compounds = Self.compoundingLanguages.contains(code)
        german = code == "de"
    }

    /// The case-folded dictionary forms of `word` other than `folded` (the word itself, folded),
    /// each once, in the dictionary's order.
    func stems(of word: String, folded: String) -> [String] {
        if let cached = lock.withLock({ cache[word] }) { return cached }
        var stems = lemmas(of: word)
        if stems.isEmpty, compounds { stems = headStems(of: word) }
        var seen: Set<String> = [folded]
        let forms = stems.map { TermMatcher.fold(Substring($0)) }.filter { seen.insert($0).inserted }
        lock.withLock { cache[word] = forms }
        return forms
    }

    /// A compound stemmed by its longest head the dictionary can stem, the rest kept as written.
    private func headStems(of word: String) -> [String] {
        let characters = Array(word)
        guard characters.count > Self.minimumHead else { return [] }
        for start in 1...(characters.count - Self.minimumHead) {
            var head = String(characters[start...])
            if german { head = head.prefix(1).uppercased() + head.dropFirst() }
            let stems = lemmas(of: head)
            guard !stems.isEmpty else { continue }
            let modifier = String(characters[..<start])
            return stems.map { modifier + $0 }
        }
        return []
    }

    /// The dictionary's stems of `word`, and in German its umlaut-plural singulars.
    private func lemmas(of word: String) -> [String] {
        let stems = dictionary.stems(of: word)
        guard german else { return stems }
        return stems + Self.umlautSingulars(of: word).filter { !stems.contains($0) && dictionary.knows($0) }
    }

    /// What a German umlaut plural may be the plural of: the last umlaut undone and the plural
    /// ending (`-er`, `-e`, none) dropped: `Räder` → `Rad`, `Schläuche` → `Schlauch`, `Väter` → `Vater`.
    static func umlautSingulars(of word: String) -> [String] {
        let plain: [Character: Character] = ["ä": "a", "ö": "o", "ü": "u"]
        var singulars: [String] = []
        for ending in ["er", "e", ""] where word.hasSuffix(ending) && word.count > ending.count + 2 {
            var base = Array(word.dropLast(ending.count))
            guard let last = base.lastIndex(where: { plain[$0] != nil }) else { continue }
            base[last] = plain[base[last]]!
            singulars.append(String(base))
        }
        return singulars
    }
}
