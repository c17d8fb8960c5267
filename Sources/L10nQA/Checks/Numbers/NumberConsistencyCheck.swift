import L10nCore

/// Every number of the (adapted) source is in the target, in the target's format, and the
/// target adds none.
///
/// `adapt` writes the source's figures the market's way before translation ("1,4 bar" for
/// pt-BR), so its targets must carry them as written. A source that was not adapted (an
/// `extract`ed file) is read the source language's way and each quantity expected in the target
/// language's format — the market's, with `--market`, units converted — so "2,5 kg" is right in
/// Spanish for "2.5 kg", "1.4 bar" in pt-BR is not, and "Bluetooth 5.3" stays as written.
public struct NumberConsistencyCheck: QACheck {
    public static let description = CheckDescription(
        id: "numbers.consistency", name: "Numbers",
        summary: "The target has the same numbers as the adapted source, in the target's format.",
        rationale: "A changed price, voltage or dimension is the most expensive mistake a product page can carry. The source is compared as adapted for the market (or, not adapted, with its quantities in the target language's format), so \"1,4 bar\" is right for pt-BR and \"1.4 bar\" is not, while names such as Bluetooth 5.3 stay as written. Protected spans (model numbers, URLs) are codes and checked by codes.parity.",
        defaultSeverity: .error,
        passing: [
            CheckExample("Pressão máxima 1,4 bar, 2 anos de garantia.", "Pressão máxima de 1,4 bar e garantia de 2 anos.", to: "pt-BR"),
            CheckExample("Fits {url} and 3 models.", "Passt zu 3 Modellen: {url}"),
            CheckExample("No figures here.", "Hier keine Zahlen."),
            CheckExample("Model {url} at 2 bar.", "Modell {url} bei 2 bar."),
            CheckExample("The tank holds 2.5 liters.", "El depósito tiene 2,5 litros.", to: "es-ES"),
            CheckExample("Bluetooth 5.3, 1,500 W peak.", "Bluetooth 5.3, 1.500 W Spitze."),
            CheckExample("Wi-Fi 802.11ac and 5.1 channel sound.", "Wi-Fi 802.11ac und 5.1 Kanal-Sound."),
            CheckExample("Offer ends 12/25/2026 at 10:30.", "Angebot endet am 25.12.2026 um 10.30 Uhr."),
            CheckExample("Orders placed before 2:00 PM ship today.", "Bestellungen bis 14:00 Uhr gehen heute raus."),
            CheckExample("Hold the button for five seconds.", "ボタンを5秒間押し続けます。", to: "ja-JP"),
        ],
        failing: [
            CheckExample("Pressão máxima 1,4 bar.", "Pressão máxima ⟦1.4 bar.", to: "pt-BR"),
            CheckExample("Working pressure: 1.4 bar.", "Pressão de trabalho: ⟦1.4 bar.", to: "pt-BR"),
            CheckExample("Peak output: 1,500 W.", "Spitzenleistung: ⟦1,500 W."),
            CheckExample("PPS: 3.3–11V⎓3A", "PPS: ⟦3.3–11V⎓3A"),
            CheckExample("Preis: 129,99 €", "Preis: ⟦129,90 €"),
            CheckExample("2 Jahre Garantie.", "Garantie.⟦"),
        ])

    private let figures: (any SourceFigureAdapting)?

    /// `figures`: how the context's market adapts a source's figures (units converted, prices
    /// and numbers in its format), for sources that were not adapted; without it, or without a
    /// market, the source's numbers are expected in the target language's format.
    public init(figures: (any SourceFigureAdapting)? = nil) {
        self.figures = figures
    }

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        let targetNumbers = Self.numbers(in: pair.target)
        if context.sourceFiguresAreFinal {
            return Self.compare(Self.numbers(in: pair.source).map { Expected(text: $0.text, value: nil, asWritten: true) }, targetNumbers, conventions: nil)
        }
        let sourceNumbers = Self.numbers(in: pair.source)
        // Nothing to compare, and nothing for the market's rules to adapt.
        if sourceNumbers.isEmpty && targetNumbers.isEmpty { return [] }
        let target = NumberConventions.of(context.targetLanguage)
        // The source's number words, looked for only when a target figure is otherwise unexplained.
        let spelledOut = { Self.spelledOut(in: pair.readableSource, language: context.sourceLanguage) }
        let plain = issues(sourceNumbers, targetNumbers, pair: pair, context: context, target: target, spelledOut: spelledOut)
        // With a market, a target that does not match the source's figures as written in its
        // language may match them as the market adapts them ("10 ft" → "3,0 m"): the reading
        // with fewer issues stands. (A figure the target left unconverted is units.unconverted's.)
        guard !plain.isEmpty, context.market != nil, !sourceNumbers.isEmpty,
              let adapted = figures?.adaptedText(of: pair.source, context: context) else { return plain }
        var found: [(text: String, offset: Int)] = []
        _ = Self.scan(adapted, base: 0, into: &found)
        let market = Self.compare(found.map { Expected(text: $0.text, value: target.value(of: $0.text), asWritten: true) }, targetNumbers,
                                  conventions: target, spelledOut: spelledOut)
        return market.count <= plain.count ? market : plain
    }

    /// The issues of `targetNumbers` against the source's numbers read the source language's way.
    private func issues(_ sourceNumbers: [(text: String, offset: Int)], _ targetNumbers: [(text: String, offset: Int)], pair: SegmentPair,
                        context: CheckContext, target: NumberConventions, spelledOut: () -> [String]) -> [QAIssue] {
        let source = NumberConventions.of(context.sourceLanguage)
        guard source != target, !sourceNumbers.isEmpty else {
            return Self.compare(sourceNumbers.map { Expected(text: $0.text, value: nil, asWritten: true) }, targetNumbers, conventions: nil,
                                spelledOut: spelledOut)
        }
        // Quantities are expected in the target's format ("2,5 kg" for 2.5 kg in Spanish);
        // names (Bluetooth 5.3, 802.11ac, 5.1 channel) as written. A source figure already in
        // the target's format (an adapted source without its notes) is read that way.
        let readable = Array(pair.readableSource)
        let expected = sourceNumbers.map { n -> Expected in
            let value = source.value(of: n.text) ?? target.value(of: n.text)
            return Expected(text: n.text, value: value, asWritten: value == nil || Self.isName(n.text, at: n.offset, in: readable),
                            alternatives: Self.twentyFourHour(n.text, at: n.offset, in: readable))
        }
        return Self.compare(expected, targetNumbers, conventions: target, source: source, language: context.targetLanguage,
                            spelledOut: spelledOut)
    }

    /// A source number and how the target may write it: as its value in the target's format,
    /// and (for names, or when nothing else is known) exactly as written.
    struct Expected {
        var text: String
        var value: String?
        var asWritten: Bool
        /// Other values it may take: the hour of "2:00 PM" is 14 on a 24-hour clock.
        var alternatives: [String] = []
    }

    private static func compare(_ expected: [Expected], _ found: [(text: String, offset: Int)], conventions: NumberConventions?,
                                source: NumberConventions? = nil, language: LanguageTag? = nil,
                                spelledOut: () -> [String] = { [] }) -> [QAIssue] {
        var missing = expected
        // Looked for only when the target has a figure nothing else accounts for.
        lazy var spelled = spelledOut()
        var extra: [(text: String, offset: Int)] = []
        var issues: [QAIssue] = []
        for n in found {
            let value = conventions?.value(of: n.text)
            if let i = missing.firstIndex(where: { ($0.value != nil && $0.value == value) || ($0.asWritten && $0.text == n.text)
                || (value.map($0.alternatives.contains) ?? false) }) {
                missing.remove(at: i)
            } else if let i = spelled.firstIndex(of: value ?? n.text) {
                // "five seconds" translated as "5 秒": the figure the source spelled out.
                spelled.remove(at: i)
            } else if let source, let conventions, let language, let i = missing.firstIndex(where: { !$0.asWritten && $0.text == n.text }) {
                // The figure kept the source's marks, which say something else (or nothing) here.
                issues.append(QAIssue("\(n.text) is written as the source writes it; \(language.rawValue) writes \(conventions.rewriting(n.text, from: source))", at: n.offset))
                missing.remove(at: i)
            } else if value == nil, let parts = Self.parts(of: n.text, among: missing) {
                // Not a number here but a date or time written the target's way ("25.12.2026" for
                // 12/25/2026, "10.30" for 10:30): each part is one of the source's figures.
                for i in parts.sorted(by: >) { missing.remove(at: i) }
            } else {
                extra.append(n)
            }
        }
        for i in 0..<max(missing.count, extra.count) {
            switch (i < missing.count ? missing[i].text : nil, i < extra.count ? extra[i] : nil) {
            case let (m?, e?): issues.append(QAIssue("the source has \(m) where the target has \(e.text)", at: e.offset))
            case let (m?, nil): issues.append(QAIssue("the target lacks the number \(m)"))
            case let (nil, e?): issues.append(QAIssue("the target has \(e.text), which is not in the source", at: e.offset))
            case (nil, nil): break
            }
        }
        return issues
    }

    /// The numbers `text` spells out as English words ("five", "twelve", "a dozen"), as digits:
    /// a target may write them as figures. Other source languages: none.
    static func spelledOut(in text: String, language: LanguageTag) -> [String] {
        guard language.language == "en", text.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) else { return [] }
        return text.lowercased().split { !$0.isLetter }.compactMap { numberWords[String($0)] }
    }

    static let numberWords: [String: String] = [
        "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
        "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
        "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
        "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
        "hundred": "100", "dozen": "12", "single": "1", "double": "2", "twice": "2", "pair": "2",
    ]

    /// The hour of a 12-hour time ("2 PM", "2:00 p.m.", "12:30 AM") on a 24-hour clock, which is
    /// how most targets write it: "14", or "0" and "00" for 12 AM; empty for anything else.
    static func twentyFourHour(_ number: String, at offset: Int, in text: [Character]) -> [String] {
        guard let hour = Int(number), (1...12).contains(hour) else { return [] }
        var i = offset + number.count
        if i + 2 < text.count, text[i] == ":", text[i + 1].isASCII, text[i + 1].isNumber, text[i + 2].isNumber { i += 3 }
        if i < text.count, text[i] == " " || text[i] == "\u{00A0}" || text[i] == "\u{202F}" { i += 1 }
        let rest = String(text[i..<min(text.count, i + 4)]).lowercased()
        let isPM = rest.hasPrefix("pm") || rest.hasPrefix("p.m.")
        guard isPM || rest.hasPrefix("am") || rest.hasPrefix("a.m.") else { return [] }
        // A letter right after "am"/"pm" makes it a word ("amber", "pmt"), not a time.
        let marker = rest.hasPrefix("p.m.") || rest.hasPrefix("a.m.") ? 4 : 2
        if i + marker < text.count, text[i + marker].isLetter { return [] }
        if isPM { return hour == 12 ? [] : [String(hour + 12)] }
        return hour == 12 ? ["0", "00"] : ["0\(hour)"]
    }

    /// The places in `expected` of the digit groups of `text` ("25.12.2026": 25, 12 and 2026),
    /// each a figure of its own there, or nil when `text` is one group or a group has no match.
    private static func parts(of text: String, among expected: [Expected]) -> [Int]? {
        let groups = text.split { !$0.isASCII || !$0.isNumber }
        guard groups.count > 1 else { return nil }
        var used: [Int] = []
        for group in groups {
            guard let i = expected.indices.first(where: { !used.contains($0) && expected[$0].text == group }) else { return nil }
            used.append(i)
        }
        return used
    }

    /// Whether the number at `offset` (a character offset into `text`) names something rather
    /// than counts: after a version or standard word (``FigureWords/identifiers``, also as a
    /// label: "Bluetooth: 5.3"), glued to a letter before it (v2.1) or after it (802.11ac), or
    /// before a channel word (5.1 channel).
    static func isName(_ number: String, at offset: Int, in text: [Character]) -> Bool {
        let end = offset + number.count
        if offset > 0, text[offset - 1].isLetter { return true }
        if end < text.count, text[end].isLetter { return true }
        var i = offset
        while i > 0, " \u{00A0}\t:*_|\u{FFFC}".contains(text[i - 1]) { i -= 1 }
        var start = i
        while start > 0, text[start - 1].isLetter || text[start - 1] == "-" { start -= 1 }
        if start < i, i < offset, FigureWords.identifiers.contains(String(text[start..<i]).lowercased()) { return true }
        var j = end
        if j < text.count, " \u{00A0}-".contains(text[j]) { j += 1 }
        var wordEnd = j
        while wordEnd < text.count, text[wordEnd].isLetter { wordEnd += 1 }
        return wordEnd > j && FigureWords.channels.contains(String(text[j..<wordEnd]).lowercased())
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
