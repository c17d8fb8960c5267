import L10nCore
import L10nMT

/// Fills the targets memory left empty through a machine-translation backend, in batches cut to
/// the backend's limits (segments and characters). A segment the backend could not translate
/// becomes a finding and stays empty for a translator; a failed call ends the run with the
/// backend's error. Between batches the stage honours cancellation.
///
/// A target in the source's language (en-US → en-GB) that no backend translated is the adapted
/// source itself, with provenance `source`.
public struct TranslateStage: PipelineStage {
    public var backend: any TranslationBackend
    public var name: StageName { .translate }

    public init(backend: any TranslationBackend) {
        self.backend = backend
    }

    /// The check id of a per-segment translation failure.
    public static let failureCheck = "translate.failed"

    public func run(_ job: inout LocalizationJob) async throws {
        var document = try job.requireDocument(for: .translate)
        let descriptor = backend.descriptor
        let sourceLanguage = job.source.language, targetLanguage = job.targetLanguage
        let sameLanguage = sourceLanguage.language == targetLanguage.language
        var summary = TranslationSummary(backend: descriptor.id)

        var requests: [SegmentRequest] = []
        var positions: [(unit: Int, segment: Int)] = []
        for (u, unit) in document.units.enumerated() {
            for (s, segment) in unit.segments.enumerated() where !segment.isIgnorable && segment.target == nil {
                requests.append(SegmentRequest(key: "\(unit.id)-\(segment.id)", source: segment.source))
                positions.append((u, s))
            }
        }
        if !requests.isEmpty, !descriptor.languages.supports(sourceLanguage, targetLanguage) {
            throw BackendError(.unsupportedLanguages, backend: descriptor.id, "does not translate \(sourceLanguage) → \(targetLanguage)")
        }
        let context = TranslationContext(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, market: job.market?.id, document: job.source.name)
        for range in Self.batches(requests, limits: descriptor.limits) {
            try Task.checkCancellation()
            let batch = Array(requests[range])
            let results = try await backend.translate(batch, context: context)
            guard results.count == batch.count else {
                throw BackendError(.invalidResponse, backend: descriptor.id, "returned \(results.count) results for \(batch.count) segments")
            }
            if descriptor.id != NoneBackend.descriptor.id {
                summary.requests += 1
                summary.segments += batch.count
                summary.characters += batch.reduce(0) { $0 + $1.source.plainText.count }
            }
            for (offset, result) in results.enumerated() {
                let (u, s) = positions[range.lowerBound + offset]
                switch result {
                case .translated(let target):
                    document.units[u].segments[s].target = target
                    document.units[u].segments[s].state = .translated
                    document.units[u].segments[s].provenance = Provenance(origin: .machine(backend: descriptor.id))
                    summary.translated += 1
                case .failed(let reason):
                    summary.failed += 1
                    job.findings.append(Finding(check: Self.failureCheck, severity: .warning,
                                                message: "\(descriptor.id) could not translate this segment: \(reason); it is left for a translator",
                                                segment: batch[offset].key))
                case .untranslated:
                    guard sameLanguage else { break }
                    // Nothing to translate: the adapted source *is* the localized text.
                    document.units[u].segments[s].target = document.units[u].segments[s].source
                    document.units[u].segments[s].state = .translated
                    document.units[u].segments[s].provenance = Provenance(origin: .source)
                }
            }
        }
        document.targetLanguage = targetLanguage.rawValue
        job.document = document
        job.translation = summary
    }

    /// Consecutive ranges of `requests` within `limits`; a single segment over the character
    /// limit goes alone (the backend decides what to do with it).
    static func batches(_ requests: [SegmentRequest], limits: BatchLimits) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0, characters = 0
        for (i, request) in requests.enumerated() {
            let n = request.source.plainText.count
            if i > start, i - start >= limits.maxSegments || characters + n > limits.maxCharacters {
                ranges.append(start..<i)
                start = i
                characters = 0
            }
            characters += n
        }
        if start < requests.count { ranges.append(start..<requests.count) }
        return ranges
    }
}
