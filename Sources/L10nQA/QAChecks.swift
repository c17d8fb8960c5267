/// The built-in checks, in the order their findings are listed. A test keeps this list and the
/// files under `Checks/` in step.
public enum QAChecks {
    public static let builtIn: [any QACheck] = [
        CodeParityCheck(),
        EmptyTargetCheck(),
        LengthRatioCheck(),
        UntranslatedTargetCheck(),
        NumberConsistencyCheck(),
        EdgeWhitespaceCheck(),
        DoubledSpaceCheck(),
        EndPunctuationCheck(),
        LocalePunctuationCheck(),
        UnbalancedBracketsCheck(),
        RepeatedWordCheck(),
    ]
}
