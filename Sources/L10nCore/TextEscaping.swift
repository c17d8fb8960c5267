/// How a format writes translated text back: what must be escaped depends on the format and on
/// the place (`html:attr-alt` needs `"` escaped, a Markdown table cell needs `|`).
public protocol TextEscaping: Sendable {
    func escape(_ text: String, unitType: String?) -> String

    /// Escapes `text` knowing what surrounds it in the written unit. Formats whose rules depend on
    /// neighbours (Markdown: a run that starts a line, text inside a link title) implement this;
    /// the default ignores the context and calls ``escape(_:unitType:)``.
    func escape(_ text: String, context: EscapingContext) -> String

    /// Appends what ``escape(_:context:)`` returns to `out`. ``SkeletonMerger`` writes a document
    /// as bytes: a format that escapes byte by byte implements this to write into `out` directly,
    /// without a string per text run made, validated and copied again. The default appends the
    /// string.
    func escape(_ text: String, context: EscapingContext, into out: inout [UInt8])
}

extension TextEscaping {
    public func escape(_ text: String, context: EscapingContext) -> String {
        escape(text, unitType: context.unitType)
    }

    public func escape(_ text: String, context: EscapingContext, into out: inout [UInt8]) {
        out.append(contentsOf: escape(text, context: context).utf8)
    }
}

/// Where a text run lands when ``SkeletonMerger`` writes a translated segment.
public struct EscapingContext: Hashable, Sendable {
    /// The unit's `type` (`md:paragraph`, `html:attr-alt`).
    public var unitType: String?
    /// True when nothing of the unit has been written before this run, so the run starts the
    /// unit (for block formats: the start of a line).
    public var isUnitStart: Bool
    /// The code written right before this run, if the run follows a code.
    public var previousCode: InlineCode?
    /// The code written right after this run, if a code follows it.
    public var nextCode: InlineCode?
    /// Paired codes opened before this run and not closed yet, outermost first, with their
    /// original data.
    public var enclosingCodes: [InlineCode]

    public init(unitType: String?, isUnitStart: Bool = false, previousCode: InlineCode? = nil,
                nextCode: InlineCode? = nil, enclosingCodes: [InlineCode] = []) {
        self.unitType = unitType
        self.isUnitStart = isUnitStart
        self.previousCode = previousCode
        self.nextCode = nextCode
        self.enclosingCodes = enclosingCodes
    }
}
