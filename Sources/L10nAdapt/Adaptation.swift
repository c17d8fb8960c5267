/// One change (or advisory) an adaptation rule made to a segment: what the report lists and
/// what the translator reads in the XLIFF note.
public struct Adaptation: Hashable, Sendable, Codable {
    /// `u3-s1`.
    public var segment: String
    /// Stable rule id (`units.length`, `currency`, `electrical.mains`).
    public var rule: String
    public var kind: AdaptationKind
    /// The exact source span.
    public var before: String
    /// The replacement as written in the output; nil for advisories.
    public var after: String?
    /// Why, in plain words.
    public var note: String

    public init(segment: String, rule: String, kind: AdaptationKind, before: String, after: String?, note: String) {
        self.segment = segment
        self.rule = rule
        self.kind = kind
        self.before = before
        self.after = after
        self.note = note
    }

    public var isAdvisory: Bool { after == nil }

    /// The note a translator (and an engine that takes notes) reads: `units.length: "33 ft" →
    /// "10 m". <why>` for a change, `electrical.mains: "110 V": <why>` for an advisory.
    public var noteText: String {
        after.map { "\(rule): \"\(before)\" → \"\($0)\". \(note)" } ?? "\(rule): \"\(before)\": \(note)"
    }
}

/// The report's `kind` values. Units, numbers, currency, dates and spelling change the text;
/// electrical, certification and tone are advisories.
public enum AdaptationKind: String, Hashable, Sendable, Codable, CaseIterable {
    case unit, number, currency, date, electrical, certification, spelling, tone
}
