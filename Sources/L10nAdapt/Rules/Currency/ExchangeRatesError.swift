import L10nCore

/// A rates file that cannot be used, with the file and line to fix (`rates.csv:3: …`).
public struct ExchangeRatesError: L10nError, Hashable {
    public var file: String
    /// 1-based.
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

extension ExchangeRatesError {
    /// A rates file that cannot be used is bad input data.
    public var exitCategory: ExitCategory { .dataError }
}
