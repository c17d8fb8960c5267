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
public struct XLIFFWriter: Sendable {
    public var version: XLIFFVersion

    public init(version: XLIFFVersion = .default) {
        self.version = version
    }

    /// All documents must share the source language (and, in 2.x, the target language): XLIFF 2
    /// declares them once per file.
    public func write(_ documents: [Document]) throws -> Data {
        switch version {
        case .v1_2: return try XLIFF12Writer().write(documents)
        case .v2_0, .v2_1, .v2_2: return try XLIFF2Writer(version: version).write(documents)
        }
    }
}
