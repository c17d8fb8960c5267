import Foundation
import L10nCore
import L10nMT
import L10nPipeline
import Synchronization
import Testing

/// The translate stages of documents localized at the same time share the run's requests.
@Suite struct SharedTranslationTests {
    /// Translates by upper-casing, shares by language pair, and counts its calls.
    final class CountingBackend: TranslationBackend {
        let descriptor: BackendDescriptor
        private let calls = Mutex<[Int]>([])

        init(maxSegments: Int) {
            descriptor = BackendDescriptor(id: "counting", displayName: "Counting", summary: "test double",
                                           limits: BatchLimits(maxSegments: maxSegments), supportsInlineCodes: true)
        }

        var batchSizes: [Int] { calls.withLock { $0 } }

        func sharedContext(for context: TranslationContext) -> TranslationContext? { context.languagePair }

        func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
            calls.withLock { $0.append(batch.count) }
            return batch.map { .translated(Content(text: $0.source.plainText.uppercased())) }
        }
    }

    @Test func twoPagesTranslatedAtOnceMakeOneRequest() async throws {
        let backend = CountingBackend(maxSegments: 2)
        let localizer = Localizer(Localizer.Configuration(backend: backend))
        var pipeline = localizer.pipeline(options: LocalizationOptions(outputs: [.document]))
        // Full at two segments, so the request goes out when both pages have joined it, however
        // slow the machine; a lone page would wait the whole minute.
        pipeline.install(TranslateStage(backend: backend, sharing: SharedRequests(linger: .seconds(60))))
        let market = try localizer.markets().market("de")
        async let first = localizer.run(pipeline, on: SourceDocument(text: "Stainless steel housing.\n", name: "a.md"), markets: [market])
        async let second = localizer.run(pipeline, on: SourceDocument(text: "Five-year warranty.\n", name: "b.md"), markets: [market])
        let (a, b) = try await (first, second)
        #expect(backend.batchSizes == [2])
        #expect(String(decoding: try #require(a.results[0].outputs.document), as: UTF8.self) == "STAINLESS STEEL HOUSING.\n")
        #expect(String(decoding: try #require(b.results[0].outputs.document), as: UTF8.self) == "FIVE-YEAR WARRANTY.\n")
        // Each page still counts its own segments.
        #expect(a.results[0].translation?.segments == 1 && b.results[0].translation?.segments == 1)
    }
}
