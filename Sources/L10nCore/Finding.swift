/// Something a check noticed. Findings are values: collected, sorted and reported, never thrown.
public struct Finding: Hashable, Sendable, Codable {
    /// The stable id of the check or rule that produced it (`xliff.unique-ids`, `units.length`).
    public var check: String
    public var severity: Severity
    public var message: String
    /// The segment it is about (`u3-s1`), when it is about one.
    public var segment: String?
    public var location: SourceLocation?

    public init(check: String, severity: Severity, message: String, segment: String? = nil, location: SourceLocation? = nil) {
        self.check = check
        self.severity = severity
        self.message = message
        self.segment = segment
        self.location = location
    }
}
