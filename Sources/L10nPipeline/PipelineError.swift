import L10nCore

/// A run that cannot go on as asked for reasons outside the document's content: a missing or
/// unreadable file, an unwritable output, an option that makes no sense for this input.
public struct PipelineError: L10nError, Hashable {
    public enum Kind: String, Hashable, Sendable {
        /// The input does not exist or cannot be read.
        case cannotReadInput
        /// An output cannot be created or replaced.
        case cannotWriteOutput
        /// The input's format is not one l10n reads.
        case unsupportedInput
        /// Options that contradict each other or the input.
        case usage
        /// The pipeline was put together wrong (a stage before the one it needs): a bug.
        case misassembled
    }

    public var kind: Kind
    public var message: String
    public var file: String?

    public init(_ kind: Kind, _ message: String, file: String? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
    }

    public var description: String {
        if let file { return "\(file): \(message)" }
        return message
    }
}

extension PipelineError {
    public var exitCategory: ExitCategory {
        switch kind {
        case .cannotReadInput: return .noInput
        case .cannotWriteOutput: return .cannotCreate
        case .unsupportedInput: return .dataError
        case .usage: return .usage
        case .misassembled: return .software
        }
    }
}
