import Foundation

/// A file format's reader half: finds the translatable units of a document. Its writer half is
/// its ``TextEscaping``; the ``SkeletonMerger`` does the rest, the same way for every format.
public protocol DocumentFilter: Sendable {
    /// Stable id, written into the XLIFF skeleton (`markdown`, `html`).
    static var formatID: String { get }
    /// File extensions it claims, lower case, without the dot.
    static var fileExtensions: [String] { get }

    /// The units of `text` (the same bytes as `bytes`, already checked to be UTF-8), in document
    /// order, with byte ranges into `bytes`. Errors name `file` and the line.
    func read(_ bytes: Data, text: String, file: String) throws -> [UnitDraft]

    /// How translated text is escaped when it is written back.
    var escaper: any TextEscaping { get }
}
