import L10nCore

extension FormatError.Code {
    /// An SRX segmentation rules file that is not valid SRX 2.0, or holds a rule whose regular
    /// expression does not compile.
    public static let invalidSRX = FormatError.Code(rawValue: "invalid-srx")
}
