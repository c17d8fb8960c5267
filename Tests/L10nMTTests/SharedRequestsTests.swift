import Foundation
import L10nCore
import L10nMT
import Synchronization
import Testing

/// Documents translated at the same time share requests where the backend allows it, each
/// caller getting its own results; a backend whose requests carry the document is called per
/// document; a failed shared call fails every caller.
@Suite struct SharedRequestsTests {
    /// Answers every segment with its source in capitals, and records each call.
    final class RecordingBackend: TranslationBackend {
        struct Call: Sendable {
            var keys: [String]
            var context: TranslationContext
        }

        let descriptor: BackendDescriptor
        let shares: Bool
        let failure: (any Error)?
        let dropsOne: Bool
        private let log = Mutex<[Call]>([])

        init(maxSegments: Int = 50, maxCharacters: Int = .max, shares: Bool = true, failure: (any Error)? = nil, dropsOne: Bool = false) {
            descriptor = BackendDescriptor(id: "recording", displayName: "Recording", summary: "test double",
                                           limits: BatchLimits(maxSegments: maxSegments, maxCharacters: maxCharacters), supportsInlineCodes: true)
            self.shares = shares
            self.failure = failure
            self.dropsOne = dropsOne
        }

        var calls: [Call] { log.withLock { $0 } }

        func sharedContext(for context: TranslationContext) -> TranslationContext? { shares ? context.languagePair : nil }

        func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
            log.withLock { $0.append(Call(keys: batch.map(\.key), context: context)) }
            if let failure { throw failure }
            let results = batch.map { SegmentResult.translated(Content(text: $0.source.plainText.uppercased())) }
            return dropsOne ? Array(results.dropLast()) : results
        }
    }

    static let en = LanguageTag("en-US")!, de = LanguageTag("de-DE")!

    static func context(_ document: String, about: String? = nil) -> TranslationContext {
        TranslationContext(sourceLanguage: en, targetLanguage: de, market: "de", document: document, about: about)
    }

    static func batch(_ texts: String...) -> [SegmentRequest] {
        texts.enumerated().map { SegmentRequest(key: "u\($0.offset + 1)-s1", source: Content(text: $0.element)) }
    }

    static func texts(_ results: [SegmentResult]) -> [String] {
        results.map { if case .translated(let target) = $0 { target.plainText } else { "?" } }
    }

    @Test func twoDocumentsShareOneRequestAndEachGetsItsOwnResults() async throws {
        let backend = RecordingBackend(maxSegments: 4)
        // A long linger: the request goes out because it is full, not because time passed.
        let sharing = SharedRequests(linger: .seconds(60))
        async let a = sharing.translate(Self.batch("pump", "valve"), context: Self.context("a.md", about: "Pumps"), with: backend)
        async let b = sharing.translate(Self.batch("hose", "seal"), context: Self.context("b.md", about: "Hoses"), with: backend)
        let (first, second) = try await (a, b)
        #expect(Self.texts(first) == ["PUMP", "VALVE"])
        #expect(Self.texts(second) == ["HOSE", "SEAL"])
        let calls = backend.calls
        try #require(calls.count == 1)
        #expect(calls[0].keys.count == 4 && Set(calls[0].keys).count == 4, "keys are unique across documents: \(calls[0].keys)")
        // The shared request carries what the backend shares: the language pair, no document.
        #expect(calls[0].context == TranslationContext(sourceLanguage: Self.en, targetLanguage: Self.de))
    }

    @Test func aLoneBatchGoesOutAfterTheLinger() async throws {
        let backend = RecordingBackend()
        let sharing = SharedRequests(linger: .milliseconds(10))
        let results = try await sharing.translate(Self.batch("pump"), context: Self.context("a.md"), with: backend)
        #expect(Self.texts(results) == ["PUMP"])
        #expect(backend.calls.map(\.keys.count) == [1])
    }

    @Test func aBatchThatDoesNotFitSendsTheWaitingOneFirst() async throws {
        let backend = RecordingBackend(maxSegments: 3)
        let sharing = SharedRequests(linger: .milliseconds(50))
        let first = try await sharing.translate(Self.batch("a", "b"), context: Self.context("a.md"), with: backend)
        async let second = sharing.translate(Self.batch("c", "d"), context: Self.context("b.md"), with: backend)
        async let third = sharing.translate(Self.batch("e"), context: Self.context("c.md"), with: backend)
        #expect(Self.texts(first) == ["A", "B"])
        #expect(try await Self.texts(second) + Self.texts(third) == ["C", "D", "E"])
        // Never more than the backend's limit in one request.
        #expect(backend.calls.allSatisfy { $0.keys.count <= 3 })
        #expect(backend.calls.reduce(0) { $0 + $1.keys.count } == 5)
    }

    @Test func aBackendWhoseRequestsCarryTheDocumentIsCalledPerDocument() async throws {
        let backend = RecordingBackend(maxSegments: 4, shares: false)
        let sharing = SharedRequests(linger: .seconds(60))
        async let a = sharing.translate(Self.batch("pump", "valve"), context: Self.context("a.md", about: "Pumps"), with: backend)
        async let b = sharing.translate(Self.batch("hose", "seal"), context: Self.context("b.md", about: "Hoses"), with: backend)
        _ = try await (a, b)
        #expect(backend.calls.count == 2)
        #expect(Set(backend.calls.compactMap(\.context.about)) == ["Pumps", "Hoses"])
        #expect(backend.calls.allSatisfy { $0.keys == ["u1-s1", "u2-s1"] })
    }

    @Test func aFailedSharedCallFailsEveryCaller() async throws {
        let refused = BackendError(.unauthorized, backend: "recording", "the key was refused")
        let backend = RecordingBackend(maxSegments: 2, failure: refused)
        let sharing = SharedRequests(linger: .seconds(60))
        async let a = Result { try await sharing.translate(Self.batch("pump"), context: Self.context("a.md"), with: backend) }
        async let b = Result { try await sharing.translate(Self.batch("hose"), context: Self.context("b.md"), with: backend) }
        for result in await [a, b] {
            #expect(throws: BackendError.self) { try result.get() }
        }
        #expect(backend.calls.count == 1)
    }

    @Test func aWrongNumberOfResultsFailsEveryCaller() async throws {
        let backend = RecordingBackend(maxSegments: 2, dropsOne: true)
        let sharing = SharedRequests(linger: .seconds(60))
        async let a = Result { try await sharing.translate(Self.batch("pump"), context: Self.context("a.md"), with: backend) }
        async let b = Result { try await sharing.translate(Self.batch("hose"), context: Self.context("b.md"), with: backend) }
        for result in await [a, b] {
            #expect { try result.get() } throws: { ($0 as? BackendError)?.message.contains("returned 1 results for 2 segments") == true }
        }
    }

    @Test func httpEnginesThatTranslateEachTextAloneShareAndTheOthersDoNot() throws {
        let context = Self.context("a.md", about: "Pumps")
        let registry = BackendRegistry.builtIn
        let configuration = BackendConfiguration(environment: [
            "GOOGLE_API_KEY": "k", "LIBRETRANSLATE_URL": "http://127.0.0.1:9", "DEEPL_AUTH_KEY": "k:fx", "OPENAI_BASE_URL": "http://127.0.0.1:9/v1",
        ])
        for id in ["google", "libretranslate"] {
            #expect(try registry.make(id, configuration: configuration).sharedContext(for: context) == context.languagePair, "\(id)")
        }
        for id in ["deepl", "openai"] {
            #expect(try registry.make(id, configuration: configuration).sharedContext(for: context) == nil, "\(id)")
        }
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
