import L10nCore

/// A mistake in a project file (`l10n.yaml`), named by file and key path.
public struct ProjectConfigurationError: L10nError, Hashable {
    public var file: String
    /// Dotted key path (`site.baseURL`); empty for the whole file.
    public var keyPath: String
    public var message: String

    public init(file: String, keyPath: String, message: String) {
        self.file = file
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        keyPath.isEmpty ? "\(file): \(message)" : "\(file): \(keyPath): \(message)"
    }

    /// The project file is how the run was asked for: a mistake in it is a usage error.
    public var exitCategory: ExitCategory { .usage }
}
