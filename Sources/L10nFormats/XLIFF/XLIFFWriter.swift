import Foundation
import L10nCore

/// Writes documents as one XLIFF file (one `<file>` per document) that carries everything
/// `merge` needs: segments, targets, states, notes, inline codes with their original data, and
/// the skeleton.
///
/// Output is deterministic (same documents → same bytes) and validates against the OASIS schema
/// of the chosen version. Built in a byte buffer, so large corpora are written in linear time.
///
/// ```swift
/// let xliff = try XLIFFWriter(version: .v2_1).write([document])
/// ```
///
/// For many documents in one file, ``XLIFFWriter/Stream`` writes one `<file>` at a time, so the
/// documents need not all be in memory together.
public struct XLIFFWriter: Sendable {
    public var version: XLIFFVersion

    public init(version: XLIFFVersion = .default) {
        self.version = version
    }

    /// All documents must share the source language (and, in 2.x, the target language): XLIFF 2
    /// declares them once per file.
    public func write(_ documents: [Document]) throws -> Data {
        Data(try bytes(documents))
    }

    /// Like ``write(_:)``, as a byte array (no copy into `Data`).
    public func bytes(_ documents: [Document]) throws -> [UInt8] {
        switch version {
        case .v1_2: return try XLIFF12Writer().write(documents)
        case .v2_0, .v2_1, .v2_2: return try XLIFF2Writer(version: version).write(documents)
        }
    }

    /// An XLIFF file written piece by piece: ``header``, then ``file(_:number:)`` for each document
    /// (numbered from 1, in order), then ``footer``. The pieces joined are the bytes ``XLIFFWriter/write(_:)`` gives
    /// for the same documents when they all have `targetLanguage` (or none has).
    public struct Stream: Sendable {
        public let version: XLIFFVersion
        public let sourceLanguage: String
        public let targetLanguage: String?

        /// Every document must have `sourceLanguage`, and `targetLanguage` or none (2.x declares
        /// both once per file).
        public init(version: XLIFFVersion, sourceLanguage: String, targetLanguage: String?) {
            self.version = version
            self.sourceLanguage = sourceLanguage
            self.targetLanguage = targetLanguage
        }

        /// The XML declaration and the `<xliff>` start tag.
        public var header: [UInt8] {
            var out = XMLOutput(capacity: 256)
            switch version {
            case .v1_2: XLIFF12Writer().header(to: &out)
            case .v2_0, .v2_1, .v2_2: XLIFF2Writer(version: version).header(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, to: &out)
            }
            return out.bytes
        }

        /// The `<file>` element of `document`, the `number`th (from 1) of the file. Independent of
        /// the other files, so several can be made at once.
        public func file(_ document: Document, number: Int) throws -> [UInt8] {
            var out = XMLOutput(capacity: 4096, declaration: false)
            switch version {
            case .v1_2:
                try XLIFF12Writer().file(document, to: &out)
            case .v2_0, .v2_1, .v2_2:
                try XLIFF2Writer(version: version).file(
                    document, number: number, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, to: &out)
            }
            return out.bytes
        }

        /// The `</xliff>` end tag. An XLIFF file needs at least one `<file>`.
        public var footer: [UInt8] {
            var out = XMLOutput(capacity: 16, declaration: false)
            switch version {
            case .v1_2: XLIFF12Writer().footer(to: &out)
            case .v2_0, .v2_1, .v2_2: XLIFF2Writer(version: version).footer(to: &out)
            }
            return out.bytes
        }
    }
}
