import Foundation
import L10nCore

/// Splits text into sentences for translation: ICU's sentence break iterator proposes breaks,
/// SRX rules confirm, veto or add them.
///
/// ICU alone knows UAX #29 (terminal punctuation, quotes and brackets after it, CJK full stops,
/// decimals such as `3.5`, a lowercase word after a period) but not abbreviations: it splits
/// "Dr. Smith" and "Max. 110 V". SRX rules carry that language knowledge. The combination, as in
/// Okapi's SRX segmenter with ICU break rules switched on:
///
/// 1. **Candidates.** Every ICU boundary, plus the end of every match of a break rule's
///    `beforebreak` followed by its `afterbreak` (scanned over the whole text).
/// 2. **Normalization.** A candidate moves forward past the whitespace that follows it, so
///    trailing whitespace stays with the sentence it ends (ICU's convention) and rules written
///    either as `Dr\.` + `\s+\p{Lu}` (Okapi style) or as `Dr\.\s` + `` (LanguageTool style) meet
///    at the same position. Candidates with only whitespace before them are dropped.
/// 3. **Decision.** At each candidate the rules are tried in order (rules of the first document
///    first; within a document, its language maps' rules in SRX order). A rule applies when, at
///    the start of the whitespace run, one or two units into it, or at the candidate itself, its
///    `beforebreak` matches text ending there and its `afterbreak` matches text starting there
///    (an empty pattern always matches). The first rule that applies decides: `break="yes"`
///    breaks, `break="no"` does not. When no rule applies, ICU's proposals break and nothing else
///    does.
///
/// 4. **Opening punctuation.** A boundary that falls right after opening brackets or quotes
///    (`「`, `（`, `“`, general categories Ps and Pi) moves before them: UAX #29 counts them as
///    "Close" and leaves them at the end of the previous sentence when no space intervenes, as
///    in Japanese `です。「はい」`.
///
/// So exception rules suppress ICU breaks (and later break rules), break rules add breaks ICU
/// missed, and earlier documents (a user's file) override later ones (the built-in rules).
///
/// Copies share their compiled rules and ICU iterators; calls from several threads at once are
/// safe and each borrows its own iterator.
public struct SentenceSegmenter: SentenceBreaking {
    /// Choices that are not SRX rules.
    public struct Options: Hashable, Sendable {
        /// Let ICU propose breaks. Turn off to use the SRX rules alone, as classic SRX engines do.
        public var usesICUBoundaries: Bool
        /// Treat a single line break (not a blank line) as a space when ICU looks for breaks.
        /// UAX #29 breaks after every line break, which splits hard-wrapped paragraphs
        /// (Markdown, plain text) mid-sentence; SRX rules still see the real line breaks.
        public var singleLineBreaksAreSpaces: Bool

        public init(usesICUBoundaries: Bool = true, singleLineBreaksAreSpaces: Bool = false) {
            self.usesICUBoundaries = usesICUBoundaries
            self.singleLineBreaksAreSpaces = singleLineBreaksAreSpaces
        }
    }

    /// The language the rules were chosen for (a BCP 47 tag).
    public let language: String
    public let options: Options
    /// How many SRX rules apply to ``language``, over all documents.
    public var ruleCount: Int { evaluator.rules.count }

    private let icu: ICUSentenceBreaker
    private let evaluator: SRXEvaluator
    /// Texts already split, with their boundaries (shared by copies, like the rules).
    private let memo = SentenceBoundaryMemo()

    /// A segmenter using the rules of `documents` that apply to `language`; earlier documents
    /// take precedence. Throws a ``FormatError`` (naming the file and line) when a rule does not
    /// compile.
    public init(language: String, documents: [SRXDocument], options: Options = Options()) throws {
        let tag = LanguageTag(language)?.rawValue ?? language
        var compiled: [CompiledRule] = []
        for document in documents {
            for languageRule in document.languageRules(for: tag) {
                for (index, rule) in languageRule.rules.enumerated() {
                    do {
                        compiled.append(try CompiledRule(rule, checkingParts: false))
                    } catch {
                        throw FormatError(
                            .invalidSRX,
                            "languagerule \"\(languageRule.name)\", rule \(index + 1): the \(error.part) pattern does not compile (\(error.error.name)): \(error.pattern)",
                            at: SourceLocation(file: document.source, line: rule.line))
                    }
                }
            }
        }
        self.init(language: tag, rules: compiled, options: options)
    }

    /// A segmenter over already compiled rules (cannot fail).
    /// Whether the evaluator's and this type's shortcuts are used (off only in tests that compare).
    let usesShortcuts: Bool

    init(language: String, rules: [CompiledRule], options: Options, usesShortcuts: Bool = true) {
        self.usesShortcuts = usesShortcuts
        let tag = LanguageTag(language)?.rawValue ?? language
        self.language = tag
        self.options = options
        icu = ICUSentenceBreaker(locale: tag)
        evaluator = SRXEvaluator(rules: rules, usesShortcuts: usesShortcuts)
    }

    /// The built-in rules for `language`, with `userRules` (if any) taking precedence over them.
    public init(language: String, userRules: SRXDocument?, options: Options = Options()) throws {
        try self.init(language: language, documents: [userRules, try SRXDocument.builtIn()].compactMap { $0 }, options: options)
    }

    public func sentenceBoundaries(in text: String) -> [Int] {
        sentenceBoundaries(inUTF16: Array(text.utf16))
    }

    public func sentenceBoundaries(inUTF16 units: [UInt16]) -> [Int] {
        guard !units.isEmpty else { return [] }
        // Most units (headings, cells, list items, one-sentence paragraphs) give ICU no place to
        // break but the end, and when no break rule can match either, there is nothing for the
        // rules to decide.
        if usesShortcuts, Self.hasNoInnerSentenceBreak(units), units.withUnsafeBufferPointer({ evaluator.cannotProposeBreaks(in: $0) }) {
            return [units.count]
        }
        // A text split before (repeated content is common) is not split again.
        if usesShortcuts, let known = memo.boundaries(of: units) { return known }
        let out = split(units)
        if usesShortcuts { memo.remember(out, of: units) }
        return out
    }

    /// The boundaries of `units`, from ICU's proposals and the rules.
    private func split(_ units: [UInt16]) -> [Int] {
        var proposals: [Int] = []
        if options.usesICUBoundaries {
            proposals = icu.boundaries(in: options.singleLineBreaksAreSpaces ? Self.softBreaksAsSpaces(units) : units)
        }
        var out = units.withUnsafeBufferPointer { evaluator.boundaries(in: $0, icuCandidates: proposals) }
        for (i, p) in out.enumerated() {
            var q = p
            let floor = i > 0 ? out[i - 1] + 1 : 1
            while q > floor, Self.isOpening(units[q - 1]) { q -= 1 }
            out[i] = q
        }
        out.append(units.count)
        return out
    }

    /// True when ICU's sentence rules (UAX #29) can break `units` only at their end: no
    /// paragraph separator anywhere, and every sentence terminal either sits in the closing run
    /// (`Terminal+ Close* Space*` at the very end: "Fits a 6-qt basket.") or is a full stop
    /// directly before a digit ("$89.99", SB6). Most units of product copy — headings, cells,
    /// list items, one-sentence paragraphs — are like that, and need neither ICU nor the rules.
    /// Decided conservatively: a character this does not know (a surrogate pair, an unusual
    /// terminal) means "ask ICU".
    static func hasNoInnerSentenceBreak(_ units: [UInt16]) -> Bool {
        // Over the buffer: the array's subscript checked bounds at every code unit.
        units.withUnsafeBufferPointer(hasNoInnerSentenceBreak)
    }

    private static func hasNoInnerSentenceBreak(_ units: UnsafeBufferPointer<UInt16>) -> Bool {
        var end = units.count
        // The closing run: spaces, then closing quotes and brackets, then terminals.
        while end > 0, units[end - 1] == 0x20 || units[end - 1] == 0x09 { end -= 1 }
        while end > 0, isASCIIOrCommonClose(units[end - 1]) { end -= 1 }
        while end > 0, units[end - 1] == 0x2E || units[end - 1] == 0x21 || units[end - 1] == 0x3F { end -= 1 }
        var i = 0
        while i < end {
            let u = units[i]
            i += 1
            if u < 0x80 {
                switch u {
                case 0x2E:  // a full stop is harmless only before a digit (SB6)
                    guard i < units.count, units[i] >= 0x30, units[i] <= 0x39 else { return false }
                case 0x21, 0x3F, 0x0A, 0x0D, 0x0B, 0x0C: return false
                default: continue
                }
            } else {
                // ParaSep (Sep) and the other ATerms; surrogates are not looked into.
                switch u {
                case 0x85, 0x2024, 0x2028, 0x2029, 0xFE52, 0xFF0E: return false
                case 0xD800...0xDFFF: return false
                default:
                    guard let scalar = Unicode.Scalar(u), !scalar.properties.isSentenceTerminal else { return false }
                }
            }
        }
        return true
    }

    /// ASCII closing brackets and quotes, and the right curly quotes (SB Close).
    @inline(__always) private static func isASCIIOrCommonClose(_ u: UInt16) -> Bool {
        u == 0x29 || u == 0x5D || u == 0x7D || u == 0x22 || u == 0x27 || u == 0x2019 || u == 0x201D
    }

    /// Opening brackets and quotes (general categories Ps and Pi).
    static func isOpening(_ unit: UInt16) -> Bool {
        guard let scalar = Unicode.Scalar(unit) else { return false }
        switch scalar.properties.generalCategory {
        case .openPunctuation, .initialPunctuation: return true
        default: return false
        }
    }

    /// The sentences of `text`, trailing whitespace included: a convenience over
    /// ``sentenceBoundaries(in:)``.
    public func sentences(in text: String) -> [Substring] {
        var out: [Substring] = []
        var start = text.startIndex
        for b in sentenceBoundaries(in: text) {
            let end = String.Index(utf16Offset: b, in: text)
            out.append(text[start..<end])
            start = end
        }
        return out
    }

    /// `units` with every line break that is not part of a blank line replaced by a space
    /// (CR LF by two), so offsets are unchanged.
    static func softBreaksAsSpaces(_ units: [UInt16]) -> [UInt16] {
        // Most units have no line break at all: no copy then.
        guard units.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x85 || $0 == 0x2028 || $0 == 0x0B || $0 == 0x0C }) else { return units }
        var out = units
        var i = 0
        let n = units.count
        func isBreak(_ u: UInt16) -> Bool { u == 0x0A || u == 0x0D || u == 0x85 || u == 0x2028 || u == 0x0B || u == 0x0C }
        while i < n {
            guard isBreak(units[i]) else { i += 1; continue }
            // The whitespace run around this break, and how many line breaks it holds.
            var start = i, end = i
            while start > 0, SRXEvaluator.isWhitespace(units[start - 1]) { start -= 1 }
            while end < n, SRXEvaluator.isWhitespace(units[end]) { end += 1 }
            var breaks = 0
            var k = start
            while k < end {
                if units[k] == 0x0D, k + 1 < end, units[k + 1] == 0x0A { breaks += 1; k += 2; continue }
                if isBreak(units[k]) || units[k] == 0x2029 { breaks += 1 }
                k += 1
            }
            if breaks == 1 {
                for j in start..<end where isBreak(units[j]) { out[j] = 0x20 }
            }
            i = end
        }
        return out
    }
}
