import L10nCore

/// One quality check over a translated segment: source and target in, findings out.
///
/// A check is a value with a self-description (``CheckDescription``: stable id, summary,
/// rationale, default severity, passing and failing examples that one generic test runs). Adding
/// a check is adding one file under `Checks/` and its type to ``QAChecks/builtIn``.
public protocol QACheck: Sendable {
    static var description: CheckDescription { get }
    /// What is wrong with `pair`'s target, if anything. Only called for translated segments.
    func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue]
}

/// A segment as the checks see it: its source and its target, both with their inline codes.
public struct SegmentPair: Hashable, Sendable {
    /// `u3-s1`.
    public var key: String
    public var source: Content
    public var target: Content

    public init(key: String, source: Content, target: Content) {
        self.key = key
        self.source = source
        self.target = target
    }
}

/// What a check found in one segment, before severity and placement are applied.
public struct QAIssue: Hashable, Sendable {
    public var message: String
    /// Where in the target's readable text (``Content/readableText``, in `Character`s) the
    /// problem is, when a place can be named.
    public var offset: Int?

    public init(_ message: String, at offset: Int? = nil) {
        self.message = message
        self.offset = offset
    }
}
