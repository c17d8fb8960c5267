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
        // Two words with nothing but spaces between them need a space.
        guard text.utf8.contains(UInt8(ascii: " ")) else { return [] }
        if Graphemes.allStandalone(text) {
            let scalars = Array(text.unicodeScalars)
            return repeats(count: scalars.count, isLetter: { Graphemes.isLetter(scalars[$0]) }, isSpace: { scalars[$0] == " " },
                           word: { String(String.UnicodeScalarView(scalars[$0])) })
        }
        let chars = Array(text)
        return repeats(count: chars.count, isLetter: { chars[$0].isLetter }, isSpace: { chars[$0] == " " }, word: { String(chars[$0]) })
    }

    /// The walk over `count` characters: each word is compared with the word before it when only
    /// spaces came between (lower-cased, and only when they are the same length).
    private static func repeats(count: Int, isLetter: (Int) -> Bool, isSpace: (Int) -> Bool,
                                word: (Range<Int>) -> String) -> [(word: String, offset: Int)] {
        var out: [(String, Int)] = []
        var previous: Range<Int>?  // the last word, while only spaces followed it
        var i = 0
        while i < count {
            guard isLetter(i) else {
                if !isSpace(i) { previous = nil }
                i += 1
                continue
            }
            let start = i
            while i < count, isLetter(i) { i += 1 }
            if let a = previous, a.count == i - start, a.count >= 2 {
                let lower = word(a).lowercased()
                if lower == word(start..<i).lowercased() { out.append((lower, start)) }
            }
            previous = start..<i
        }
        return out
    }
}
