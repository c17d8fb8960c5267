import Foundation
import L10nCore

/// One `<tu>` as read from a TMX file: its variants (one per `<tuv>`), properties and notes.
public struct TMXUnit: Hashable, Sendable {
    /// One `<tuv>`: a language and its segment.
    public struct Variant: Hashable, Sendable {
        public var language: LanguageTag
        public var content: Content
        public var properties: [TranslationUnit.Property]
        public var notes: [String]
    }

    public var tuid: String?
    /// The unit's `srclang`, or the header's; nil for `*all*` (any variant may be the source).
    public var sourceLanguage: LanguageTag?
    public var variants: [Variant]
    public var properties: [TranslationUnit.Property]
    public var notes: [String]
    public var created: Date?
    public var changed: Date?
    /// The line of the `<tu>` start tag.
    public var line: Int

    /// The translation units this `<tu>` holds: from its source variant to each other one (with
    /// `*all*`, from `preferredSource` when given, else between every ordered pair). OmegaT's
    /// `prev`/`next` properties become the in-context neighbours; `file` the document.
    public func translationUnits(preferredSource: LanguageTag? = nil) -> [TranslationUnit] {
        let sources: [Variant]
        if let language = sourceLanguage ?? preferredSource {
            sources = variants.filter { $0.language == language }.prefix(1).map { $0 }
        } else {
            sources = variants
        }
        // Two names, not a variadic list: no array per call (three calls a unit).
        func property(_ a: String, _ b: String) -> String? { properties.first { $0.type == a || $0.type == b }?.value }
        let previous = property("prev", "x-context-pre").map { Content(text: $0) }
        let next = property("next", "x-context-post").map { Content(text: $0) }
        let document = property("file", "x-document")
        var units: [TranslationUnit] = []
        for source in sources {
            for target in variants where target.language != source.language && !target.content.isEmpty {
                var unit = TranslationUnit(
                    source: source.content, target: CodeAlignment.align(target.content, to: source.content),
                    sourceLanguage: source.language, targetLanguage: target.language, previous: previous, next: next,
                    document: document, origin: .human,
                    // Shared, not copied, when the variant adds none (nearly always).
                    properties: target.properties.isEmpty ? properties : properties + target.properties,
                    notes: target.notes.isEmpty ? notes : notes + target.notes,
                    created: created, changed: changed ?? created)
                TMXProperties.apply(unit.properties, to: &unit)
                units.append(unit)
            }
        }
        return units
    }
}
