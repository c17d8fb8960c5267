import Foundation

/// Judges one case's adapted output for one market: a mustKeep span that did not survive or an
/// advisory raised on a mustNotFlag span is a **false conversion**; a mustChange left as
/// written (or replaced by something else than expected) or a missing mustFlag advisory is a
/// **miss**.
struct TrapJudge: Sendable {
    enum Kind: String, Sendable { case falseConversion = "false conversion", miss }

    struct Failure: Sendable, CustomStringConvertible {
        var caseID: String
        var market: String
        var kind: Kind
        var expected: String
        var got: String
        var known: String?

        var description: String {
            "[\(kind.rawValue)\(known == nil ? "" : ", known")] \(caseID) (\(market)): expected \(expected); got: \(got)"
        }
    }

    /// An advisory from the report (`after` is null).
    struct Advisory: Sendable {
        var rule: String
        var before: String
    }

    func judge(_ c: TrapCase, market: String, output: String, advisories: [Advisory]) -> [Failure] {
        var failures: [Failure] = []
        func fail(_ kind: Kind, _ expected: String) {
            failures.append(Failure(caseID: c.id, market: market, kind: kind, expected: expected,
                                    got: output.trimmingCharacters(in: .whitespacesAndNewlines).debugDescription, known: c.known))
        }
        let plain = Self.spaced(output)
        for keep in c.mustKeep where keep.markets?.contains(market) ?? true {
            let before = Self.occurrences(of: keep.text, in: c.text)
            if Self.occurrences(of: keep.text, in: output) < before { fail(.falseConversion, "\(keep.text.debugDescription) unchanged") }
        }
        for change in c.mustChange where change.markets?.contains(market) ?? true {
            let to = change.to?.value(for: market)
            // "$349.00" → "US$349.00": the replacement may contain the source span.
            let survives = Self.occurrences(of: Self.spaced(change.from), in: plain) > to.map { Self.occurrences(of: Self.spaced(change.from), in: Self.spaced($0)) } ?? 0
            if survives {
                fail(.miss, "\(change.from.debugDescription) changed")
            } else if let to, Self.occurrences(of: Self.spaced(to), in: plain) == 0 {
                fail(.miss, "\(change.from.debugDescription) → \(to.debugDescription)")
            } else if let pattern = change.pattern?.value(for: market), plain.range(of: pattern, options: .regularExpression) == nil {
                fail(.miss, "\(change.from.debugDescription) → /\(pattern)/")
            }
        }
        for flag in c.mustFlag where !advisories.contains(where: { $0.before.contains(flag.span) && (flag.rule.map($0.rule.hasPrefix) ?? true) }) {
            fail(.miss, "an advisory\(flag.rule.map { " (\($0))" } ?? "") on \(flag.span.debugDescription); advisories: \(advisories.map { "\($0.rule) \($0.before.debugDescription)" })")
        }
        for span in c.mustNotFlag {
            for a in advisories where a.before.contains(span) || span.contains(a.before) {
                fail(.falseConversion, "no advisory on \(span.debugDescription), got \(a.rule) on \(a.before.debugDescription)")
            }
        }
        return failures
    }

    /// No-break and thin spaces read as spaces: the corpus is about figures and units, not about
    /// which space CLDR puts between them.
    static func spaced(_ s: String) -> String {
        String(s.map { "\u{00A0}\u{202F}\u{2009}".contains($0) ? " " : $0 })
    }

    /// How often `span` occurs in `text` as a whole token: not glued to a letter or digit, and
    /// not part of a longer figure ("5 ft" is not in "1.5 ft", "2.4" is not in "12.4").
    static func occurrences(of span: String, in text: String) -> Int {
        guard !span.isEmpty else { return 0 }
        var count = 0
        var from = text.startIndex
        while let r = text.range(of: span, range: from..<text.endIndex) {
            from = text.index(after: r.lowerBound)
            if let first = span.first, first.isLetter || first.isNumber, r.lowerBound > text.startIndex {
                let prev = text[text.index(before: r.lowerBound)]
                if prev.isLetter || prev.isNumber { continue }
                if first.isNumber, ".,".contains(prev), text.index(before: r.lowerBound) > text.startIndex,
                   text[text.index(r.lowerBound, offsetBy: -2)].isNumber { continue }
            }
            if let last = span.last, last.isLetter || last.isNumber, r.upperBound < text.endIndex {
                let next = text[r.upperBound]
                if next.isLetter || next.isNumber { continue }
                if last.isNumber, ".,".contains(next), text.index(after: r.upperBound) < text.endIndex,
                   text[text.index(after: r.upperBound)].isNumber { continue }
            }
            count += 1
        }
        return count
    }
}
