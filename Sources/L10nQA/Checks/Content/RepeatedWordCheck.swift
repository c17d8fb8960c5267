import L10nCore

/// The same word twice in a row ("the the"), unless the source does it too.
public struct RepeatedWordCheck: QACheck {
    public static let description = CheckDescription(
        id: "words.repeated", name: "Repeated word",
        summary: "The target repeats a word (\"die die\") that the source does not.",
        rationale: "A doubled word is almost always an editing slip after a correction. Repetitions the source has on purpose (\"bye bye\"), those the target language's grammar makes (French reflexive \"nous nous\", \"vous vous\"; English \"had had\", \"that that\"), and one-letter words and numbers are left alone.",
        defaultSeverity: .warning,
        passing: [
            CheckExample("The pump runs quietly.", "Die Pumpe läuft leise."),
            CheckExample("Bye bye, drips.", "Bye bye, Tropfen."),
            CheckExample("Das, das wir bauen.", "Das, das wir bauen."),
            CheckExample("We commit to shipping within a day.", "Nous nous engageons à expédier sous un jour.", to: "fr-FR"),
            CheckExample("You commit to the terms.", "Vous vous engagez à respecter les conditions.", to: "fr-FR"),
        ],
        failing: [
            CheckExample("The pump runs quietly.", "Die Pumpe läuft ⟦läuft leise."),
        ])

    public init() {}

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        // The target first: the source's repeats matter only when the target has some.
        let targetRepeats = Self.repeats(in: pair.readableTarget)
        guard !targetRepeats.isEmpty else { return [] }
        let sourceRepeats = Set(Self.repeats(in: pair.readableSource).map { $0.word })
        let grammatical = Self.grammatical[context.targetLanguage.language] ?? []
        return targetRepeats.filter { !sourceRepeats.contains($0.word) && !grammatical.contains($0.word) }
            .map { QAIssue("\"\($0.word)\" twice in a row", at: $0.offset) }
    }

    /// Words a language's grammar doubles (lower case, by language subtag): French reflexives
    /// ("nous nous engageons"), English past perfect and demonstratives ("had had", "that that").
    static let grammatical: [String: Set<String>] = [
        "fr": ["nous", "vous"],
        "en": ["had", "that"],
    ]

    /// Words (letters only, two or more) that follow themselves with only spaces between.
    static func repeats(in text: String) -> [(word: String, offset: Int)] {
        // Two words with nothing but spaces between them need a space.
        var text = text
        // Over the bytes in place: `text.utf8`'s iterator costs several times the comparison.
        guard text.withUTF8({ $0.contains(UInt8(ascii: " ")) }) else { return [] }
        if let found = standaloneRepeats(in: text) { return found }
        // A character is a letter as its first scalar is (``Graphemes/isLetter(_:)``, which
        // looks the common ones up in a table instead of Unicode's properties).
        let chars = Graphemes.characters(text)
        return repeats(count: chars.count, isLetter: { Graphemes.isLetter(chars[$0].unicodeScalars.first!) }, isSpace: { chars[$0] == " " },
                       word: { String(chars[$0]) })
    }

    /// The same walk over the UTF-8 of a text whose characters are its scalars: characters are
    /// counted as scalars are decoded, words are byte ranges. nil as soon as a scalar is not a
    /// character of its own (``Graphemes/isStandalone(_:)``): checked in the same pass, not in a
    /// pass of its own first.
    private static func standaloneRepeats(in text: String) -> [(word: String, offset: Int)]? {
        var text = text
        return text.withUTF8 { bytes -> [(String, Int)]? in
            var out: [(String, Int)] = []
            var previous: (bytes: Range<Int>, start: Int, count: Int)?  // the last word, while only spaces followed it
            var previousLowered: String?  // that word lower-cased, when it was
            var i = 0, characters = 0
            let n = bytes.count
            // The Alphabetic table held once here, not looked up through its lazy global per letter.
            let letters = Graphemes.lowLetters
            @inline(__always) func isLetter(_ v: UInt32) -> Bool {
                if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
                if v < 0x2000 { return letters[Int(v)] }
                return Graphemes.isLetter(value: v)
            }
            // The scalar at `i` and its length, or nil when it may join a neighbour.
            @inline(__always) func next() -> (value: UInt32, length: Int)? {
                let b = UInt32(bytes[i])
                if b < 0x80 { return b == 0x0D ? nil : (b, 1) }
                if b < 0xE0 {
                    guard i + 1 < n else { return nil }
                    let v = (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    return Graphemes.isStandalone(v) ? (v, 2) : nil
                }
                guard b < 0xF0, i + 2 < n else { return nil }
                let v = (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                return Graphemes.isStandalone(v) ? (v, 3) : nil
            }
            while i < n {
                guard var (value, length) = next() else { return nil }
                guard isLetter(value) else {
                    if value != 0x20 { previous = nil }
                    i += length
                    characters += 1
                    continue
                }
                let (startByte, start) = (i, characters)
                repeat {
                    i += length
                    characters += 1
                    guard i < n else { break }
                    guard let scalar = next() else { return nil }
                    (value, length) = scalar
                } while isLetter(value)
                let count = characters - start
                var lowered: String?
                if let a = previous, a.count == count, count >= 2, !asciiDiffer(bytes[a.bytes], bytes[startByte..<i]) {
                    switch Graphemes.lowercasedEqual(bytes[a.bytes], bytes[startByte..<i]) {
                    case false?:
                        break
                    case true?:
                        out.append((String(decoding: bytes[a.bytes], as: UTF8.self).lowercased(), start))
                    case nil:
                        // Lower-casing costs ≈ 2 k instructions a non-ASCII word: the word before was
                        // lower-cased already when it was compared with its own predecessor.
                        let word = previousLowered ?? String(decoding: bytes[a.bytes], as: UTF8.self).lowercased()
                        lowered = String(decoding: bytes[startByte..<i], as: UTF8.self).lowercased()
                        if word == lowered { out.append((word, start)) }
                    }
                }
                previous = (startByte..<i, start, count)
                previousLowered = lowered
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
