import L10nCore

/// Punctuation as the target language writes it: French spaces before `; : ! ?` and inside
/// guillemets, Spanish opening `¿ ¡`, German low-high quotation marks, Brazilian quotation marks,
/// full-width sentence punctuation after Chinese and Japanese text.
public struct LocalePunctuationCheck: QACheck {
    public static let description = CheckDescription(
        id: "punctuation.locale", name: "Locale punctuation",
        summary: "French needs a (no-break) space before ; : ! ? and inside « », Spanish opens questions and exclamations with ¿ ¡, German quotes „so“, Brazilian Portuguese “so” (not „…“ or «…»), Chinese and Japanese end sentences with 。！？ and separate with 、，, not ASCII marks.",
        rationale: "Engines and hurried translators keep English punctuation; a reader of the target language sees it at once as foreign. Only the conventions that are not matters of house style are checked, and only in text (URLs, codes and numbers like 10:30 are left alone).",
        defaultSeverity: .warning,
        passing: [
            CheckExample("Why wait?", "Pourquoi attendre\u{202F}?", to: "fr-FR"),
            CheckExample("Note: free shipping.", "Remarque\u{00A0}: livraison gratuite.", to: "fr-FR"),
            CheckExample("Open 10:30 to 18:00.", "Ouvert de 10:30 à 18:00.", to: "fr-FR"),
            CheckExample("Why wait?", "¿Por qué esperar?", to: "es-ES"),
            CheckExample("It's \"quiet\".", "Sie ist „leise“.", to: "de-DE"),
            CheckExample("Why wait?", "Warum warten?", to: "de-DE"),
            CheckExample("It's \"quiet\".", "Ela é “silenciosa”.", to: "pt-BR"),
            CheckExample("It's \"quiet\".", "Ela é «silenciosa».", to: "pt-PT"),
            CheckExample("Quiet, strong.", "静かで、強い。", to: "ja-JP"),
            CheckExample("Why wait?", "为什么要等？", to: "zh-CN"),
            CheckExample("Model 3.5, 2 W.", "型号 3.5, 2 W.", to: "zh-CN"),
        ],
        failing: [
            CheckExample("Why wait?", "Pourquoi attendre⟦?", to: "fr-FR"),
            CheckExample("Why wait?", "⟦Por qué esperar?", to: "es-ES"),
            CheckExample("It's \"quiet\".", "Sie ist ⟦\"leise⟦\".", to: "de-DE"),
            CheckExample("It's \"quiet\".", "Ela é ⟦„silenciosa“.", to: "pt-BR"),
            CheckExample("It's \"quiet\".", "Ela é ⟦«silenciosa⟦».", to: "pt-BR"),
            CheckExample("Quiet, strong.", "静かで⟦,強い⟦.", to: "ja-JP"),
            CheckExample("Why wait?", "为什么要等⟦?", to: "zh-CN"),
        ],
        judgesLanguage: true)

    public init() {}

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        // Each language's rule looks for a few ASCII or typographic marks: a target with none of
        // them (by their UTF-8 bytes) has nothing to find, and is not split into characters.
        let marks: [UInt8]
        switch context.targetLanguage.language {
        case "fr": marks = [UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"), 0xC2]  // 0xC2: »
        case "es": marks = [UInt8(ascii: "!"), UInt8(ascii: "?")]
        case "de": marks = [UInt8(ascii: "\"")]
        case "pt" where context.targetLanguage.region == "BR": marks = [0xC2, 0xE2]  // « », „
        case "ja", "zh": marks = [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";")]
        default: return []
        }
        let hasMark = pair.target.runs.contains { run in
            guard case .text(let t) = run else { return false }
            return t.utf8.contains { marks.contains($0) }
        }
        guard hasMark else { return [] }
        let text = pair.target.textWithReadableOffsets
        switch context.targetLanguage.language {
        case "fr": return french(text)
        case "es": return spanish(text)
        case "de": return german(text)
        case "pt": return brazilian(text)
        default: return cjk(text, japanese: context.targetLanguage.language == "ja")
        }
    }

    private static func isSpace(_ c: Character) -> Bool { c == " " || c == "\u{00A0}" || c == "\u{202F}" }

    private func french(_ text: [(Character, Int)]) -> [QAIssue] {
        var issues: [QAIssue] = []
        for (i, (c, offset)) in text.enumerated() where [";", ":", "!", "?", "»"].contains(c) && i > 0 {
            let before = text[i - 1].0
            // "10:30", "http:" and "!!" runs are not prose punctuation.
            if c == ":", i + 1 < text.count, text[i + 1].0.isNumber, before.isNumber { continue }
            if c == ":", i + 1 < text.count, text[i + 1].0 == "/" { continue }
            if Self.isSpace(before) || ["!", "?"].contains(before) || before == "\u{FFFC}" { continue }
            issues.append(QAIssue("French puts a (narrow) no-break space before \"\(c)\"", at: offset))
        }
        return issues
    }

    private func spanish(_ text: [(Character, Int)]) -> [QAIssue] {
        // Each sentence ending in ? or ! must contain the matching opening mark.
        var issues: [QAIssue] = []
        var sentenceStart = 0
        for (i, (c, _)) in text.enumerated() {
            guard c == "?" || c == "!" || c == "." else { continue }
            let opener: Character = c == "?" ? "¿" : "¡"
            if c != ".", !text[sentenceStart..<i].contains(where: { $0.0 == opener }) {
                let first = text[sentenceStart..<i].first { $0.0.isLetter }
                issues.append(QAIssue("Spanish opens this \(c == "?" ? "question" : "exclamation") with \"\(opener)\"", at: first?.1 ?? 0))
            }
            sentenceStart = i + 1
        }
        return issues
    }

    private func brazilian(_ text: [(Character, Int)]) -> [QAIssue] {
        text.filter { ["„", "«", "»"].contains($0.0) }.map { QAIssue("Brazilian Portuguese quotes with “…” (or \"…\"), not \($0.0 == "„" ? "„…“" : "«…»")", at: $0.1) }
    }

    /// Han, kana (and the CJK compatibility and extension blocks).
    private static func isCJK(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x3040...0x30FF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FFFF).contains(v)
    }

    /// An ASCII `. , ! ? : ;` right after Chinese or Japanese text (and not inside a number).
    private func cjk(_ text: [(Character, Int)], japanese: Bool) -> [QAIssue] {
        let fullWidth: [Character: String] = [".": "。", ",": japanese ? "、" : "，", "!": "！", "?": "？", ":": "：", ";": "；"]
        var issues: [QAIssue] = []
        for (i, (c, offset)) in text.enumerated() where i > 0 {
            guard let wide = fullWidth[c], Self.isCJK(text[i - 1].0) else { continue }
            if i + 1 < text.count, text[i + 1].0.isNumber { continue }
            issues.append(QAIssue("\(japanese ? "Japanese" : "Chinese") writes \"\(wide)\" here, not \"\(c)\"", at: offset))
        }
        return issues
    }

    private func german(_ text: [(Character, Int)]) -> [QAIssue] {
        text.filter { $0.0 == "\"" }.map { QAIssue("German quotes with „…“ (or »…«), not \"…\"", at: $0.1) }
    }
}
