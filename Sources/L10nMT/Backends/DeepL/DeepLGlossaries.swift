import Foundation
import L10nCore
import Logging

/// The DeepL glossaries one ``DeepLBackend`` uses, made sure of once each: for a batch's terms it
/// answers the id of a ready glossary with exactly those entries, found by its content-hash name
/// (``DeepLGlossaryEntries/name(source:target:)``) among the account's glossaries or created,
/// or nil when the batch goes without one.
///
/// Per backend: the supported pairs and the account's glossaries are asked for once (the first
/// batch with terms), each glossary is looked up or created once, and batches that need the same
/// glossary at the same time wait for that one lookup, so they never create it twice. Glossaries
/// are an improvement, not a requirement: a pair DeepL has no glossaries for, a refused or failed
/// glossary call (4xx, or 5xx and timeouts after the client's retries) leaves the batch (and, for
/// that glossary, the rest of the run) without one, with a warning that names the status and the
/// variable to check, never the key. Cancellation is passed on.
actor DeepLGlossaries {
    private let client: ReliableHTTPClient
    private let key: String
    private let server: URL
    private let logger: Logger
    private let sleep: @Sendable (Duration) async throws -> Void
    /// Checks of a glossary DeepL created but has not made ready yet, and the wait before each.
    static let readyChecks: [Duration] = [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(4)]

    private var pairs: Task<Set<DeepLGlossaryWire.Pair>?, Never>?
    private var listing: Task<[String: DeepLGlossaryWire.Glossary]?, Never>?
    /// Name → the lookup that answers its id (nil: no glossary for it in this run).
    private var lookups: [String: Task<String?, Never>] = [:]
    /// Glossaries DeepL refused in a translation (deleted meanwhile): never sent again.
    private var refused: Set<String> = []

    init(client: ReliableHTTPClient, key: String, server: URL, logger: Logger, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.client = client
        self.key = key
        self.server = server
        self.logger = logger
        self.sleep = sleep
    }

    /// The id of the glossary for `context.terms` between `context`'s languages, or nil.
    func id(for context: TranslationContext) async throws -> String? {
        let entries = DeepLGlossaryEntries(context.terms)
        guard !entries.isEmpty else { return nil }
        let pair = DeepLGlossaryWire.Pair(context)
        let name = entries.name(source: pair.source, target: pair.target)
        let lookup: Task<String?, Never>
        if let running = lookups[name] {
            lookup = running
        } else {
            lookup = Task { await self.resolve(name: name, pair: pair, entries: entries) }
            lookups[name] = lookup
        }
        // The lookup is shared: one caller's cancellation does not end it for the others.
        let id = await lookup.value
        try Task.checkCancellation()
        guard let id, !refused.contains(id) else { return nil }
        return id
    }

    /// DeepL refused `id` in a translation (it was deleted since it was listed): batches go
    /// without it from now on.
    func refuse(_ id: String) {
        refused.insert(id)
    }

    private func resolve(name: String, pair: DeepLGlossaryWire.Pair, entries: DeepLGlossaryEntries) async -> String? {
        guard let supported = await supportedPairs() else { return nil }
        guard supported.contains(pair) else {
            logger.warning("DeepL has no glossaries for \(pair.source) → \(pair.target): translating without the glossary terms")
            return nil
        }
        guard let known = await glossaries() else { return nil }
        var glossary: DeepLGlossaryWire.Glossary
        if let found = known[name] {
            glossary = found
        } else {
            do {
                glossary = try DeepLGlossaryWire.glossary(from: try await client.send(
                    try DeepLGlossaryWire.create(name: name, pair: pair, entries: entries, key: key, server: server)))
            } catch {
                warn("could not create the glossary \(name) (\(pair.source) → \(pair.target), \(entries.entries.count) entries)", error)
                return nil
            }
            logger.debug("created the DeepL glossary \(name) (\(pair.source) → \(pair.target), \(entries.entries.count) entries)")
        }
        for wait in Self.readyChecks where !glossary.ready {
            do {
                try await sleep(wait)
                glossary = try DeepLGlossaryWire.glossary(from: try await client.send(DeepLGlossaryWire.get(id: glossary.id, key: key, server: server)))
            } catch {
                warn("could not check whether the glossary \(name) is ready", error)
                return nil
            }
        }
        guard glossary.ready else {
            logger.warning("the DeepL glossary \(name) is not ready: translating without it")
            return nil
        }
        return glossary.id
    }

    /// The pairs DeepL makes glossaries for, asked once; nil when it could not be asked.
    private func supportedPairs() async -> Set<DeepLGlossaryWire.Pair>? {
        if pairs == nil { pairs = Task { await self.fetchPairs() } }
        return await pairs?.value
    }

    private func fetchPairs() async -> Set<DeepLGlossaryWire.Pair>? {
        do {
            return try DeepLGlossaryWire.pairs(from: try await client.send(DeepLGlossaryWire.languagePairs(key: key, server: server)))
        } catch {
            warn("could not ask which language pairs take glossaries", error)
            return nil
        }
    }

    /// The account's glossaries by name, listed once; nil when they could not be listed.
    private func glossaries() async -> [String: DeepLGlossaryWire.Glossary]? {
        if listing == nil { listing = Task { await self.fetchGlossaries() } }
        return await listing?.value
    }

    /// Of two glossaries with one name (two runs created it at once), the older is kept (then
    /// the smaller id); glossaries not named by l10n are not looked at.
    private func fetchGlossaries() async -> [String: DeepLGlossaryWire.Glossary]? {
        do {
            let all = try DeepLGlossaryWire.glossaries(from: try await client.send(DeepLGlossaryWire.list(key: key, server: server)))
            var byName: [String: DeepLGlossaryWire.Glossary] = [:]
            for glossary in all where glossary.name.hasPrefix(DeepLGlossaryEntries.namePrefix) {
                if let kept = byName[glossary.name], (kept.creationTime ?? "", kept.id) <= (glossary.creationTime ?? "", glossary.id) { continue }
                byName[glossary.name] = glossary
            }
            return byName
        } catch {
            warn("could not list the account's glossaries", error)
            return nil
        }
    }

    private func warn(_ what: String, _ error: any Error) {
        // BackendError's description names the host, the status and the variable, never the key.
        let reason = error is CancellationError ? "cancelled" : "\(error)"
        logger.warning("DeepL: \(what): \(reason); translating without the glossary terms")
    }
}
