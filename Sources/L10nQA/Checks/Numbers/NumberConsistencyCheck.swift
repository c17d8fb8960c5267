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
        var missing = Self.numbers(in: pair.source).map(\.text)
        var extra: [(text: String, offset: Int)] = []
        for n in Self.numbers(in: pair.target) {
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

    /// Digit runs with their inner separators (`1,299.00`, `1.4`, `12 345`) in `content`'s text,
    /// and where each starts in its readable text (``Content/readableText``). Codes end a number;
    /// text without an ASCII digit has none.
    static func numbers(in content: Content) -> [(text: String, offset: Int)] {
        func hasDigit(_ t: String) -> Bool {
            var t = t
            return t.withUTF8 { $0.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
        }
        guard content.runs.contains(where: { if case .text(let t) = $0 { return hasDigit(t) } else { return false } }) else { return [] }
        // Labelled as returned: an unlabelled array would be converted element by element.
        var out: [(text: String, offset: Int)] = []
        var offset = 0  // where the run starts in the readable text
        for run in content.runs {
            switch run {
            case .text(let t):
                if hasDigit(t) {
                    offset += scan(t, base: offset, into: &out)
                } else {
                    offset += Graphemes.count(t)
                }
            case .code(let c):
                if c.isProtectedText, let e = c.equiv { offset += Graphemes.count(e) }
            }
        }
        return out
    }

    private static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    /// A separator counts only between digits: "1,4", "12 345" (no-break or thin space).
    private static func isSeparator(_ v: UInt32) -> Bool { v == 0x2C || v == 0x2E || v == 0xA0 || v == 0x202F || v == 0x27 }

    /// The numbers of `t` (whose characters start at `base`), and how many characters it has.
    private static func scan(_ t: String, base: Int, into out: inout [(text: String, offset: Int)]) -> Int {
        var t = t
        let found = out.count
        if let count = t.withUTF8({ scan(utf8: $0, base: base, into: &out) }) { return count }
        // A scalar that may join a neighbour: the numbers are looked for among the characters.
        out.removeSubrange(found...)
        let values = Graphemes.characterValues(t)
        scan(values, base: base, into: &out)
        return values.count
    }

    /// The numbers among characters given by their scalar value.
    private static func scan(_ characters: [UInt32], base: Int, into out: inout [(text: String, offset: Int)]) {
        var i = 0
        while i < characters.count {
            guard isDigit(characters[i]) else { i += 1; continue }
            let start = base + i
            var s = String.UnicodeScalarView()
            while i < characters.count {
                let v = characters[i]
                guard isDigit(v) || (isSeparator(v) && i + 1 < characters.count && isDigit(characters[i + 1])) else { break }
                s.append(Unicode.Scalar(v)!)
                i += 1
            }
            out.append((String(s), start))
        }
    }

    /// The same over the UTF-8 of a text whose characters are its scalars, counted as they are
    /// decoded: a number's scalars are consecutive, so it is made from its bytes at once. Returns
    /// the number of characters; nil as soon as a scalar is not a character of its own
    /// (``Graphemes/isStandalone(_:)``), checked in this pass rather than in one of its own first.
    private static func scan(utf8 bytes: UnsafeBufferPointer<UInt8>, base: Int, into out: inout [(text: String, offset: Int)]) -> Int? {
        var i = 0, characters = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            guard isDigit(UInt32(b)) else {
                // Skipped by its length, decoded only when it may join a neighbour (leads C2–CB
                // are U+0080…U+02FF, all standalone).
                if b < 0x80 {
                    if b == 0x0D { return nil }
                    i += 1
                } else if b < 0xE0 {
                    guard i + 1 < n, b < 0xCC || Graphemes.isStandalone(UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)) else { return nil }
                    i += 2
                } else {
                    guard b < 0xF0, i + 2 < n,
                          Graphemes.isStandalone(UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)) else { return nil }
                    i += 3
                }
                characters += 1
                continue
            }
            let (startByte, start) = (i, characters)
            while i < n {
                let (scalar, length) = Graphemes.scalar(at: i, in: bytes)
                // The next character is a digit when its first byte is one.
                guard isDigit(scalar.value) || (isSeparator(scalar.value) && i + length < n && isDigit(UInt32(bytes[i + length]))) else { break }
                guard Graphemes.isStandalone(scalar.value) else { return nil }  // U+202F
                i += length
                characters += 1
            }
            out.append((String(decoding: bytes[startByte..<i], as: UTF8.self), base + start))
        }
        return characters
    }
}
