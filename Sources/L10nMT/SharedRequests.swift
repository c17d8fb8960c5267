/// Lets the documents of a run that are translated at the same time share requests.
///
/// A page cut into batches makes at least one request per page and market, and a catalogue of
/// short pages (a title, three bullet points) would make thousands of small requests where the
/// API takes 50 or 128 texts at once. Where a backend's answer depends only on what it says in
/// ``TranslationBackend/sharedContext(for:)`` (Google's and LibreTranslate's: the language pair),
/// the batches of several documents that arrive together go out as one request, within the
/// backend's limits, and each caller gets its own results back, in order. Backends whose request
/// carries the document (DeepL's `context` and glossary, an LLM's prompt) say nil and are called
/// as before, one document per request.
///
/// A request goes out when it is full (the backend's segment or character limit) or `linger`
/// after its first batch arrived, so a lone document waits at most that long. Sharing changes
/// neither what is asked nor what is answered for a segment: these engines translate each text on
/// its own. A failure of the shared call is every caller's failure, as it would have been alone.
public actor SharedRequests {
    private struct Key: Hashable {
        var backend: String
        var settings: [String]
        var context: TranslationContext
    }

    /// The batches waiting to go out together, and who waits for which results.
    private final class Group {
        let backend: any TranslationBackend
        let context: TranslationContext
        var requests: [SegmentRequest] = []
        var characters = 0
        var waiters: [(range: Range<Int>, continuation: CheckedContinuation<[SegmentResult], any Error>)] = []

        init(backend: any TranslationBackend, context: TranslationContext) {
            self.backend = backend
            self.context = context
        }

        var limits: BatchLimits { backend.descriptor.limits }

        func fits(_ batch: [SegmentRequest], characters n: Int) -> Bool {
            requests.count + batch.count <= limits.maxSegments && characters + n <= limits.maxCharacters
        }

        var isFull: Bool { requests.count >= limits.maxSegments || characters >= limits.maxCharacters }
    }

    private let linger: Duration
    private var open: [Key: Group] = [:]

    /// `linger`: how long the first batch of a request waits for others to join it.
    public init(linger: Duration = .milliseconds(25)) {
        self.linger = linger
    }

    /// `batch` translated by `backend`, in one request with other documents' batches where the
    /// backend allows it.
    public nonisolated func translate(_ batch: [SegmentRequest], context: TranslationContext,
                                      with backend: any TranslationBackend) async throws -> [SegmentResult] {
        guard !batch.isEmpty, let shared = backend.sharedContext(for: context) else {
            return try await backend.translate(batch, context: context)
        }
        return try await join(batch, key: Key(backend: backend.descriptor.id, settings: backend.outputSettings, context: shared),
                              backend: backend)
    }

    private func join(_ batch: [SegmentRequest], key: Key, backend: any TranslationBackend) async throws -> [SegmentResult] {
        let characters = batch.reduce(0) { $0 + $1.source.plainText.count }
        if let waiting = open[key], !waiting.fits(batch, characters: characters) { send(key) }
        let group: Group
        if let waiting = open[key] {
            group = waiting
        } else {
            group = Group(backend: backend, context: key.context)
            open[key] = group
            Task { [linger] in
                try? await Task.sleep(for: linger)
                self.sendIfWaiting(key, group)
            }
        }
        // Keys are unique within a document, not across documents: each caller's get a prefix.
        let caller = group.waiters.count
        let range = group.requests.count..<(group.requests.count + batch.count)
        group.requests += batch.map { SegmentRequest(key: "\(caller).\($0.key)", source: $0.source, notes: $0.notes) }
        group.characters += characters
        return try await withCheckedThrowingContinuation { continuation in
            group.waiters.append((range, continuation))
            if group.isFull { send(key) }
        }
    }

    private func sendIfWaiting(_ key: Key, _ group: Group) {
        if open[key] === group { send(key) }
    }

    /// Sends the waiting request for `key`; nobody joins it any more.
    private func send(_ key: Key) {
        guard let group = open.removeValue(forKey: key) else { return }
        let (backend, context, requests, waiters) = (group.backend, group.context, group.requests, group.waiters)
        Task {
            do {
                let results = try await backend.translate(requests, context: context)
                guard results.count == requests.count else {
                    throw BackendError(.invalidResponse, backend: backend.descriptor.id,
                                       "returned \(results.count) results for \(requests.count) segments")
                }
                for waiter in waiters { waiter.continuation.resume(returning: Array(results[waiter.range])) }
            } catch {
                for waiter in waiters { waiter.continuation.resume(throwing: error) }
            }
        }
    }
}
