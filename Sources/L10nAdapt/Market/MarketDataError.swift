import L10nCore

/// Market data that cannot be used: names the file and the key path, so whoever edits the YAML
/// knows exactly what to fix (`br.yaml: measurement.convert.ft: unknown unit "metre"`).
public struct MarketDataError: L10nError, Hashable {
    public var file: String
    /// Dotted key path (`certifications.radio.required[0]`); empty for the whole file.
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
}

extension MarketDataError {
    /// Bad market data is bad input, whoever wrote the file.
    public var exitCategory: ExitCategory { .dataError }
}
