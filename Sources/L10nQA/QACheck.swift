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

/// A check of what a unit, a group of units or a file holds as a whole rather than of one
/// segment (a size restriction). ``QualityChecker`` gives it, besides every segment (where it
/// finds nothing, having no ``SegmentPair/size``), one pair per restricted unit, group and file:
/// their segments' sources and targets joined (untranslated segments as merge writes them, by
/// their source), and the restriction in ``SegmentPair/size``. Its examples run as any check's.
public protocol QAScopeCheck: QACheck {}

/// A segment as the checks see it: its source and its target, both with their inline codes.
public struct SegmentPair: Hashable, Sendable {
    /// `u3-s1`.
    public var key: String
    public var source: Content { didSet { readableSource = Self.readable(source) } }
    public var target: Content { didSet { readableTarget = Self.readable(target) } }
    /// `source.readableText` and `target.readableText`, made once per pair: most checks read
    /// them, and making one walks the runs and builds a string.
    public private(set) var readableSource: String
    public private(set) var readableTarget: String
    /// The size restriction the target is checked against as a whole, in pairs that stand for a
    /// restricted unit, group or file (see ``QAScopeCheck``); nil for a segment.
    public var size: SizeScope?

    public init(key: String, source: Content, target: Content, size: SizeScope? = nil) {
        self.key = key
        self.source = source
        self.target = target
        self.size = size
        readableSource = Self.readable(source)
        readableTarget = Self.readable(target)
    }

    /// `content.readableText`; a content of one text run (most are) is that text, not a copy.
    private static func readable(_ content: Content) -> String {
        if content.runs.count == 1, case .text(let t) = content.runs[0] { return t }
        return content.readableText
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
