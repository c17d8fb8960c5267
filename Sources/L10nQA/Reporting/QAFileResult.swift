import L10nCore

/// The findings of one checked XLIFF file, with where each segment sits in it, so every
/// report format can point at a line.
public struct QAFileResult: Sendable {
    public var file: String
    /// Translated segments checked.
    public var segments: Int
    /// Findings in document order, each with its `location` set to the file and line of the
    /// segment (or unit) it is about, when found.
    public var findings: [Finding]
    /// The checked documents with their own findings, for the HTML review page (empty when
    /// only findings are reported).
    public var documents: [QAReviewPage.Entry]

    public init(file: String, segments: Int, findings: [Finding], documents: [QAReviewPage.Entry] = []) {
        self.file = file
        self.segments = segments
        self.findings = findings
        self.documents = documents
    }

    /// `findings` with their locations set from `xliff`, the file's bytes.
    public static func locating(_ findings: [Finding], in xliff: @autoclosure () -> [UInt8], file: String, segments: Int,
                                documents: [QAReviewPage.Entry] = []) -> QAFileResult {
        // The locator scans the whole file (copied only now); most files of a good translation have
        // nothing to place.
        guard !findings.isEmpty else { return QAFileResult(file: file, segments: segments, findings: [], documents: documents) }
        let locator = XLIFFSegmentLocator(xliff(), keys: Set(findings.compactMap(\.segment)))
        let located = findings.map { finding -> Finding in
            var f = finding
            let line = f.segment.flatMap(locator.line(ofSegment:))
            f.location = SourceLocation(file: file, line: line)
            return f
        }
        return QAFileResult(file: file, segments: segments, findings: located, documents: documents)
    }
}
