import Foundation
import L10nAdapt
import L10nCore

/// The JSON report of `l10n adapt`: one entry per document × market. Its schema is
/// `docs/adapt-report.schema.json`; keep the two in step and the field names stable, CI jobs
/// parse them.
public struct AdaptReport: Hashable, Sendable, Codable {
    public var documents: [Entry]

    public init(documents: [Entry]) {
        self.documents = documents
    }

    public struct Entry: Hashable, Sendable, Codable {
        public var source: String
        public var market: String
        public var sourceLanguage: String
        public var targetLanguage: String
        public var outputs: Outputs
        public var segments: Int
        /// Where the targets came from.
        public var targets: ReportedTargets?
        /// What the translation memory offered (absent without `--tm`).
        public var leverage: LeverageCounts?
        public var adaptations: [ReportedAdaptation]
        /// What adaptation deliberately left alone, and why (always written by this version;
        /// optional so records written before it still decode).
        public var kept: [ReportedKeep]?
        public var findings: [ReportedFinding]

        public init(source: String, market: String, sourceLanguage: String, targetLanguage: String, outputs: Outputs,
                    segments: Int, targets: ReportedTargets? = nil, leverage: LeverageCounts? = nil, adaptations: [ReportedAdaptation],
                    kept: [ReportedKeep]? = nil, findings: [ReportedFinding]) {
            self.source = source
            self.market = market
            self.sourceLanguage = sourceLanguage
            self.targetLanguage = targetLanguage
            self.outputs = outputs
            self.segments = segments
            self.targets = targets
            self.leverage = leverage
            self.adaptations = adaptations
            self.kept = kept
            self.findings = findings
        }
    }

    public struct Outputs: Hashable, Sendable, Codable {
        public var document: String?
        public var xliff: String?
        public var htmlFragment: String?

        public init(document: String? = nil, xliff: String? = nil, htmlFragment: String? = nil) {
            self.document = document
            self.xliff = xliff
            self.htmlFragment = htmlFragment
        }
    }

    /// Where a document's targets came from: counts by origin (`tm`, `mt:<backend>`, `source`,
    /// `human`), the untranslated rest, and what the translate stage sent its backend (what a
    /// paid engine bills).
    public struct ReportedTargets: Hashable, Sendable, Codable {
        public var origins: [String: Int]
        public var untranslated: Int
        public var translation: TranslationSummary?

        public init(origins: [String: Int], untranslated: Int, translation: TranslationSummary?) {
            self.origins = origins
            self.untranslated = untranslated
            self.translation = translation
        }
    }

    /// An adaptation as the report shows it; `after` is always present, null for advisories.
    public struct ReportedAdaptation: Hashable, Sendable, Codable {
        public var segment: String
        public var rule: String
        public var kind: String
        public var before: String
        public var after: String?
        public var note: String

        public init(_ a: Adaptation) {
            segment = a.segment
            rule = a.rule
            kind = a.kind.rawValue
            before = a.before
            after = a.after
            note = a.note
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(segment, forKey: .segment)
            try c.encode(rule, forKey: .rule)
            try c.encode(kind, forKey: .kind)
            try c.encode(before, forKey: .before)
            try c.encode(after, forKey: .after)  // explicit null for advisories
            try c.encode(note, forKey: .note)
        }
    }

    /// A span deliberately left alone: `text`, `reason`, `source` (`conventions/bicycles.yaml`
    /// or a rule id) and the convention's id when one decided it.
    public struct ReportedKeep: Hashable, Sendable, Codable {
        public var segment: String
        public var text: String
        public var reason: String
        public var source: String
        public var convention: String?

        public init(_ k: KeptSpan) {
            segment = k.segment
            text = k.text
            reason = k.reason
            source = k.source
            convention = k.convention
        }
    }

    public struct ReportedFinding: Hashable, Sendable, Codable {
        public var segment: String?
        public var check: String
        public var severity: String
        public var message: String

        public init(_ f: Finding) {
            segment = f.segment
            check = f.check
            severity = f.severity.rawValue
            message = f.message
        }
    }

    /// Pretty, key-sorted JSON: the same run gives the same bytes.
    public func encoded() throws -> Data {
        try Self.encoded(self)
    }

    /// `value` as ``encoded()`` writes a report (a skeleton of one, to learn its layout).
    static func encoded(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
