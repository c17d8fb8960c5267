import L10nCore
import L10nAdapt
import L10nMT

/// Fills the targets memory left empty through a machine-translation backend, in batches cut to
/// the backend's limits (segments and characters). A segment the backend could not translate
/// becomes a finding and stays empty for a translator; a failed call ends the run with the
/// backend's error. Between batches the stage honours cancellation.
///
/// A target in the source's language (en-US → en-GB) that no backend translated is the adapted
/// source itself, with provenance `source`.
///
/// With a ``TranslationCache``, a real engine's earlier answers for the same source and the same
/// inputs (``EngineSignature``: settings, formality, glossary terms, notes; not the page context) are
/// reused instead of sent again (counted as `reused`, not as characters billed), and every
/// accepted answer is stored as soon as its batch is done, so a run that fails later has still
/// paid once.
///
/// With ``SharedRequests`` (one per run, shared by the stages of its documents), the batches of
/// documents translated at the same time go out together where the backend allows it.
public struct TranslateStage: PipelineStage {
    public var backend: any TranslationBackend
    public var cache: (any TranslationCache)?
    public var sharing: SharedRequests?
    public var name: StageName { .translate }

    public init(backend: any TranslationBackend, cache: (any TranslationCache)? = nil, sharing: SharedRequests? = nil) {
        self.backend = backend
        self.cache = cache
        self.sharing = sharing
    }

    /// The check id of a per-segment translation failure.
    public static let failureCheck = "translate.failed"

    /// The check id of a translation the guard rails refused twice (codes, protected spans, numbers).
    public static let guardCheck = "translate.guard"

    public func run(_ job: inout LocalizationJob) async throws {
        var document = try job.requireDocument(for: .translate)
        let sourceLanguage = job.source.language, targetLanguage = job.targetLanguage
        // With no backend named, the engine is chosen per language pair.
        let choice = (self.backend as? AutomaticBackend)?.choose(from: sourceLanguage, to: targetLanguage)
        let backend = choice?.backend ?? self.backend
        let descriptor = backend.descriptor
        let signature = EngineSignature(backend)
        let sameLanguage = sourceLanguage.language == targetLanguage.language
        var summary = TranslationSummary(backend: descriptor.id, note: choice?.note)

        let notes = Self.notes(adaptations: job.adaptations, kept: job.kept)
        var requests: [SegmentRequest] = []
        var positions: [(unit: Int, segment: Int)] = []
        for (u, unit) in document.units.enumerated() where unit.translate {
            for (s, segment) in unit.segments.enumerated() where !segment.isIgnorable && segment.target == nil {
                let key = "\(unit.id)-\(segment.id)"
                requests.append(SegmentRequest(key: key, source: segment.source, notes: notes[key] ?? []))
                positions.append((u, s))
            }
        }
        if !requests.isEmpty, !descriptor.languages.supports(sourceLanguage, targetLanguage) {
            throw BackendError(.unsupportedLanguages, backend: descriptor.id, "does not translate \(sourceLanguage) → \(targetLanguage)")
        }
        let formality: Formality? = switch job.market?.tone.address {
        case .formal?: .formal
        case .informal?: .informal
        default: nil
        }
        // The document's glossary hits, once each (the glossary stage found them in the sources).
        var seenTerms = Set<GlossaryTerm>()
        let terms = document.units.flatMap(\.glossary).map {
            GlossaryTerm(term: $0.term, translations: $0.translations, status: $0.status, definition: $0.definition)
        }.filter { seenTerms.insert($0).inserted }
        let context = TranslationContext(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, market: job.market?.id,
                                         document: job.source.name, formality: formality, terms: terms, about: DocumentAbout.text(of: document))
        func accept(_ target: Content, at u: Int, _ s: Int) {
            document.units[u].segments[s].target = target
            // A real engine's output is a draft for review; pseudo's is final as it is.
            document.units[u].segments[s].state = descriptor.producesDrafts ? .initial : .translated
            document.units[u].segments[s].provenance = Provenance(origin: .machine(backend: descriptor.id))
            if descriptor.producesDrafts, !document.units[u].notes.contains(where: { $0.category == Self.draftNoteCategory }) {
                document.units[u].notes.append(Note(text: "Machine translation by \(descriptor.displayName): a draft to review before use.",
                                                    category: Self.draftNoteCategory, appliesTo: .target))
            }
            summary.translated += 1
        }
        var findings: [Finding] = []
        // Answers the engine already gave (a real engine's only: pseudo and none cost nothing).
        let cache = descriptor.producesDrafts ? self.cache?.forOneDocument() : nil
        /// Sends `requests` in batches within the backend's limits, each distinct source (with its
        /// notes) once (a sentence twice on a page is bought once); targets go to `positions`.
        func translate(_ requests: [SegmentRequest], _ positions: [(unit: Int, segment: Int)]) async throws {
            var unique: [SegmentRequest] = [], members: [[Int]] = [], first: [SegmentRequest: Int] = [:]
            for (i, request) in requests.enumerated() {
                var twin = request
                twin.key = ""
                if let group = first[twin] {
                    members[group].append(i)
                } else {
                    first[twin] = unique.count
                    unique.append(request)
                    members.append([i])
                }
            }
            for range in Self.batches(unique, limits: descriptor.limits) {
                try Task.checkCancellation()
                let batch = Array(unique[range])
                var results = try await Self.call(backend, batch, context: context, sharing: sharing, summary: &summary)
                // Guard rails: a translation that broke codes or numbers is asked for once more,
                // alone with the others that failed, then left for a translator.
                var refused: [Int: String] = [:]
                for (i, result) in results.enumerated() {
                    if case .translated(let target) = result, let problem = TranslationGuard.problem(source: batch[i].source, target: target) {
                        refused[i] = problem
                    }
                }
                if !refused.isEmpty {
                    let retry = refused.keys.sorted()
                    let again = try await Self.call(backend, retry.map { batch[$0] }, context: context, sharing: sharing, summary: &summary)
                    for (k, i) in retry.enumerated() {
                        if case .translated(let target) = again[k], TranslationGuard.problem(source: batch[i].source, target: target) == nil {
                            results[i] = again[k]
                            refused[i] = nil
                        }
                    }
                }
                var paid: [(request: SegmentRequest, target: Content)] = []
                for (offset, result) in results.enumerated() {
                    if case .translated(let target) = result, refused[offset] == nil { paid.append((batch[offset], target)) }
                    for member in members[range.lowerBound + offset] {
                        let (u, s) = positions[member]
                        let key = requests[member].key
                        if let problem = refused[offset] {
                            summary.failed += 1
                            findings.append(Finding(check: Self.guardCheck, severity: .warning,
                                                    message: "\(descriptor.id)'s translation was refused twice: \(problem); the segment is left for a translator",
                                                    segment: key))
                            continue
                        }
                        switch result {
                        case .translated(let target):
                            accept(target, at: u, s)
                        case .failed(let reason):
                            summary.failed += 1
                            findings.append(Finding(check: Self.failureCheck, severity: .warning,
                                                    message: "\(descriptor.id) could not translate this segment: \(reason); it is left for a translator",
                                                    segment: key))
                        case .untranslated:
                            guard sameLanguage else { break }
                            // Nothing to translate: the adapted source *is* the localized text.
                            document.units[u].segments[s].target = document.units[u].segments[s].source
                            document.units[u].segments[s].state = .translated
                            document.units[u].segments[s].provenance = Provenance(origin: .source)
                        }
                    }
                }
                if let cache { try await cache.store(paid, backend: signature, context: context) }
            }
        }
        if let cache, !requests.isEmpty {
            let cached = try await cache.lookup(requests, backend: signature, context: context)
            guard cached.count == requests.count else {
                throw PipelineError(.misassembled, "the translation cache answered \(cached.count) of \(requests.count) lookups", file: job.source.name)
            }
            summary.reused = 0
            func reuse(_ cached: [Content?], of requests: [SegmentRequest], at positions: [(unit: Int, segment: Int)])
                -> (requests: [SegmentRequest], positions: [(unit: Int, segment: Int)]) {
                var remaining: (requests: [SegmentRequest], positions: [(unit: Int, segment: Int)]) = ([], [])
                for (i, target) in cached.enumerated() {
                    if let target {
                        accept(target, at: positions[i].unit, positions[i].segment)
                        summary.reused = (summary.reused ?? 0) + 1
                    } else {
                        remaining.requests.append(requests[i])
                        remaining.positions.append(positions[i])
                    }
                }
                return remaining
            }
            let remaining = reuse(cached, of: requests, at: positions)
            // Runners sharing the cache split the rest: each sentence is bought by one of them,
            // the others wait for it to land (or take it over if its runner died).
            let mine = try await cache.reserve(remaining.requests, backend: signature, context: context)
            let own = remaining.requests.indices.filter { mine.contains($0) }
            let others = remaining.requests.indices.filter { !mine.contains($0) }
            let owned = own.map { remaining.requests[$0] }
            do {
                try await translate(owned, own.map { remaining.positions[$0] })
            } catch {
                try? await cache.release(owned, backend: signature, context: context)
                throw error
            }
            try await cache.release(owned, backend: signature, context: context)
            if !others.isEmpty {
                let waited = others.map { remaining.requests[$0] }
                try await cache.awaitOthers(waited, backend: signature, context: context)
                let landed = try await cache.lookup(waited, backend: signature, context: context)
                let left = reuse(landed, of: waited, at: others.map { remaining.positions[$0] })
                do {
                    try await translate(left.requests, left.positions)
                } catch {
                    try? await cache.release(left.requests, backend: signature, context: context)
                    throw error
                }
                try await cache.release(left.requests, backend: signature, context: context)
            }
        } else {
            // Nothing for the engine: a cache that orders the pages of a run (``ReservationOrder``)
            // learns that this document reserves nothing, so later pages need not wait for it.
            if let cache { _ = try await cache.reserve([], backend: signature, context: context) }
            try await translate(requests, positions)
        }
        job.findings += findings
        document.targetLanguage = targetLanguage.rawValue
        job.document = document
        job.translation = summary
    }

    /// Each segment's notes for engines that take them (``SegmentRequest/notes``), by segment key:
    /// what the adapt stage changed in it, then what it kept on purpose (each in text order), as
    /// the XLIFF notes word them. Advisories (mains, certifications, tone) are left out: they ask a
    /// person to decide about the product or the claim, which no engine should do in a translation.
    static func notes(adaptations: [Adaptation], kept: [KeptSpan]) -> [String: [String]] {
        var notes: [String: [String]] = [:]
        for adaptation in adaptations where !adaptation.isAdvisory { notes[adaptation.segment, default: []].append(adaptation.noteText) }
        for span in kept { notes[span.segment, default: []].append(span.noteText) }
        return notes
    }

    /// The note category that marks a unit's targets as a machine draft.
    public static let draftNoteCategory = "l10n:mt"

    /// One call to `backend` (through `sharing`, in a request other documents may share), counted
    /// in `summary`, its answer checked for one result per segment. A shared HTTP request counts
    /// in ``TranslationSummary/httpRequests`` of the document whose call sent it.
    private static func call(_ backend: any TranslationBackend, _ batch: [SegmentRequest], context: TranslationContext,
                             sharing: SharedRequests?, summary: inout TranslationSummary) async throws -> [SegmentResult] {
        let descriptor = backend.descriptor
        let meter = RequestMeter()
        let results = try await RequestMeter.$current.withValue(meter) {
            if let sharing { try await sharing.translate(batch, context: context, with: backend) } else { try await backend.translate(batch, context: context) }
        }
        if meter.count > 0 { summary.httpRequests = (summary.httpRequests ?? 0) + meter.count }
        guard results.count == batch.count else {
            throw BackendError(.invalidResponse, backend: descriptor.id, "returned \(results.count) results for \(batch.count) segments")
        }
        if descriptor.id != NoneBackend.descriptor.id {
            summary.requests += 1
            summary.segments += batch.count
            summary.characters += batch.reduce(0) { $0 + $1.source.plainText.count }
        }
        return results
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
