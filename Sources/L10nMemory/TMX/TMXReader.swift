import Foundation
import L10nCore
import L10nXML

/// Reads TMX 1.4b (and the 1.1–1.4 files tools still write) as a stream of ``TMXUnit``s.
///
/// The file goes through ``XMLSAXReader`` under ``XMLPolicy/standard`` (the `<!DOCTYPE tmx …>`
/// is allowed and never loaded) with a limit of 2 GiB, read memory-mapped: units are handed to
/// `body` as each `</tu>` is read, so a large memory is never held as units. libxml2 reads the
/// encoding from the BOM or the XML declaration (UTF-8, UTF-16 LE/BE).
///
/// Inline markup becomes inline codes: `<bpt>`/`<ept>` an open/close pair (paired by `i`),
/// `<it pos="begin|end">` an isolated open/close, `<ph>` and `<ut>` standalone codes, their
/// content (escaped native markup, `<sub>` text included) the code's data; `<hi>` an open/close
/// pair around its text. A `<tu>` that cannot be used (no usable `<tuv>`, a bad language tag, no
/// variant in the source language) is skipped and listed in ``Report/skipped`` with its line.
public struct TMXReader: Sendable {
    /// What an import read.
    public struct Report: Hashable, Sendable {
        public struct Skipped: Hashable, Sendable {
            public var line: Int
            public var reason: String
        }

        public var units: Int = 0
        public var skipped: [Skipped] = []
        /// The header's `srclang` (`*all*` kept as written).
        public var headerSourceLanguage: String?
        public var creationTool: String?
    }

    public var policy: XMLPolicy

    public init(policy: XMLPolicy = XMLPolicy(maxDocumentBytes: Int(Int32.max))) {
        self.policy = policy
    }

    /// Reads the TMX at `url`, memory-mapped.
    public func read(contentsOf url: URL, _ body: (TMXUnit) throws -> Void) throws -> Report {
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw FormatError(.malformed, "cannot read the file: \(error.localizedDescription)", at: SourceLocation(file: url.path))
        }
        return try read(data, file: url.path, body)
    }

    public func read(_ data: Data, file: String, _ body: (TMXUnit) throws -> Void) throws -> Report {
        try withoutActuallyEscaping(body) { body in
            let handler = TMXEventHandler(file: file, body: body)
            try XMLSAXReader.parse(data, file: file, policy: policy, handler: handler)
            guard handler.sawRoot else {
                throw FormatError(.malformed, "not a TMX file: the root element is not <tmx>", at: SourceLocation(file: file, line: 1))
            }
            return handler.report
        }
    }
}
