import Foundation
import L10nCore
import L10nQA

extension ProjectConfiguration {
    /// Reads and checks the project file at `path` (named so in messages).
    public static func load(_ path: String) throws -> ProjectConfiguration {
        try decode(try InputFile.read(path), file: path)
    }
}

extension ProjectConfiguration.QASettings {
    /// Sets `checker`'s severities, disabled checks and per-market overrides to these settings.
    /// Check ids must be checks `checker` knows (``QualityChecker/allDescriptions``): an unknown
    /// one is a mistake named by `file` and its key (`qa.markets.jp.severity.lenght.ratio`).
    public func configure(_ checker: inout QualityChecker, file: String) throws {
        let known = Set(QualityChecker.allDescriptions.map(\.id))
        func fail(_ key: String, _ message: String) -> ProjectConfigurationError { ProjectConfigurationError(file: file, keyPath: key, message: message) }
        func levels(_ entries: [String: String], at path: String) throws -> [String: Severity] {
            var out: [String: Severity] = [:]
            for (id, level) in entries.sorted(by: { $0.key < $1.key }) {
                guard known.contains(id) else { throw fail("\(path).\(id)", "is not a check id (`l10n qa --list`)") }
                guard let severity = Severity(rawValue: level) else { throw fail("\(path).\(id)", "is '\(level)'; use error, warning or info") }
                out[id] = severity
            }
            return out
        }
        func ids(_ list: [String], at path: String) throws -> Set<String> {
            if let unknown = list.first(where: { !known.contains($0) }) { throw fail(path, "'\(unknown)' is not a check id (`l10n qa --list`)") }
            return Set(list)
        }
        checker.severities = try levels(severity, at: "qa.severity")
        checker.disabled = try ids(disable, at: "qa.disable")
        checker.markets = [:]
        for (market, settings) in markets.sorted(by: { $0.key < $1.key }) {
            checker.markets[market] = QAOverrides(severities: try levels(settings.severity, at: "qa.markets.\(market).severity"),
                                                  disabled: try ids(settings.disable, at: "qa.markets.\(market).disable"))
        }
    }
}
