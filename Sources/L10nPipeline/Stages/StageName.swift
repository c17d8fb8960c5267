/// The stages of the pipeline, in the order they run.
public enum StageName: String, Hashable, Sendable, CaseIterable, Comparable {
    /// Bytes → the format's units (decoded, checked, parsed).
    case read
    /// Units → a document: spans protected, sentences segmented, skeleton recorded.
    case segment
    /// The source adapted for the market (units, numbers, prices, dates…), advisories noted.
    case adapt
    /// Glossary terms recognized in the (adapted) source and put on their units for the
    /// translator, with their approved translations and status.
    case glossary
    /// Targets from translation memory, looked up with the adapted source: a stored
    /// translation is of the text the translator saw (the XLIFF carries adapted sources), and a
    /// target filled here never goes stale by a later rewrite of its source.
    case leverage
    /// Targets from a machine-translation backend for what memory did not fill.
    case translate
    /// Quality checks over sources and targets.
    case check
    /// The localized document, the XLIFF, the HTML fragment.
    case write

    /// Stages that depend only on the source document run once, however many markets a
    /// run has; the others run per market.
    public var isPerDocument: Bool { self == .read || self == .segment }

    public static func < (a: StageName, b: StageName) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
