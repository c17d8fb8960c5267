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
        let sourceRepeats = Set(Self.repeats(in: pair.readableSource).map { $0.word })
        return Self.repeats(in: pair.readableTarget).filter { !sourceRepeats.contains($0.word) }
            .map { QAIssue("\"\($0.word)\" twice in a row", at: $0.offset) }
    }

    /// Words (letters only, two or more) that follow themselves with only spaces between.
    static func repeats(in text: String) -> [(word: String, offset: Int)] {
        // Two words with nothing but spaces between them need a space.
        guard text.utf8.contains(UInt8(ascii: " ")) else { return [] }
        if Graphemes.allStandalone(text) { return standaloneRepeats(in: text) }
        let chars = Array(text)
        return repeats(count: chars.count, isLetter: { chars[$0].isLetter }, isSpace: { chars[$0] == " " }, word: { String(chars[$0]) })
    }

    /// The same walk over the UTF-8 of a text whose characters are its scalars: characters are
    /// counted as scalars are decoded, words are byte ranges.
    private static func standaloneRepeats(in text: String) -> [(word: String, offset: Int)] {
        var text = text
        return text.withUTF8 { bytes in
            var out: [(String, Int)] = []
            var previous: (bytes: Range<Int>, start: Int, count: Int)?  // the last word, while only spaces followed it
            var i = 0, characters = 0
            while i < bytes.count {
                var (scalar, length) = Graphemes.scalar(at: i, in: bytes)
                guard Graphemes.isLetter(scalar) else {
                    if scalar != " " { previous = nil }
                    i += length
                    characters += 1
                    continue
                }
                let (startByte, start) = (i, characters)
                repeat {
                    i += length
                    characters += 1
                    guard i < bytes.count else { break }
                    (scalar, length) = Graphemes.scalar(at: i, in: bytes)
                } while Graphemes.isLetter(scalar)
                let count = characters - start
                if let a = previous, a.count == count, count >= 2, !asciiDiffer(bytes[a.bytes], bytes[startByte..<i]) {
                    let word = String(decoding: bytes[a.bytes], as: UTF8.self).lowercased()
                    if word == String(decoding: bytes[startByte..<i], as: UTF8.self).lowercased() { out.append((word, start)) }
                }
                previous = (startByte..<i, start, count)
            }
            return out
        }
    }

    /// Whether two words of letters certainly differ once lower-cased: both ASCII, where a letter
    /// folds by one bit, and unequal folded. Other words are compared as lower-cased strings.
    private static func asciiDiffer(_ a: Slice<UnsafeBufferPointer<UInt8>>, _ b: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard a.count == b.count else { return false }
        var differ = false
        for (x, y) in zip(a, b) {
            if x >= 0x80 || y >= 0x80 { return false }
            if x | 0x20 != y | 0x20 { differ = true }
        }
        return differ
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
