import Foundation
import L10nCore

/// A document to localize, as bytes an embedding program holds: no file needed.
public struct SourceDocument: Sendable {
    public var bytes: Data
    /// Its name in messages and in the XLIFF's `original` (a file name or path).
    public var name: String
    /// The format id (`markdown`, `html`); nil picks it from `name`'s extension.
    public var format: String?
    public var language: LanguageTag

    public init(bytes: Data, name: String, format: String? = nil, language: LanguageTag = LanguageTag("en-US")!) {
        self.bytes = bytes
        self.name = name
        self.format = format
        self.language = language
    }

    /// A document held as a string (its UTF-8 bytes are localized).
    public init(text: String, name: String, format: String? = nil, language: LanguageTag = LanguageTag("en-US")!) {
        self.init(bytes: Data(text.utf8), name: name, format: format, language: language)
    }
}
