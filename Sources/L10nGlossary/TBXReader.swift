import Foundation
import L10nCore
import L10nXML

/// Reads TBX-Basic termbases: TBX v3 (ISO 30042:2019, `<tbx type="TBX-Basic">`) in both its
/// DCA and DCT styles, and the older TBX 2008 form (`<martif type="TBX-Basic">`), as a stream
/// through ``XMLSAXReader`` under ``XMLPolicy/standard`` (a `<!DOCTYPE martif …>` is allowed and
/// never loaded).
///
/// Each concept entry becomes ``TermEntry``s: every term of the source language × every term of
/// each other language, with the target term's status (`administrativeStatus`:
/// `preferredTerm-admn-sts` preferred, `admittedTerm-admn-sts` admitted, `deprecatedTerm-admn-sts`
/// and `supersededTerm-admn-sts` forbidden) and part of speech, and the entry's or language's
/// definition and notes as the note. A source term whose status is `do-not-translate` (not a TBX
/// picklist value; our extension) gives one entry for every language. An entry without a term
/// in the source language, a term without text or a bad `xml:lang` is skipped and listed with
/// its line; a file that is not TBX is a ``FormatError`` naming file and line.
public struct TBXReader: Sendable {
    public var sourceLanguage: LanguageTag
    public var policy: XMLPolicy

    public init(sourceLanguage: LanguageTag = LanguageTag("en")!, policy: XMLPolicy = .standard) {
        self.sourceLanguage = sourceLanguage
        self.policy = policy
    }

    public func read(_ data: Data, file: String) throws -> GlossaryFile {
        var entries: [TermEntry] = []
        var skipped: [GlossaryFile.Skipped] = []
        let name = (file as NSString).lastPathComponent
        let handler = TBXEventHandler(file: file) { entry in
            let (made, problems) = expand(entry, glossary: name)
            entries += made
            skipped += problems
        }
        try XMLSAXReader.parse(data, file: file, policy: policy, handler: handler)
        guard handler.sawRoot else {
            throw FormatError(.malformed, "not a TBX file: no <tbx> or <martif> root element", at: SourceLocation(file: file, line: 1))
        }
        return GlossaryFile(name: file, termbase: Termbase(entries), skipped: skipped)
    }

    /// One concept entry as rows: source terms × target terms.
    private func expand(_ entry: TBXEventHandler.Entry, glossary: String) -> ([TermEntry], [GlossaryFile.Skipped]) {
        var skipped: [GlossaryFile.Skipped] = []
        var languages: [(tag: LanguageTag, section: TBXEventHandler.Language)] = []
        for section in entry.languages {
            guard let tag = LanguageTag(section.tag) else {
                skipped.append(.init(line: entry.line, reason: section.tag.isEmpty ? "a language section without xml:lang" : "xml:lang '\(section.tag)' is not a language tag"))
                continue
            }
            languages.append((tag, section))
        }
        let isSource = { (tag: LanguageTag) in tag.language.lowercased() == sourceLanguage.language.lowercased() }
        let sources = languages.filter { isSource($0.tag) }.flatMap { l in l.section.terms.map { ($0, l.section) } }
        guard !sources.isEmpty else {
            skipped.append(.init(line: entry.line, reason: "no term in the source language \(sourceLanguage)"))
            return ([], skipped)
        }
        var rows: [TermEntry] = []
        for (source, sourceSection) in sources {
            let sourceText = source.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !sourceText.isEmpty else { skipped.append(.init(line: source.line, reason: "an empty <term>")); continue }
            let sourceStatus = source.status.flatMap(TermStatus.init(name:))
            if let value = source.status, sourceStatus == nil {
                skipped.append(.init(line: source.line, reason: "unknown administrativeStatus '\(value)'"))
                continue
            }
            let definition = [entry.definition, sourceSection.definition].compactMap { $0 }.joined(separator: " ")
            if sourceStatus == .doNotTranslate {
                rows.append(TermEntry(sourceLanguage: sourceLanguage, term: sourceText, targetLanguage: nil, targetTerm: nil,
                                      partOfSpeech: source.partOfSpeech, status: .doNotTranslate,
                                      note: Self.join([definition, source.note]), glossary: glossary, line: source.line))
                continue
            }
            for (tag, section) in languages where !isSource(tag) {
                for target in section.terms {
                    let targetText = target.text.trimmingCharacters(in: .whitespacesAndNewlines)
                    guard !targetText.isEmpty else { skipped.append(.init(line: target.line, reason: "an empty <term>")); continue }
                    guard let status = TermStatus(name: target.status ?? "") else {
                        skipped.append(.init(line: target.line, reason: "unknown administrativeStatus '\(target.status ?? "")'"))
                        continue
                    }
                    rows.append(TermEntry(sourceLanguage: sourceLanguage, term: sourceText, targetLanguage: tag, targetTerm: targetText,
                                          partOfSpeech: target.partOfSpeech ?? source.partOfSpeech, status: status,
                                          note: Self.join([definition, section.definition, target.note]), glossary: glossary, line: target.line))
                }
            }
        }
        return (rows, skipped)
    }

    private static func join(_ parts: [String?]) -> String? {
        let kept = parts.compactMap { $0 }.filter { !$0.isEmpty }
        return kept.isEmpty ? nil : kept.joined(separator: " ")
    }
}
