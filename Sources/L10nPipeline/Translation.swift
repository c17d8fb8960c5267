import L10nCore
import L10nMT

/// The translate stage: sends every untranslated segment of a document to a backend, in batches
/// the backend accepts, and stores the results as targets in state `translated`.
public enum Translation {
    public static func translate(_ document: Document, with backend: some TranslationBackend, context: TranslationContext) async throws -> Document {
        var requests: [SegmentRequest] = []
        var positions: [(unit: Int, segment: Int)] = []
        for (u, unit) in document.units.enumerated() {
            for (s, segment) in unit.segments.enumerated() where !segment.isIgnorable && segment.target == nil {
                requests.append(SegmentRequest(key: "\(unit.id)-\(segment.id)", source: segment.source))
                positions.append((u, s))
            }
        }
        var copy = document
        let size = max(1, type(of: backend).descriptor.maxBatchSize)
        var start = 0
        while start < requests.count {
            let end = min(requests.count, start + size)
            let results = try await backend.translate(Array(requests[start..<end]), context: context)
            guard results.count == end - start else {
                throw TranslationError(backend: type(of: backend).descriptor.id, message: "returned \(results.count) translations for \(end - start) segments")
            }
            for (offset, target) in results.enumerated() {
                let (u, s) = positions[start + offset]
                copy.units[u].segments[s].target = target
                copy.units[u].segments[s].state = .translated
            }
            start = end
        }
        copy.targetLanguage = context.targetLanguage.rawValue
        return copy
    }
}

/// A backend broke its contract or failed; never includes segment text or keys.
public struct TranslationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var backend: String
    public var message: String

    public var description: String { "backend \(backend): \(message)" }
}
