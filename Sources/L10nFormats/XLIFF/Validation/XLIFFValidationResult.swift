import L10nCore

/// What ``XLIFFValidator`` found in one file.
public struct XLIFFValidationResult: Hashable, Sendable {
    public var file: String
    /// The version read from the root element, when it is an XLIFF root the validator knows.
    public var version: XLIFFVersion?
    /// Sorted by line, then check id, then message.
    public var findings: [Finding]

    public init(file: String, version: XLIFFVersion?, findings: [Finding]) {
        self.file = file
        self.version = version
        self.findings = findings
    }

    public var errors: [Finding] { findings.filter { $0.severity == .error } }

    /// True when nothing of error severity was found.
    public var isValid: Bool { !findings.contains { $0.severity == .error } }
}
