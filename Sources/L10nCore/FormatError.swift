/// A document or XLIFF file that cannot be read or written as asked. Carries where it happened.
///
/// A struct with an open set of codes, so new formats can add reasons without breaking callers.
public struct FormatError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let invalidEncoding = Code(rawValue: "invalid-encoding")
        public static let binaryInput = Code(rawValue: "binary-input")
        public static let emptyInput = Code(rawValue: "empty-input")
        public static let malformed = Code(rawValue: "malformed")
        public static let forbiddenConstruct = Code(rawValue: "forbidden-construct")
        public static let invalidXLIFF = Code(rawValue: "invalid-xliff")
        public static let invalidSkeleton = Code(rawValue: "invalid-skeleton")
        public static let unsupported = Code(rawValue: "unsupported")
        public static let tooLarge = Code(rawValue: "too-large")
    }

    public var code: Code
    public var message: String
    public var location: SourceLocation?

    public init(_ code: Code, _ message: String, at location: SourceLocation? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    /// The same error, placed in `file` when it did not name one yet.
    public func inFile(_ file: String) -> FormatError {
        var copy = self
        if copy.location == nil { copy.location = SourceLocation(file: file) }
        else if copy.location?.file == nil { copy.location?.file = file }
        return copy
    }

    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}

extension FormatError: L10nError {
    /// Input content that cannot be used: always bad data, whatever the code.
    public var exitCategory: ExitCategory { .dataError }
}
