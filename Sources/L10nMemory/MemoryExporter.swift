import Foundation
import L10nCore

/// Writes a store (or one language pair of it) as TMX, streaming.
public struct MemoryExporter: Sendable {
    public var store: any MemoryStore

    public init(store: any MemoryStore) {
        self.store = store
    }

    /// Writes `path` atomically; returns the number of units written.
    public func exportTMX(to path: String, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil) async throws -> Int {
        let writer = try TMXWriter(path: path, sourceLanguage: sourceLanguage)
        try await store.forEachUnit(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage) { try writer.write($0) }
        try writer.finish()
        return writer.units
    }
}
