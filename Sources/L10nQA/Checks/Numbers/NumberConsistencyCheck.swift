import L10nCore

/// Every number of the (adapted) source is in the target as written, and the target adds none.
///
/// Adaptation runs before translation, so the source already has the market's figures in the
/// market's format ("1,4 bar" for pt-BR): a target with "1.4 bar" changed the number's format,
/// one with "1,5 bar" changed the number.
public struct NumberConsistencyCheck: QACheck {
    public static let description = CheckDescription(
        id: "numbers.consistency", name: "Numbers",
        summary: "The target has the same numbers as the adapted source, in the same format.",
        rationale: "A changed price, voltage or dimension is the most expensive mistake a product page can carry. The source is compared after market adaptation, so \"1,4 bar\" is right for pt-BR and \"1.4 bar\" is not. Protected spans (model numbers, URLs) are codes and checked by codes.parity.",
        defaultSeverity: .error,
        passing: [
            CheckExample("Pressão máxima 1,4 bar, 2 anos de garantia.", "Pressão máxima de 1,4 bar e garantia de 2 anos.", to: "pt-BR"),
            CheckExample("Fits {url} and 3 models.", "Passt zu 3 Modellen: {url}"),
            CheckExample("No figures here.", "Hier keine Zahlen."),
            CheckExample("Model {url} at 2 bar.", "Modell {url} bei 2 bar."),
        ],
        failing: [
            CheckExample("Pressão máxima 1,4 bar.", "Pressão máxima ⟦1.4 bar.", to: "pt-BR"),
            CheckExample("Preis: 129,99 €", "Preis: ⟦129,90 €"),
            CheckExample("2 Jahre Garantie.", "Garantie.⟦"),
        ])

    public init() {}

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        var missing = Self.numbers(in: pair.source.textWithReadableOffsets).map(\.text)
        var extra: [(text: String, offset: Int)] = []
        for n in Self.numbers(in: pair.target.textWithReadableOffsets) {
            if let i = missing.firstIndex(of: n.text) { missing.remove(at: i) } else { extra.append(n) }
        }
        var issues: [QAIssue] = []
        for i in 0..<max(missing.count, extra.count) {
            switch (i < missing.count ? missing[i] : nil, i < extra.count ? extra[i] : nil) {
            case let (m?, e?): issues.append(QAIssue("the source has \(m) where the target has \(e.text)", at: e.offset))
            case let (m?, nil): issues.append(QAIssue("the target lacks the number \(m)"))
            case let (nil, e?): issues.append(QAIssue("the target has \(e.text), which is not in the source", at: e.offset))
            case (nil, nil): break
            }
        }
        return issues
    }

    /// Digit runs with their inner separators (`1,299.00`, `1.4`, `12 345`), and where each starts.
    static func numbers(in characters: [(Character, Int)]) -> [(text: String, offset: Int)] {
        var out: [(String, Int)] = []
        var i = 0
        while i < characters.count {
            guard characters[i].0.isASCII, characters[i].0.isNumber else { i += 1; continue }
            let start = characters[i].1
            var s = ""
            while i < characters.count {
                let c = characters[i].0
                if c.isASCII && c.isNumber { s.append(c); i += 1; continue }
                // A separator counts only between digits: "1,4", "12 345" (no-break or thin space).
                if [",", ".", "\u{00A0}", "\u{202F}", "'"].contains(c), i + 1 < characters.count,
                   characters[i + 1].0.isASCII, characters[i + 1].0.isNumber {
                    s.append(c); i += 1; continue
                }
                break
            }
            out.append((s, start))
        }
        return out
    }
}
