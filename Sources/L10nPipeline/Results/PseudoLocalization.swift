import Foundation
import L10nCore

/// What ``Localizer/pseudoLocalize(_:targetLanguage:xliffVersion:expansion:)`` made.
public struct PseudoLocalization: Sendable {
    /// The pseudo-localized document, in its own format.
    public var document: Data
    /// The pseudo-translated XLIFF it was merged from.
    public var xliff: Data
    /// Translatable segments.
    public var segments: Int
    public var findings: [Finding]
}
