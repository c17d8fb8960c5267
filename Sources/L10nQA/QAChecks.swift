/// The built-in checks, in the order their findings are listed. A test keeps this list and the
/// files under `Checks/` in step.
public enum QAChecks {
    public static let builtIn: [any QACheck] = [
        CodeParityCheck(),
        EmptyTargetCheck(),
        LengthRatioCheck(),
        SizeRestrictionCheck(),
        UntranslatedTargetCheck(),
        NumberConsistencyCheck(),
        EdgeWhitespaceCheck(),
        DoubledSpaceCheck(),
        EndPunctuationCheck(),
        LocalePunctuationCheck(),
        UnbalancedBracketsCheck(),
        UnbalancedQuotesCheck(),
        RepeatedWordCheck(),
        SpellingCheck(),
    ]

    /// The checks that compare segments with each other.
    public static let builtInDocument: [any QADocumentCheck] = [
        ConsistencyCheck(),
    ]

    /// Every built-in check's description, segment checks first.
    public static var descriptions: [CheckDescription] {
        builtIn.map { type(of: $0).description } + builtInDocument.map { type(of: $0).description }
    }
}
