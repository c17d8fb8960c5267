import Foundation
import L10nCore
import L10nMemory
import L10nTestSupport
import Testing

/// Helpers for the memory tests: a fresh store per test on either engine, tags, and content with codes.
enum MemoryTestSupport {
    /// The engines a store test runs against: PostgreSQL where a test cluster can start.
    enum Engine: String, Sendable, CustomTestStringConvertible {
        case sqlite, postgres

        /// Every engine this machine can run.
        static var available: [Engine] { TestPostgres.shared == nil ? [.sqlite] : [.sqlite, .postgres] }

        var testDescription: String { rawValue }

        /// A new, empty memory's location: a file in a fresh folder, or a fresh database.
        func newLocation() throws -> String {
            switch self {
            case .sqlite: return try TemporaryDirectory.make("l10n-tm").appendingPathComponent("memory.sqlite").path
            case .postgres:
                guard let server = TestPostgres.shared else { throw TestSupportError("no PostgreSQL test cluster") }
                return try server.makeDatabase()
            }
        }
    }

    static func store(_ engine: Engine = .sqlite) async throws -> any MemoryStore {
        try await MemoryLocation.open(try engine.newLocation())
    }

    static func tag(_ s: String) -> LanguageTag { LanguageTag(s)! }

    static let en = tag("en-US"), pt = tag("pt-BR"), de = tag("de-DE")

    static func unit(_ source: Content, _ target: Content, from: LanguageTag = en, to: LanguageTag = pt,
                     previous: Content? = nil, next: Content? = nil, origin: MemoryOrigin = .human, market: String? = nil) -> TranslationUnit {
        TranslationUnit(source: source, target: target, sourceLanguage: from, targetLanguage: to, previous: previous, next: next,
                        origin: origin, market: market)
    }

    static func query(_ source: Content, from: LanguageTag = en, to: LanguageTag = pt, previous: Content? = nil, next: Content? = nil) -> MemoryQuery {
        MemoryQuery(source: source, sourceLanguage: from, targetLanguage: to, previous: previous, next: next)
    }

    /// `before` **`bold`** `after`, the bold pair with id `id`.
    static func bold(_ before: String, _ bold: String, _ after: String, id: String = "1", markup: (String, String) = ("**", "**")) -> Content {
        Content([.text(before), .code(InlineCode(kind: .open, id: id, data: markup.0, type: .fmt)), .text(bold),
                 .code(InlineCode(kind: .close, id: id, data: markup.1, type: .fmt)), .text(after)])
    }
}
