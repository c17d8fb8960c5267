import Foundation

/// One document rebuilt from a translated XLIFF.
public struct MergedDocument: Sendable {
    /// The source document's name, as the XLIFF's `original` says.
    public var original: String
    /// Its format id (`markdown`, `html`).
    public var format: String
    public var targetLanguage: String?
    public var bytes: Data
}
