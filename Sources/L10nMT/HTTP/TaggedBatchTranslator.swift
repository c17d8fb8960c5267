import L10nCore

/// What every tag-keeping HTTP engine does with a batch, whatever its wire format: codes to
/// ``XMLTagMarkup``, requests cut to the service's body limit, an answer that breaks the
/// contract (unreadable, a wrong number of texts) asked for once more and then failed per
/// segment, each text decoded back into content (a text whose markup cannot be read fails alone).
/// A backend supplies its pure request builder and response parser.
public struct TaggedBatchTranslator: Sendable {
    public var engine: String
    public var client: ReliableHTTPClient
    public var maxBodyBytes: Int
    /// The request for some texts (pure).
    public var request: @Sendable ([String]) throws -> HTTPRequest
    /// The texts of a 2xx response to a request of that many texts (pure); throws
    /// ``BackendError/Code/invalidResponse`` when unreadable.
    public var texts: @Sendable (HTTPResponse, Int) throws -> [String]

    public init(engine: String, client: ReliableHTTPClient, maxBodyBytes: Int = .max,
                request: @escaping @Sendable ([String]) throws -> HTTPRequest, texts: @escaping @Sendable (HTTPResponse, Int) throws -> [String]) {
        self.engine = engine
        self.client = client
        self.maxBodyBytes = maxBodyBytes
        self.request = request
        self.texts = texts
    }

    public func translate(_ batch: [SegmentRequest]) async throws -> [SegmentResult] {
        let encoded = batch.map { XMLTagMarkup.encode($0.source) }
        var results: [SegmentResult] = []
        for range in try chunks(encoded.map(\.text)) {
            let (texts, problem) = try await translated(encoded[range].map(\.text))
            for offset in range {
                guard let texts else {
                    results.append(.failed(reason: problem))
                    continue
                }
                do {
                    results.append(.translated(try XMLTagMarkup.decode(texts[offset - range.lowerBound], codes: encoded[offset].codes)))
                } catch {
                    results.append(.failed(reason: "\(error)"))
                }
            }
        }
        return results
    }

    /// One request's texts, or nil and why (rather than guessing which answer is whose).
    private func translated(_ sent: [String]) async throws -> (texts: [String]?, problem: String) {
        var problem = ""
        for _ in 0..<2 {
            let response = try await client.send(try request(sent))
            do {
                let answers = try texts(response, sent.count)
                if answers.count == sent.count { return (answers, "") }
                problem = "\(engine) answered \(answers.count) translations for \(sent.count) texts"
            } catch let error as BackendError where error.code == .invalidResponse {
                problem = "\(engine)'s \(error.message)"
            }
        }
        return (nil, problem + ", twice")
    }

    /// Index ranges whose request bodies stay within ``maxBodyBytes``.
    private func chunks(_ texts: [String]) throws -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start < texts.count {
            var end = texts.count
            while maxBodyBytes < .max, end - start > 1, try request(Array(texts[start..<end])).body?.count ?? 0 > maxBodyBytes {
                end = start + (end - start) / 2
            }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }
}
