import Foundation

/// The parts of an `adapt --report` the MT end-to-end tests read: per document, the translate
/// stage's summary and the findings' check ids.
struct TranslationReport: Decodable {
    struct Entry: Decodable {
        var market: String
        var segments: Int
        var targets: Targets?
        var findings: [Finding]
    }
    struct Targets: Decodable { var translation: Translation? }
    struct Translation: Decodable { var backend: String; var requests: Int; var httpRequests: Int?; var translated: Int; var failed: Int }
    struct Finding: Decodable { var check: String; var message: String? }
    var documents: [Entry]

    static func read(_ url: URL) throws -> TranslationReport {
        try JSONDecoder().decode(TranslationReport.self, from: Data(contentsOf: url))
    }
}
