import Foundation
import L10nCore

/// The `command` backend's protocol, pure: one JSON line per batch to the program, one JSON line
/// back (docs/command-backend.md). Inline codes travel as ``XMLTagMarkup`` tags, as with the HTTP
/// engines, so a wrapper around any engine that keeps XML tags works unchanged.
///
/// Request: `{"protocol":1,"id":7,"source":"en-US","target":"pt-BR","market":"br",
/// "formality":"formal","document":"pump.md","about":"…","segments":[{"key":"u1-s1","text":"…",
/// "notes":["…"]}]}` (`market`, `formality`, `document`, `about` and a segment's `notes` only
/// when there are some).
/// Answer: `{"id":7,"translations":[{"key":"u1-s1","text":"…"},{"key":"u2-s1","error":"…"}]}`,
/// one entry per segment in order, or `{"id":7,"error":"…"}` when the whole batch failed.
public enum CommandWire {
    public static let protocolVersion = 1

    struct Request: Encodable {
        var `protocol` = CommandWire.protocolVersion
        var id: Int
        var source: String
        var target: String
        var market: String?
        var formality: String?
        var document: String?
        /// What the page is about (``TranslationContext/about``).
        var about: String?
        var segments: [Segment]

        struct Segment: Encodable {
            var key: String
            var text: String
            /// How adaptation changed this segment (``SegmentRequest/notes``); absent when none.
            var notes: [String]?
        }
    }

    struct Answer: Decodable {
        var id: Int?
        var translations: [Translation]?
        var error: String?

        struct Translation: Decodable {
            var key: String?
            var text: String?
            var error: String?
        }
    }

    /// The request line (with its newline) for `batch`, and the codes each segment's tags stand for.
    public static func request(id: Int, batch: [SegmentRequest], context: TranslationContext) throws -> (line: Data, codes: [[InlineCode]]) {
        var codes: [[InlineCode]] = []
        var segments: [Request.Segment] = []
        for request in batch {
            let encoded = XMLTagMarkup.encode(request.source)
            codes.append(encoded.codes)
            segments.append(.init(key: request.key, text: encoded.text, notes: request.notes.isEmpty ? nil : request.notes))
        }
        let about = context.about.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        let request = Request(id: id, source: context.sourceLanguage.rawValue, target: context.targetLanguage.rawValue, market: context.market,
                              formality: context.formality?.rawValue, document: context.document, about: about, segments: segments)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(request)  // JSON never holds a raw newline: one line
        line.append(0x0A)
        return (line, codes)
    }

    /// The results of the answer line to request `id` over `batch`; a broken answer is a
    /// ``BackendError`` naming what broke (never quoting the text).
    public static func results(_ line: Data, id: Int, batch: [SegmentRequest], codes: [[InlineCode]], backend: String) throws -> [SegmentResult] {
        func invalid(_ why: String) -> BackendError { BackendError(.invalidResponse, backend: backend, why) }
        guard let answer = try? JSONDecoder().decode(Answer.self, from: line) else { throw invalid("answered a line that is not the protocol's JSON") }
        guard answer.id == id else { throw invalid("answered request \(answer.id.map(String.init) ?? "nil") while \(id) was asked") }
        if let error = answer.error { throw BackendError(.unavailable, backend: backend, "failed the batch: \(error.prefix(200))") }
        guard let translations = answer.translations, translations.count == batch.count else {
            throw invalid("returned \(answer.translations?.count ?? 0) translations for \(batch.count) segments")
        }
        return zip(zip(translations, batch), codes).map { pair, codes in
            let (translation, request) = pair
            if let key = translation.key, key != request.key { return .failed(reason: "answered for segment \(key) in \(request.key)'s place") }
            if let error = translation.error { return .failed(reason: String(error.prefix(200))) }
            guard let text = translation.text else { return .failed(reason: "returned neither text nor error") }
            do { return .translated(try XMLTagMarkup.decode(text, codes: codes)) } catch { return .failed(reason: "\(error)") }
        }
    }
}
