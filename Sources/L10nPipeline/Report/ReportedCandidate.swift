import Foundation
import L10nCore
import L10nMemory

/// A memory lookup's answer as `l10n tm lookup --format json` prints it: texts with each code's
/// original markup in place (what a person recognizes), score, kind, origin and dates.
public struct ReportedCandidate: Hashable, Sendable, Codable {
    public var score: Int
    public var kind: String
    public var source: String
    /// The target for the query (numbers substituted, codes mapped); the stored one when its
    /// codes cannot be mapped.
    public var target: String
    public var origin: String
    public var sourceLanguage: String
    public var targetLanguage: String
    public var document: String?
    public var market: String?
    public var project: String?
    public var changed: String?

    public init(_ candidate: MemoryCandidate) {
        score = candidate.score
        kind = candidate.kind.rawValue
        source = Self.markup(candidate.unit.source)
        target = Self.markup(candidate.target ?? candidate.unit.target)
        origin = candidate.unit.origin.rawValue
        sourceLanguage = candidate.unit.sourceLanguage.rawValue
        targetLanguage = candidate.unit.targetLanguage.rawValue
        document = candidate.unit.document
        market = candidate.unit.market
        project = candidate.unit.project
        changed = candidate.unit.changed.map { ISO8601DateFormatter().string(from: $0) }
    }

    /// The text with each code's original markup where it stands.
    public static func markup(_ content: Content) -> String {
        content.runs.map { run in
            switch run {
            case .text(let t): return t
            case .code(let c): return c.data
            }
        }.joined()
    }
}
