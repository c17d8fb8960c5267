import L10nCore

/// The same word twice in a row ("the the"), unless the source does it too.
public struct RepeatedWordCheck: QACheck {
    public static let description = CheckDescription(
        id: "words.repeated", name: "Repeated word",
        summary: "The target repeats a word (\"die die\") that the source does not.",
        rationale: "A doubled word is almost always an editing slip after a correction. Repetitions the source has on purpose (\"bye bye\") and one-letter words and numbers are left alone.",
        defaultSeverity: .warning,
        passing: [
            CheckExample("The pump runs quietly.", "Die Pumpe läuft leise."),
            CheckExample("Bye bye, drips.", "Bye bye, Tropfen."),
            CheckExample("Das, das wir bauen.", "Das, das wir bauen."),
        ],
        failing: [
            CheckExample("The pump runs quietly.", "Die Pumpe läuft ⟦läuft leise."),
        ])

    public init() {}

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        let sourceRepeats = Set(Self.repeats(in: pair.source.readableText).map { $0.word })
        return Self.repeats(in: pair.target.readableText).filter { !sourceRepeats.contains($0.word) }
            .map { QAIssue("\"\($0.word)\" twice in a row", at: $0.offset) }
    }

    /// Words (letters only, two or more) that follow themselves with only spaces between.
    static func repeats(in text: String) -> [(word: String, offset: Int)] {
        var out: [(String, Int)] = []
        let chars = Array(text)
        var words: [(word: String, start: Int, end: Int)] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isLetter else { i += 1; continue }
            let start = i
            while i < chars.count, chars[i].isLetter { i += 1 }
            words.append((String(chars[start..<i]).lowercased(), start, i))
        }
        for k in words.indices.dropFirst() {
            let a = words[k - 1], b = words[k]
            guard a.word == b.word, a.word.count >= 2, chars[a.end..<b.start].allSatisfy({ $0 == " " }) else { continue }
            out.append((a.word, b.start))
        }
        return out
    }
}
