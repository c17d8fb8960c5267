import L10nCore

/// Scores a stored source against a query and builds the target to use.
///
/// The score is 100 × (1 − word edit distance ÷ the longer word count), minus penalties: 2 per
/// inline code one side has and the other lacks (1 when the same codes are only in another
/// order), 1 per number that differs, 1 when letters differ only in case, 1 when punctuation
/// differs. Anything short of identical text and codes stays below 100; 100 is exact, 101 exact
/// with the same neighbours. When only numbers differ and every differing number appears once
/// in the stored target, the target gets the query's numbers: a number-substituted match (99
/// less the case and punctuation penalties), flagged so that a person checks it.
public enum MatchScorer {
    public struct Result: Hashable, Sendable {
        public var score: Int
        public var kind: MatchKind
        public var target: Content?
    }

    public static func score(query: Content, queryText: MatchText, stored: Content, storedText: MatchText,
                             storedTarget: Content, sameContext: Bool) -> Result {
        if MatchText.fingerprint(query) == MatchText.fingerprint(stored) {
            let target = renumber(storedTarget, from: stored, to: query)
            return Result(score: sameContext ? 101 : 100, kind: sameContext ? .inContext : .exact, target: target)
        }
        let cosmetic = (queryText.written == storedText.written ? 0 : (queryText.words == storedText.words ? 1 : 0))
            + (queryText.punctuation == storedText.punctuation ? 0 : 1)
        if queryText.shapes == storedText.shapes, queryText.codes == storedText.codes, queryText.numbers != storedText.numbers,
           let repaired = substituteNumbers(in: storedTarget, from: storedText.numbers, to: queryText.numbers) {
            return Result(score: 99 - cosmetic, kind: .numberSubstituted, target: renumber(repaired, from: stored, to: query))
        }
        return Result(score: fuzzyScore(queryText, storedText), kind: .fuzzy, target: renumber(storedTarget, from: stored, to: query))
    }

    /// The fuzzy score alone, from the match texts: what a candidate is ranked by before its
    /// unit is read.
    public static func fuzzyScore(_ queryText: MatchText, _ storedText: MatchText) -> Int {
        let cosmetic = (queryText.written == storedText.written ? 0 : (queryText.words == storedText.words ? 1 : 0))
            + (queryText.punctuation == storedText.punctuation ? 0 : 1)
        let longest = max(queryText.words.count, storedText.words.count)
        let distance = editDistance(queryText.words, storedText.words)
        var score = longest == 0 ? 100 : (100 * (longest - distance)) / longest
        score -= codePenalty(queryText.codes, storedText.codes)
        score -= differingCount(queryText.numbers, storedText.numbers)
        score -= cosmetic
        return max(0, min(score, 99))
    }

    /// The best fuzzy score two word counts allow: a quick bound before the edit distance.
    public static func fuzzyBound(_ a: Int, _ b: Int) -> Int {
        max(a, b) == 0 ? 100 : 100 * min(a, b) / max(a, b)
    }

    /// The score from the words alone (no penalties): an upper bound of ``fuzzyScore(_:_:)``.
    public static func wordScore(_ query: [String], _ stored: [Substring]) -> Int {
        let longest = max(query.count, stored.count)
        return longest == 0 ? 100 : 100 * (longest - editDistance(query, stored)) / longest
    }

    /// Levenshtein distance over words (two rows).
    static func editDistance<A: StringProtocol, B: StringProtocol>(_ a: [A], _ b: [B]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    static func codePenalty(_ a: [String], _ b: [String]) -> Int {
        if a == b { return 0 }
        let missing = differingCount(a, b)
        return missing == 0 ? 1 : 2 * missing
    }

    /// How many items one side has that the other lacks (multiset symmetric difference).
    static func differingCount(_ a: [String], _ b: [String]) -> Int {
        var counts: [String: Int] = [:]
        for x in a { counts[x, default: 0] += 1 }
        for x in b { counts[x, default: 0] -= 1 }
        return counts.values.reduce(0) { $0 + abs($1) }
    }

    /// The stored target with each differing number replaced by the query's; nil when a number to
    /// replace is not in the target exactly once as a whole word (it was localized or repeated).
    static func substituteNumbers(in target: Content, from old: [String], to new: [String]) -> Content? {
        guard old.count == new.count else { return nil }
        var replacements: [String: String] = [:]
        for (o, n) in zip(old, new) where o != n {
            if let earlier = replacements[o], earlier != n { return nil }
            replacements[o] = n
        }
        var runs = target.runs
        for (o, n) in replacements {
            var found = 0
            for (i, run) in runs.enumerated() {
                guard case .text(let t) = run else { continue }
                let ranges = wholeNumberRanges(of: o, in: t)
                found += ranges.count
                guard !ranges.isEmpty else { continue }
                var s = t
                for r in ranges.reversed() { s.replaceSubrange(r, with: n) }
                runs[i] = .text(s)
            }
            guard found == 1 else { return nil }
        }
        return Content(runs)
    }

    /// Where `number` occurs in `text` not as part of a longer number or word.
    private static func wholeNumberRanges(of number: String, in text: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var from = text.startIndex
        while let r = text.range(of: number, range: from..<text.endIndex) {
            let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : nil
            let after = r.upperBound < text.endIndex ? text[r.upperBound] : nil
            func joins(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber } ?? false }
            if !joins(before) && !joins(after) { out.append(r) }
            from = r.upperBound
        }
        return out
    }

    /// The target with the stored source's code ids replaced by the query's, matched by position
    /// (same kinds in the same order); nil when the codes cannot be mapped.
    public static func renumber(_ target: Content, from stored: Content, to query: Content) -> Content? {
        let storedCodes = stored.codes, queryCodes = query.codes
        guard storedCodes.count == queryCodes.count, zip(storedCodes, queryCodes).allSatisfy({ $0.kind == $1.kind }) else {
            return target.codes.isEmpty ? target : nil
        }
        var byStoredID: [String: [InlineCode.Kind: InlineCode]] = [:]
        for (s, q) in zip(storedCodes, queryCodes) { byStoredID[s.id, default: [:]][s.kind] = q }
        var runs: [Content.Run] = []
        for run in target.runs {
            switch run {
            case .text: runs.append(run)
            case .code(let c):
                guard let code = byStoredID[c.id]?[c.kind] else { return nil }
                runs.append(.code(code))
            }
        }
        return Content(runs)
    }
}
