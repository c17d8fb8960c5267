import Foundation

/// The glossaries of ``FakeDeepL``'s one account, as DeepL API v2 documents them:
/// `GET /v2/glossary-language-pairs`, `GET`/`POST /v2/glossaries`, `GET`/`DELETE
/// /v2/glossaries/{id}` and `GET /v2/glossaries/{id}/entries`. Creation takes a JSON body with
/// `name`, `source_lang`, `target_lang`, `entries` and `entries_format` (`tsv`; the fake does not
/// read `csv`) and answers 201 with the glossary; entries DeepL would refuse (a line without
/// exactly one tab, an empty side, a control character, a side over 1,024 UTF-8 bytes, a source
/// twice, no entry at all) are a 400 `Invalid glossary entries provided` with a `detail`; a pair
/// outside the glossary languages a 400; an unknown id a 404.
public final class FakeDeepLGlossaries: @unchecked Sendable {
    // @unchecked: `glossaries`, `order`, `created` and `gets` are only touched while holding `lock`.

    /// A glossary as the fake keeps it.
    public struct Glossary: Sendable {
        public var id: String
        public var name: String
        public var sourceLanguage: String
        public var targetLanguage: String
        public var creationTime: String
        /// source → target, in the order given.
        public var entries: [(source: String, target: String)]
        /// `GET /v2/glossaries/{id}` answers left before it says `ready: true`.
        var pendingChecks: Int

        public var ready: Bool { pendingChecks == 0 }

        var json: [String: Any] {
            ["glossary_id": id, "name": name, "ready": ready, "source_lang": sourceLanguage, "target_lang": targetLanguage,
             "creation_time": creationTime, "entry_count": entries.count]
        }
    }

    /// The languages glossaries can be made between (every ordered pair of two of them).
    public let languages: Set<String>
    private let readyAfterChecks: Int
    private let lock = NSLock()
    private var glossaries: [String: Glossary] = [:]
    private var order: [String] = []
    private var created = 0

    init(languages: Set<String>, readyAfterChecks: Int) {
        self.languages = Set(languages.map { $0.lowercased() })
        self.readyAfterChecks = readyAfterChecks
    }

    /// Every glossary of the account, oldest first.
    public var all: [Glossary] { lock.withLock { order.compactMap { glossaries[$0] } } }

    /// Glossaries created since the fake started (deleted ones included).
    public var createdCount: Int { lock.withLock { created } }

    /// A glossary made beforehand, as another run would have left it.
    @discardableResult
    public func add(name: String, source: String, target: String, entries: [(source: String, target: String)]) -> Glossary {
        lock.withLock { insert(name: name, source: source, target: target, entries: entries, pendingChecks: 0) }
    }

    func glossary(_ id: String) -> Glossary? { lock.withLock { glossaries[id] } }

    private func insert(name: String, source: String, target: String, entries: [(source: String, target: String)], pendingChecks: Int) -> Glossary {
        created += 1
        // A fixed clock: one second per glossary, so creation times order them.
        let time = String(format: "2025-01-01T00:%02d:%02d.000Z", (created / 60) % 60, created % 60)
        let id = String(format: "00000000-0000-4000-8000-%012d", created)
        let glossary = Glossary(id: id, name: name, sourceLanguage: source.lowercased(), targetLanguage: target.lowercased(), creationTime: time,
                                entries: entries, pendingChecks: pendingChecks)
        glossaries[id] = glossary
        order.append(id)
        return glossary
    }

    /// The answer to a glossary request (the key was checked).
    func answer(_ request: FakeHTTPServer.Request) -> FakeHTTPServer.Response {
        let path = request.path
        let tail = path.dropFirst("/v2/glossaries".count).split(separator: "/").map(String.init)
        switch (request.method, path == "/v2/glossary-language-pairs" ? ["pairs"] : tail) {
        case ("GET", ["pairs"]):
            let pairs = languages.sorted().flatMap { s in languages.sorted().filter { $0 != s }.map { ["source_lang": s, "target_lang": $0] } }
            return Self.json(["supported_languages": pairs])
        case ("GET", []):
            return Self.json(["glossaries": all.map(\.json)])
        case ("POST", []):
            return create(request)
        case ("GET", let parts) where parts.count == 1:
            return lock.withLock {
                guard var glossary = glossaries[parts[0]] else { return Self.notFound }
                if glossary.pendingChecks > 0 { glossary.pendingChecks -= 1 }
                glossaries[parts[0]] = glossary
                return Self.json(glossary.json)
            }
        case ("GET", let parts) where parts.count == 2 && parts[1] == "entries":
            guard let glossary = glossary(parts[0]) else { return Self.notFound }
            let tsv = glossary.entries.map { "\($0.source)\t\($0.target)" }.joined(separator: "\n")
            return FakeHTTPServer.Response(status: 200, headers: ["Content-Type": "text/tab-separated-values"], body: Data(tsv.utf8))
        case ("DELETE", let parts) where parts.count == 1:
            return lock.withLock {
                guard glossaries.removeValue(forKey: parts[0]) != nil else { return Self.notFound }
                order.removeAll { $0 == parts[0] }
                return FakeHTTPServer.Response(status: 204)
            }
        case (_, let parts) where parts.count <= 1:
            return .json(#"{"message":"Method not allowed"}"#, status: 405)
        default:
            return .json(#"{"message":"Not found"}"#, status: 404)
        }
    }

    private func create(_ request: FakeHTTPServer.Request) -> FakeHTTPServer.Response {
        guard request.header("Content-Type")?.hasPrefix("application/json") == true else {
            return .json(#"{"message":"Unsupported Media Type"}"#, status: 415)
        }
        guard let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any] else {
            return Self.badRequest("Bad request. Reason: invalid JSON body")
        }
        guard let name = body["name"] as? String, !name.trimmingCharacters(in: .whitespaces).isEmpty, name.utf8.count <= 1024 else {
            return Self.badRequest("Bad request. Reason: Parameter 'name' not specified or invalid")
        }
        guard let source = (body["source_lang"] as? String)?.lowercased(), let target = (body["target_lang"] as? String)?.lowercased() else {
            return Self.badRequest("Bad request. Reason: Parameters 'source_lang' and 'target_lang' are required")
        }
        guard source != target, languages.contains(source), languages.contains(target) else {
            return Self.badRequest("Unsupported glossary source and target language pair")
        }
        guard (body["entries_format"] as? String) == "tsv" else {
            return Self.badRequest("Bad request. Reason: the fake reads only entries_format 'tsv'")
        }
        guard let text = body["entries"] as? String else { return Self.badRequest("Bad request. Reason: Parameter 'entries' not specified") }
        switch Self.entries(text) {
        case .failure(let detail):
            return Self.json(["message": "Invalid glossary entries provided", "detail": detail.text], status: 400)
        case .success(let entries):
            let glossary = lock.withLock { insert(name: name, source: source, target: target, entries: entries, pendingChecks: readyAfterChecks) }
            return Self.json(glossary.json, status: 201)
        }
    }

    struct Detail: Error { var text: String }

    /// TSV entries as DeepL reads them: one `source<TAB>target` per line, blank lines skipped.
    static func entries(_ tsv: String) -> Result<[(source: String, target: String)], Detail> {
        var entries: [(source: String, target: String)] = [], sources: [String: Int] = [:]
        for (n, raw) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.allSatisfy(\.isWhitespace) { continue }
            let sides = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard sides.count == 2 else { return .failure(Detail(text: "Entry \(n + 1) does not have exactly one tab")) }
            let source = sides[0].trimmingCharacters(in: .whitespaces), target = sides[1].trimmingCharacters(in: .whitespaces)
            for side in [source, target] {
                guard !side.isEmpty else { return .failure(Detail(text: "Entry \(n + 1) has an empty term")) }
                guard side.utf8.count <= 1024 else { return .failure(Detail(text: "Entry \(n + 1) has a term over 1024 bytes")) }
                if side.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029 }) {
                    return .failure(Detail(text: "Entry \(n + 1) contains invalid characters"))
                }
            }
            if let first = sources[source] {
                return .failure(Detail(text: "Key with the index \(entries.count) duplicates key with the index \(first)"))
            }
            sources[source] = entries.count
            entries.append((source, target))
        }
        guard !entries.isEmpty else { return .failure(Detail(text: "No entries")) }
        return .success(entries)
    }

    static let notFound = FakeHTTPServer.Response.json(#"{"message":"Glossary not found"}"#, status: 404)

    static func badRequest(_ message: String) -> FakeHTTPServer.Response {
        let data = try! JSONSerialization.data(withJSONObject: ["message": message], options: [.sortedKeys])
        return FakeHTTPServer.Response(status: 400, headers: ["Content-Type": "application/json"], body: data)
    }

    static func json(_ object: Any, status: Int = 200) -> FakeHTTPServer.Response {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return FakeHTTPServer.Response(status: status, headers: ["Content-Type": "application/json"], body: data)
    }
}
