/// A quality check the pipeline's check stage runs over a document with its targets.
///
/// Pure and synchronous: same document, same findings. The protocol lives in the core so
/// checks from any target plug into the same stage; findings are values, collected and
/// reported, never thrown.
public protocol DocumentCheck: Sendable {
    /// Stable id, used in reports, configuration and suppressions (`codes.parity`).
    var id: String { get }
    func check(_ document: Document, context: CheckContext) -> [Finding]
}

/// What every check of a run shares.
public struct CheckContext: Hashable, Sendable {
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// The market id, when the run adapts for one.
    public var market: String?
    /// Whether the target should write the source's figures exactly as the source does: the
    /// source was adapted (`adapt` writes figures the market's way before translation), or the
    /// target is a pseudo-translation. Otherwise the source's figures are read the source
    /// language's way and expected in the target language's (or the market's) way.
    public var sourceFiguresAreFinal: Bool

    public init(sourceLanguage: LanguageTag, targetLanguage: LanguageTag, market: String? = nil, sourceFiguresAreFinal: Bool = false) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.market = market
        self.sourceFiguresAreFinal = sourceFiguresAreFinal
    }
}
