import L10nCore

/// The findings of one checked XLIFF file, with where each segment sits in it, so every
/// report format can point at a line.
public struct QAFileResult: Hashable, Sendable {
    public var file: String
    /// Translated segments checked.
    public var segments: Int
    /// Findings in document order, each with its `location` set to the file and line of the
    /// segment (or unit) it is about, when found.
    public var findings: [Finding]

    public init(file: String, segments: Int, findings: [Finding]) {
        self.file = file
        self.segments = segments
        self.findings = findings
    }

    /// `findings` with their locations set from `xliff`, the file's bytes.
    public static func locating(_ findings: [Finding], in xliff: [UInt8], file: String, segments: Int) -> QAFileResult {
        let locator = XLIFFSegmentLocator(xliff)
        let located = findings.map { finding -> Finding in
            var f = finding
            let line = f.segment.flatMap(locator.line(ofSegment:))
            f.location = SourceLocation(file: file, line: line)
            return f
        }
        return QAFileResult(file: file, segments: segments, findings: located)
    }
}
