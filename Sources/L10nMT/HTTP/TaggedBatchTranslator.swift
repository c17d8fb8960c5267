import L10nCore

/// What every tag-keeping HTTP engine does with a batch, whatever its wire format: codes to
/// ``XMLTagMarkup``, requests cut to the service's limits (body bytes, code points of text), an
/// answer that breaks the contract (unreadable, a wrong number of texts) asked for once more and
/// then failed per segment, each text decoded back into content (a text whose markup cannot be
/// read fails alone; segments the engine answered without a text are asked for once more, alone,
/// then fail alone). A backend supplies its pure request builder and response parser.
public struct TaggedBatchTranslator: Sendable {
    /// One segment as sent: its text with codes as tags, and the request it stands for (its
    /// ``SegmentRequest/notes`` for engines that take them).
    public struct Sent: Sendable {
        public var text: String
        public var request: SegmentRequest
    }

    public var engine: String
    public var client: ReliableHTTPClient
    public var maxBodyBytes: Int
    /// The most Unicode code points of text (tags included) one request carries (Google v3
    /// recommends 30,000); a longer batch is cut in halves until each part fits.
    public var maxTextScalars: Int
    /// The request for some segments (pure).
    public var request: @Sendable ([Sent]) throws -> HTTPRequest
    /// The texts of a 2xx response to a request of that many segments (pure), nil for a segment
    /// the engine answered without a text; throws ``BackendError/Code/invalidResponse`` when unreadable.
    public var answers: @Sendable (HTTPResponse, Int) throws -> [String?]

    /// For engines that take texts only and answer a text for each.
    public init(engine: String, client: ReliableHTTPClient, maxBodyBytes: Int = .max, maxTextScalars: Int = .max,
                request: @escaping @Sendable ([String]) throws -> HTTPRequest, texts: @escaping @Sendable (HTTPResponse, Int) throws -> [String]) {
        self.init(engine: engine, client: client, maxBodyBytes: maxBodyBytes, maxTextScalars: maxTextScalars,
                  segments: { try request($0.map(\.text)) }, answers: { try texts($0, $1).map(Optional.some) })
    }

    /// For engines that take more of each segment than its text (notes), or may leave one
    /// untranslated in an otherwise good answer.
    public init(engine: String, client: ReliableHTTPClient, maxBodyBytes: Int = .max, maxTextScalars: Int = .max,
                segments: @escaping @Sendable ([Sent]) throws -> HTTPRequest, answers: @escaping @Sendable (HTTPResponse, Int) throws -> [String?]) {
        self.engine = engine
        self.client = client
        self.maxBodyBytes = maxBodyBytes
        self.maxTextScalars = maxTextScalars
        self.request = segments
        self.answers = answers
    }

    public func translate(_ batch: [SegmentRequest]) async throws -> [SegmentResult] {
        let encoded = batch.map { XMLTagMarkup.encode($0.source) }
        let sent = zip(encoded, batch).map { Sent(text: $0.text, request: $1) }
        var results: [SegmentResult] = []
        for range in try chunks(sent) {
            var (texts, problem) = try await translated(Array(sent[range]))
            // An engine that answered some segments and skipped others is asked once more for those alone.
            if let answered = texts, answered.contains(where: { $0 == nil }), answered.contains(where: { $0 != nil }) {
                let missing = answered.indices.filter { answered[$0] == nil }
                let (again, _) = try await translated(missing.map { sent[range.lowerBound + $0] }, attempts: 1)
                for (k, i) in missing.enumerated() { texts?[i] = again?[k] }
            }
            for offset in range {
                guard let texts else {
                    results.append(.failed(reason: problem))
                    continue
                }
                guard let text = texts[offset - range.lowerBound] else {
                    results.append(.failed(reason: "\(engine) answered no translation for this segment"))
                    continue
                }
                do {
                    results.append(.translated(try XMLTagMarkup.decode(text, codes: encoded[offset].codes)))
                } catch {
                    results.append(.failed(reason: "\(error)"))
                }
            }
        }
        return results
    }

    /// One request's texts, or nil and why (rather than guessing which answer is whose); an
    /// answer out of shape is asked for once more when `attempts` is 2 (the only other use is 1).
    private func translated(_ sent: [Sent], attempts: Int = 2) async throws -> (texts: [String?]?, problem: String) {
        var problem = ""
        for _ in 0..<attempts {
            let response = try await client.send(try request(sent))
            do {
                let answers = try answers(response, sent.count)
                if answers.count == sent.count { return (answers, "") }
                problem = "\(engine) answered \(answers.count) translations for \(sent.count) texts"
            } catch let error as BackendError where error.code == .invalidResponse {
                problem = "\(engine)'s \(error.message)"
            }
        }
        return (nil, attempts > 1 ? problem + ", twice" : problem)
    }

    /// Index ranges whose requests stay within ``maxBodyBytes`` and ``maxTextScalars``.
    private func chunks(_ sent: [Sent]) throws -> [Range<Int>] {
        func tooLarge(_ range: Range<Int>) throws -> Bool {
            if maxTextScalars < .max, sent[range].reduce(0, { $0 + $1.text.unicodeScalars.count }) > maxTextScalars { return true }
            guard maxBodyBytes < .max else { return false }
            return try request(Array(sent[range])).body?.count ?? 0 > maxBodyBytes
        }
        var ranges: [Range<Int>] = []
        var start = 0
        while start < sent.count {
            var end = sent.count
            while end - start > 1, try tooLarge(start..<end) {
                end = start + (end - start) / 2
            }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }
}
