import Foundation
import L10nPipeline
import Testing

/// The guard rails every backend's output passes: codes intact and nested, numbers unchanged;
/// a refused translation is asked for once more, then left untranslated with a finding, while
/// the rest of its batch stands.
@Suite struct TranslateStageGuardTests {
    /// Answers per attempt: `answer(request, attempt)` with attempt 1, 2… per segment key.
    final class AttemptBackend: TranslationBackend, @unchecked Sendable {
        // @unchecked: `attempts` and `calls` are only touched while holding `lock`.
        private let lock = NSLock()
        private var attempts: [String: Int] = [:]
        private var calls: [[String]] = []
        let descriptor = BackendDescriptor(id: "attempts", displayName: "Attempts", summary: "test double",
                                           limits: .unlimited, supportsInlineCodes: true, producesDrafts: true)
        let answer: @Sendable (SegmentRequest, Int) -> SegmentResult

        init(answer: @escaping @Sendable (SegmentRequest, Int) -> SegmentResult) { self.answer = answer }

        var batches: [[String]] { lock.withLock { calls } }

        func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
            let numbered = lock.withLock {
                calls.append(batch.map(\.key))
                return batch.map { request in
                    attempts[request.key, default: 0] += 1
                    return (request, attempts[request.key]!)
                }
            }
            return numbered.map { answer($0.0, $0.1) }
        }
    }

    func job() async throws -> LocalizationJob {
        try await Localizer().pipeline().runPerDocument(LocalizationJob(source: PipelineFixtures.markdownSource, targetLanguage: LanguageTag("pt-BR")!))
    }

    /// The source with its text upper-cased: a translation that keeps every code and number.
    static func faithful(_ source: Content) -> Content { source.mapText { $0.uppercased() } }

    /// The source without its codes.
    static func codeless(_ source: Content) -> Content { Content(text: source.plainText.uppercased()) }

    @Test func aTranslationThatLosesCodesIsRetriedOnceAndThenLeftWithAFinding() async throws {
        var job = try await job()
        let segments = PipelineFixtures.segments(try #require(job.document))
        let withCodes = try #require(segments.first { !$0.source.codes.isEmpty && $0.source.plainText.contains { $0.isLetter } })
        let key = try #require(job.document?.units.first { $0.segments.contains(withCodes) }).id + "-" + withCodes.id
        let backend = AttemptBackend { request, _ in
            .translated(request.key == key ? Self.codeless(request.source) : Self.faithful(request.source))
        }
        try await TranslateStage(backend: backend).run(&job)

        #expect(backend.batches.count == 2)
        #expect(backend.batches.last == [key], "only the refused segment is asked again")
        let refused = job.findings.filter { $0.check == TranslateStage.guardCheck }
        #expect(refused.map(\.segment) == [key])
        #expect(refused.first?.message.contains("lost") == true)
        let after = PipelineFixtures.segments(try #require(job.document))
        #expect(after.first { $0.id == withCodes.id && $0.source == withCodes.source }?.target == nil)
        let translated = after.filter { $0.target != nil }
        #expect(translated.count == segments.count - 1, "the rest of the batch stands")
        #expect(translated.allSatisfy { $0.state == .initial && $0.provenance == Provenance(origin: .machine(backend: "attempts")) },
                "an engine's output is a draft for review")
        #expect(job.translation?.failed == 1)
        #expect(job.translation?.translated == segments.count - 1)
        #expect(job.translation?.requests == 2)
    }

    @Test func aRetryThatComesBackIntactIsKept() async throws {
        var job = try await job()
        let backend = AttemptBackend { request, attempt in
            .translated(attempt == 1 ? Self.codeless(request.source) : Self.faithful(request.source))
        }
        try await TranslateStage(backend: backend).run(&job)
        let segments = PipelineFixtures.segments(try #require(job.document))
        #expect(segments.allSatisfy { $0.target == Self.faithful($0.source) })
        #expect(job.findings.filter { $0.check == TranslateStage.guardCheck }.isEmpty)
        #expect(backend.batches.count == 2)
    }

    @Test func changedNumbersDuplicatedAndReorderedCodesAreRefused() async throws {
        var job = try await job()
        let segments = PipelineFixtures.segments(try #require(job.document))
        let bold = try #require(segments.first { $0.source.codes.contains { $0.kind == .open } })
        let backend = AttemptBackend { request, _ in
            var runs = request.source.runs
            if request.source.plainText.contains("129") {
                return .translated(request.source.mapText { $0.replacingOccurrences(of: "129", with: "130") })
            }
            if request.source == bold.source {
                // Swap the first open and its close: the pair ends before it starts.
                let open = runs.firstIndex { if case .code(let c) = $0 { return c.kind == .open } else { return false } }!
                let close = runs.firstIndex { if case .code(let c) = $0 { return c.kind == .close } else { return false } }!
                runs.swapAt(open, close)
                return .translated(Content(runs))
            }
            if let code = request.source.codes.first {
                runs.append(.code(code))
                return .translated(Content(runs))
            }
            return .translated(request.source)
        }
        try await TranslateStage(backend: backend).run(&job)
        let messages = job.findings.filter { $0.check == TranslateStage.guardCheck }.map(\.message)
        #expect(messages.contains { $0.contains("numbers changed") })
        #expect(messages.contains { $0.contains("closes before it opens") || $0.contains("badly nested") })
        #expect(messages.contains { $0.contains("appears twice") })
        #expect(messages.allSatisfy { !$0.contains("AquaFlow") && !$0.contains("129") }, "findings never quote the segment")
    }
}
