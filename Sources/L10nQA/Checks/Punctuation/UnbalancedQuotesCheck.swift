import L10nCore

/// Quotations that open and never close, or close without opening, in the target only.
public struct UnbalancedQuotesCheck: QACheck {
    public static let description = CheckDescription(
        id: "quotes.unbalanced", name: "Unbalanced quotes",
        summary: "Every quotation the target opens is closed (\"…\", “…”, „…“, «…», 「…」), when the source's are.",
        rationale: "A lost closing quote runs a product name or a button label into the rest of the sentence (\"Select „Eco mode\"). Every language's pairs are accepted, in either orientation (German „…“ and »…«, Swiss «…», Swedish ”…”); an ASCII quote right after a digit is an inch mark, not a quotation; sources that are unbalanced themselves are left alone. Single quotes are not counted: they are apostrophes as often as quotes.",
        defaultSeverity: .warning,
        passing: [
            CheckExample("Select \"Eco\" mode.", "Wählen Sie den Modus „Eco“."),
            CheckExample("Select \"Eco\" mode.", "Sélectionnez le mode « Eco »."),
            CheckExample("Select \"Eco\" mode.", "「エコ」モードを選択します。", to: "ja-JP"),
            CheckExample("Select \"Eco\" mode.", "Välj läget ”Eco”.", to: "sv-SE"),
            CheckExample("Fits a 27\" screen.", "Passt zu einem 27\"-Bildschirm."),
            CheckExample("A \"quote", "Ein „Zitat"),
        ],
        failing: [
            CheckExample("Select \"Eco\" mode.", "Wählen Sie den Modus ⟦„Eco."),
            CheckExample("Select \"Eco\" mode.", "Sélectionnez le mode ⟦« Eco.", to: "fr-FR"),
            CheckExample("Press \"Start\".", "Drücken Sie ⟦\"Start."),
        ],
        // Typography is the translator's: a pseudo-translation copies the source's marks.
        judgesLanguage: true)

    public init() {}

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        guard Self.hasQuote(pair.readableTarget), let (c, offset) = Self.unbalanced(in: pair.readableTarget) else { return [] }
        guard Self.unbalanced(in: pair.readableSource) == nil else { return [] }
        return [QAIssue("\"\(c)\" has no partner", at: offset)]
    }

    /// Whether `text` has a quotation mark. Most texts have none and are passed without being
    /// broken into characters.
    static func hasQuote(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.indices.contains { mark(in: bytes, at: $0) != nil } }
    }

    /// The quotation mark whose UTF-8 starts at `i`: `"`, « » (C2 AB/BB), “ ” „ ‹ › (E2 80 9C/9D/9E/B9/BA),
    /// 「 」 『 』 (E3 80 8C–8F); nil for anything else.
    @inline(__always)
    static func mark(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Character? {
        switch bytes[i] {
        case 0x22: return "\""
        case 0xC2 where i + 1 < bytes.count: return bytes[i + 1] == 0xAB ? "«" : bytes[i + 1] == 0xBB ? "»" : nil
        case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80:
            switch bytes[i + 2] {
            case 0x9C: return "“"
            case 0x9D: return "”"
            case 0x9E: return "„"
            case 0xB9: return "‹"
            case 0xBA: return "›"
            default: return nil
            }
        case 0xE3 where i + 2 < bytes.count && bytes[i + 1] == 0x80:
            switch bytes[i + 2] {
            case 0x8C: return "「"
            case 0x8D: return "」"
            case 0x8E: return "『"
            case 0x8F: return "』"
            default: return nil
            }
        default: return nil
        }
    }

    /// The first quotation mark in `text` without a partner, and where it is (in characters).
    /// Language-blind: „ always opens and takes “ or ”; “ closes an open „ and opens otherwise;
    /// ” closes an open „ or “ and opens otherwise (Swedish ”…”); « and » close each other in
    /// either orientation, as ‹ and › do; 「 and 『 open. An ASCII quote toggles, except right
    /// after a digit (27").
    static func unbalanced(in text: String) -> (Character, Int)? {
        guard hasQuote(text) else { return nil }
        var matcher = Matcher()
        // When every scalar is a character of its own, the marks are found on the bytes and
        // counted by lead bytes; otherwise over the characters.
        if Graphemes.allStandalone(text) {
            var text = text
            return text.withUTF8 { bytes in
                var index = -1
                var previousIsDigit = false
                var i = 0
                while i < bytes.count {
                    let b = bytes[i]
                    if b & 0xC0 != 0x80 { index += 1 }
                    let mark = Self.mark(in: bytes, at: i)
                    if let mark, let unpaired = matcher.feed(mark, at: index, afterDigit: previousIsDigit) { return unpaired }
                    if b & 0xC0 != 0x80 { previousIsDigit = b >= 0x30 && b <= 0x39 }
                    i += 1
                }
                return matcher.unclosed
            }
        }
        var previous: Character?
        for (offset, c) in text.enumerated() {
            defer { previous = c }
            if let unpaired = matcher.feed(c, at: offset, afterDigit: previous?.isNumber == true) { return unpaired }
        }
        return matcher.unclosed
    }

    /// The marks open so far; fed one character at a time.
    struct Matcher {
        private var open: [(mark: Character, offset: Int)] = []

        /// The first mark still open.
        var unclosed: (Character, Int)? { open.first.map { ($0.mark, $0.offset) } }

        /// Takes `c` at `offset`; returns a closing mark that has nothing to close.
        mutating func feed(_ c: Character, at offset: Int, afterDigit: Bool) -> (Character, Int)? {
            let top = open.last?.mark
            switch c {
            case "\"":
                if afterDigit, top != "\"" { return nil }
                if top == "\"" { open.removeLast() } else { open.append((c, offset)) }
            case "„", "「", "『":
                open.append((c, offset))
            case "“":
                if top == "„" { open.removeLast() } else { open.append((c, offset)) }
            case "”":
                if top == "„" || top == "“" || top == "”" { open.removeLast() } else { open.append((c, offset)) }
            case "«", "»", "‹", "›":
                let partner: Character = c == "«" ? "»" : c == "»" ? "«" : c == "‹" ? "›" : "‹"
                if top == partner { open.removeLast() } else { open.append((c, offset)) }
            case "」":
                if top == "「" { open.removeLast() } else { return (c, offset) }
            case "』":
                if top == "『" { open.removeLast() } else { return (c, offset) }
            default:
                break
            }
            return nil
        }
    }
}
