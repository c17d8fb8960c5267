import Foundation
import L10nCore

/// One stored translation: a source segment and its target with their inline codes, the
/// languages, where it was used (neighbours and document, for in-context matches), who made it
/// and for which project and market.
public struct TranslationUnit: Hashable, Sendable {
    public var source: Content
    public var target: Content
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// ``MatchText/contextHash(_:)`` of the segments before and after it (nil at either end or unknown).
    public var previousHash: String?
    public var nextHash: String?
    /// The document it came from (a file name or TMX `tuid`), for the translator's information.
    public var document: String?
    public var origin: MemoryOrigin
    public var project: String?
    public var market: String?
    /// TMX `<prop type="…">` values and `<note>`s, kept so an export gives them back.
    public var properties: [Property]
    public var notes: [String]
    public var created: Date?
    public var changed: Date?

    /// A TMX `<prop>`: a type and a value.
    public struct Property: Hashable, Sendable, Codable {
        public var type: String
        public var value: String
        public init(type: String, value: String) {
            self.type = type
            self.value = value
        }
    }

    public init(source: Content, target: Content, sourceLanguage: LanguageTag, targetLanguage: LanguageTag,
                previous: Content? = nil, next: Content? = nil, document: String? = nil, origin: MemoryOrigin = .human,
                project: String? = nil, market: String? = nil, properties: [Property] = [], notes: [String] = [],
                created: Date? = nil, changed: Date? = nil) {
        self.source = source
        self.target = target
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.previousHash = previous.map(MatchText.contextHash)
        self.nextHash = next.map(MatchText.contextHash)
        self.document = document
        self.origin = origin
        self.project = project
        self.market = market
        self.properties = properties
        self.notes = notes
        self.created = created
        self.changed = changed
    }
}
