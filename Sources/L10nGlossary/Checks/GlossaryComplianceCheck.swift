import L10nCore
import L10nQA

/// Terminology against the run's glossaries: a preferred term whose translation is missing, a
/// forbidden translation used, a do-not-translate term altered or dropped. It needs a termbase
/// (`--glossary`), so it lives with the glossaries, as `units.unconverted` lives with the market
/// rules, and runs only when glossaries are given.
public struct GlossaryComplianceCheck: QACheck {
    public static let description = CheckDescription(
        id: "glossary.compliance", name: "Glossary compliance",
        summary: "Terms of the glossary are translated as it says: the preferred or admitted translation is there, no forbidden one is used, do-not-translate terms are kept exactly.",
        rationale: "Product copy is judged on its terminology: a competitor's word, a brand name respelled or a part named three ways erodes trust and breaks search. Terms are found as the pipeline finds them (ICU words, case folded, whole words, English plurals; in other languages their inflections, through the language's Hunspell dictionary: `Laufräder` is the glossary's `Laufrad`); a missing translation is reported once per term (the reviewer decides whether a rephrasing is fine); needs `--glossary`.",
        defaultSeverity: .warning,
        passing: [
            CheckExample("The impeller is balanced.", "Das Laufrad ist ausgewuchtet."),
            CheckExample("Cast-iron pump housings.", "Pumpengehäuse aus Gusseisen."),
            CheckExample("Two spare impellers.", "Zwei Ersatz-Laufräder."),
            CheckExample("Both impellers are balanced.", "Beide Laufräder sind ausgewuchtet."),
            CheckExample("AquaFlow pumps last.", "AquaFlow-Pumpen halten."),
            CheckExample("Quiet and efficient.", "Leise und effizient."),
            CheckExample("Works with Thread.", "Funktioniert mit Thread."),
            CheckExample("Thread the pipe.", "Das Gewinde des Rohrs eindrehen."),
        ],
        failing: [
            CheckExample("The impeller is balanced.", "⟦Das Flügelrad ist ausgewuchtet."),
            CheckExample("Cast-iron pump housing.", "Pumpengehäuse, kein ⟦Pumpenmantel."),
            CheckExample("AquaFlow pumps last.", "⟦Aquaflow-Pumpen halten."),
            CheckExample("AquaFlow pumps last.", "⟦Diese Pumpen halten."),
        ])

    /// The glossary the examples are checked against (``description``), as a CSV would give it.
    public static let exampleTermbase: Termbase = {
        let en = LanguageTag("en")!, de = LanguageTag("de")!
        return Termbase([
            TermEntry(sourceLanguage: en, term: "impeller", targetLanguage: de, targetTerm: "Laufrad", status: .preferred),
            TermEntry(sourceLanguage: en, term: "pump housing", targetLanguage: de, targetTerm: "Pumpengehäuse", status: .preferred),
            TermEntry(sourceLanguage: en, term: "pump housing", targetLanguage: de, targetTerm: "Pumpenmantel", status: .forbidden),
            TermEntry(sourceLanguage: en, term: "AquaFlow", targetLanguage: nil, targetTerm: nil, status: .doNotTranslate),
            TermEntry(sourceLanguage: en, term: "thread", targetLanguage: de, targetTerm: "Gewinde", status: .preferred),
            TermEntry(sourceLanguage: en, term: "Thread", targetLanguage: nil, targetTerm: "Thread", status: .doNotTranslate),
        ])
    }()

    public var termbase: Termbase { matchers.termbase }
    private let matchers: TermMatcherCache

    public init(termbase: Termbase) {
        matchers = TermMatcherCache(termbase)
    }

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        let source = pair.source.readableText, target = pair.target.readableText
        let sourceHits = matchers.matcher(sourceLanguage: context.sourceLanguage, targetLanguage: context.targetLanguage).hits(in: source)
        let targetHits = matchers.matcher(sourceLanguage: context.sourceLanguage, targetLanguage: context.targetLanguage, side: .target)
            .hits(in: target)
        func offset(_ hit: TermHit) -> Int { target.distance(from: target.startIndex, to: hit.range.lowerBound) }
        var issues: [QAIssue] = []
        var reported = Set<String>()
        for hit in sourceHits {
            let required = hit.entries.filter { $0.status == .preferred || $0.status == .admitted }
            let names = hit.entries.filter { $0.status == .doNotTranslate }
            let translated = !required.isEmpty && targetHits.contains { !Set($0.entries).isDisjoint(with: required) }
            // A name is kept when the target has it exactly; found in another spelling, it was altered.
            var kept = false
            var altered: TermHit?
            for entry in names {
                let found = targetHits.filter { $0.entries.contains(entry) }
                if found.contains(where: { $0.text == (entry.targetTerm ?? entry.term) }) { kept = true } else { altered = altered ?? found.first }
            }
            // A term that is both (`Thread` the protocol, `thread` the screw thread) is fine either way.
            guard !translated, !kept, !(required.isEmpty && names.isEmpty) else { continue }
            let wanted = required.compactMap(\.targetTerm).map { "\"\($0)\"" }.joined(separator: " or ")
            let name = names.first.map { $0.targetTerm ?? $0.term }
            if let altered, let name {
                issues.append(QAIssue("\"\(altered.text)\" should stay \"\(name)\" exactly (do not translate)", at: offset(altered)))
            } else if reported.insert(hit.text.lowercased()).inserted {
                switch (wanted.isEmpty, name) {
                case (true, let name?):
                    issues.append(QAIssue("\"\(name)\" is missing: it stays as written in every language (do not translate)"))
                case (false, let name?):
                    issues.append(QAIssue("\"\(hit.text)\" should be translated as \(wanted) (glossary), or kept as \"\(name)\" (do not translate)"))
                default:
                    issues.append(QAIssue("\"\(hit.text)\" should be translated as \(wanted) (glossary)"))
                }
            }
        }
        // A forbidden translation is wrong wherever it appears, unless the glossary also allows
        // the same word for another term.
        for hit in targetHits {
            let forbidden = hit.entries.filter { $0.status == .forbidden }
            guard !forbidden.isEmpty, !hit.entries.contains(where: { $0.status != .forbidden }) else { continue }
            issues.append(QAIssue("\"\(hit.text)\" is a forbidden translation of \"\(forbidden[0].term)\" (glossary)", at: offset(hit)))
        }
        return issues
    }
}
