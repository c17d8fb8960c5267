import L10nCore

/// A quality check that needs the whole document: it compares segments with each other (the
/// same source translated two ways). Examples use `|` to separate the segments of a document,
/// in source and target alike.
public protocol QADocumentCheck: Sendable {
    static var description: CheckDescription { get }
    /// Findings by segment key, in document order. Only translated segments are passed.
    func check(_ pairs: [SegmentPair], context: CheckContext) -> [(key: String, issue: QAIssue)]
}
