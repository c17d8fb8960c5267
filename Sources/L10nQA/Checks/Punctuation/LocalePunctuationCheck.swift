import L10nCore

/// Punctuation as the target language writes it: French spaces before `; : ! ?` and inside
/// guillemets, Spanish opening `¿ ¡`, German low-high quotation marks.
public struct LocalePunctuationCheck: QACheck {
    public static let description = CheckDescription(
        id: "punctuation.locale", name: "Locale punctuation",
        summary: "French needs a (no-break) space before ; : ! ? and inside « », Spanish opens questions and exclamations with ¿ ¡, German quotes „so“.",
        rationale: "Engines and hurried translators keep English punctuation; a reader of the target language sees it at once as foreign. Only the conventions that are not matters of house style are checked, and only in text (URLs, codes and numbers like 10:30 are left alone).",
        defaultSeverity: .warning,
        passing: [
            CheckExample("Why wait?", "Pourquoi attendre\u{202F}?", to: "fr-FR"),
            CheckExample("Note: free shipping.", "Remarque\u{00A0}: livraison gratuite.", to: "fr-FR"),
            CheckExample("Open 10:30 to 18:00.", "Ouvert de 10:30 à 18:00.", to: "fr-FR"),
            CheckExample("Why wait?", "¿Por qué esperar?", to: "es-ES"),
            CheckExample("It's \"quiet\".", "Sie ist „leise“.", to: "de-DE"),
            CheckExample("Why wait?", "Warum warten?", to: "de-DE"),
        ],
        failing: [
            CheckExample("Why wait?", "Pourquoi attendre⟦?", to: "fr-FR"),
            CheckExample("Why wait?", "⟦Por qué esperar?", to: "es-ES"),
            CheckExample("It's \"quiet\".", "Sie ist ⟦\"leise⟦\".", to: "de-DE"),
        ])

    public init() {}

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        let text = Array(pair.target.textWithReadableOffsets)
        switch context.targetLanguage.language {
        case "fr": return french(text)
        case "es": return spanish(text)
        case "de": return german(text)
        default: return []
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

    private func german(_ text: [(Character, Int)]) -> [QAIssue] {
        text.filter { $0.0 == "\"" }.map { QAIssue("German quotes with „…“ (or »…«), not \"…\"", at: $0.1) }
    }
}
