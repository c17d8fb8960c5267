import Foundation
import Yams

/// All markets l10n knows: the bundled profiles, plus or overridden by a user's folder.
///
/// The one place where market YAML is decoded and checked. Every problem is a
/// ``MarketDataError`` naming the file and the key path; nothing here traps on bad data.
public struct MarketCatalog: Sendable {
    /// Every market, by id. Bundled profiles not asked for yet are decoded here (a bundled file
    /// that fails to decode, which the test suite rules out, is left out; ``market(_:)`` and
    /// ``checkAll()`` report it).
    public var markets: [String: MarketProfile] {
        var all = decoded
        for id in bundled.ids where all[id] == nil {
            if let profile = try? bundled.profile(id, conventions: conventions) { all[id] = profile }
        }
        return all
    }
    /// Where each market was loaded from (bundled resource or the user's file).
    public private(set) var sources: [String: String]
    /// The industry conventions every market of this catalog consults (see ``Conventions``).
    public private(set) var conventions: Conventions = .bundled
    /// Markets decoded when loaded (the user's, which are checked up front) or added.
    private var decoded: [String: MarketProfile]
    /// The bundled profiles' bytes, decoded on first use: a run for one market does not pay for
    /// decoding two dozen (Yams made that half of a one-page `adapt`).
    private var bundled = BundledProfiles()

    /// The bundled markets, then those in `userDirectory` (same id → the user's wins).
    public static func load(userDirectory: String? = nil) throws -> MarketCatalog {
        var catalog = MarketCatalog(markets: [:], sources: [:])
        guard let folder = Bundle.module.url(forResource: "Markets", withExtension: nil) else {
            throw MarketDataError(file: "Markets", keyPath: "", message: "the bundled market profiles are missing from this build")
        }
        var files: [String: BundledProfiles.File] = [:]
        try forEachProfile(in: folder.path, displayPrefix: "Markets/") { name, display, data in
            let id = (name as NSString).deletingPathExtension
            files[id] = BundledProfiles.File(name: name, display: display, data: data)
            catalog.sources[id] = display
        }
        if let userDirectory {
            try checkUserDirectory(userDirectory)
            try catalog.loadDirectory(userDirectory, displayPrefix: userDirectory.hasSuffix("/") ? userDirectory : userDirectory + "/")
            for id in catalog.decoded.keys { files[id] = nil }
        }
        catalog.bundled = BundledProfiles(files)
        // Loaded beside the markets and overridden the same way, so both come from one place.
        catalog.conventions = try userDirectory.map { try Conventions.load(userDirectory: $0) } ?? Conventions.checkedBundled()
        for id in catalog.decoded.keys { catalog.decoded[id]?.conventions = catalog.conventions }
        return catalog
    }

    /// Decodes every market not decoded yet, throwing the first ``MarketDataError`` (what
    /// `load` did for all of them before bundled profiles were decoded on demand).
    public func checkAll() throws {
        for id in bundled.ids where decoded[id] == nil { _ = try bundled.profile(id, conventions: conventions) }
    }

    /// The bundled markets only.
    public static func builtIn() throws -> MarketCatalog { try load(userDirectory: nil) }

    /// Adds `profile` (from YAML an embedding program holds, see ``decode(_:file:)``), replacing a
    /// market with the same id; `source` says where it came from in messages.
    public mutating func add(_ profile: MarketProfile, source: String) {
        var profile = profile
        profile.conventions = conventions
        decoded[profile.id] = profile
        sources[profile.id] = source
    }

    /// What `markets list` shows of the bundled markets and those in `userDirectory`, sorted by id:
    /// read cheaply where the file allows (see ``MarketSummary``), else decoded and checked in full.
    public static func summaries(userDirectory: String? = nil) throws -> [MarketSummary] {
        guard let bundled = Bundle.module.url(forResource: "Markets", withExtension: nil) else {
            throw MarketDataError(file: "Markets", keyPath: "", message: "the bundled market profiles are missing from this build")
        }
        var byID: [String: MarketSummary] = [:]
        func add(_ path: String, displayPrefix: String) throws {
            try forEachProfile(in: path, displayPrefix: displayPrefix) { name, display, data in
                let stem = (name as NSString).deletingPathExtension
                if let summary = MarketSummary.scan(data, stem: stem) {
                    byID[summary.id] = summary
                } else {
                    let profile = try checked(decode(data, file: display), name: name, display: display)
                    byID[profile.id] = MarketSummary(profile)
                }
            }
        }
        try add(bundled.path, displayPrefix: "Markets/")
        if let userDirectory {
            try checkUserDirectory(userDirectory)
            try add(userDirectory, displayPrefix: userDirectory.hasSuffix("/") ? userDirectory : userDirectory + "/")
        }
        return byID.values.sorted { $0.id < $1.id }
    }

    init(markets: [String: MarketProfile], sources: [String: String]) {
        self.decoded = markets
        self.sources = sources
    }

    /// The market with `id` (case-insensitive), or an error listing the known ones; a bundled
    /// profile is decoded (once) the first time it is asked for. An id no market has may name one
    /// by its language tag (`pt-BR`, `en_GB`) or its region code (`gb` → `uk`): the one market
    /// with that language and region answers. When none or several do, the error suggests the
    /// markets of that region.
    public func market(_ id: String) throws -> MarketProfile {
        let key = id.lowercased()
        if let market = decoded[key] { return market }
        if bundled.ids.contains(key) { return try bundled.profile(key, conventions: conventions) }
        let known = Set(decoded.keys).union(bundled.ids).sorted()
        guard let alias = MarketAlias(id) else { throw UnknownMarketError(id: id, known: known) }
        let languages = known.map { ($0, language(of: $0)) }
        let named = languages.filter { alias.names(marketLanguage: $0.1) }
        if named.count == 1 { return try market(named[0].0) }
        let suggestions = languages.filter { alias.sharesRegion(withMarketLanguage: $0.1) }.map { "\($0.0) (\($0.1))" }
        throw UnknownMarketError(id: id, known: known, suggestions: suggestions)
    }

    /// The markets `ids` name (``market(_:)``), in order, each once: `--market uk,gb` is one run
    /// for the United Kingdom, not two writing the same files.
    public func markets(_ ids: [String]) throws -> [MarketProfile] {
        var seen = Set<String>()
        return try ids.map { try market($0) }.filter { seen.insert($0.id).inserted }
    }

    /// A market's language tag, read without decoding a bundled profile in full where the
    /// listing's scanner can (an alias is resolved against every market).
    private func language(of id: String) -> String {
        if let market = decoded[id] { return market.language }
        return bundled.language(of: id, conventions: conventions) ?? ""
    }

    public var sortedMarkets: [MarketProfile] { markets.values.sorted { $0.id < $1.id } }

    private static func checkUserDirectory(_ userDirectory: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: userDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MarketDataError(file: userDirectory, keyPath: "", message: "is not a folder of market profiles")
        }
    }

    /// Calls `body` with the name, display name and bytes of each profile file in `path`, by name.
    private static func forEachProfile(in path: String, displayPrefix: String, _ body: (String, String, Data) throws -> Void) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        for name in names {
            let display = displayPrefix + name
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path).appendingPathComponent(name)) } catch {
                throw MarketDataError(file: display, keyPath: "", message: "cannot be read")
            }
            try body(name, display, data)
        }
    }

    /// `profile`, unless its id does not match its file name.
    private static func checked(_ profile: MarketProfile, name: String, display: String) throws -> MarketProfile {
        let stem = (name as NSString).deletingPathExtension
        guard profile.id == stem else {
            throw MarketDataError(file: display, keyPath: "id", message: "is '\(profile.id)' but the file is named '\(name)'; they must match")
        }
        return profile
    }

    private mutating func loadDirectory(_ path: String, displayPrefix: String) throws {
        try Self.forEachProfile(in: path, displayPrefix: displayPrefix) { name, display, data in
            let profile = try Self.checked(Self.decode(data, file: display), name: name, display: display)
            decoded[profile.id] = profile
            sources[profile.id] = display
        }
    }

    /// `profile`, unless its id does not match its file name (for ``BundledProfiles``).
    static func checkedProfile(_ file: BundledProfiles.File) throws -> MarketProfile {
        try checked(decode(file.data, file: file.display), name: file.name, display: file.display)
    }

    /// Decodes and checks one profile.
    public static func decode(_ data: Data, file: String) throws -> MarketProfile {
        guard let text = String(data: data, encoding: .utf8) else {
            throw MarketDataError(file: file, keyPath: "", message: "is not UTF-8 text")
        }
        let node: Node
        do {
            guard let parsed = try Yams.compose(yaml: text, .default, .default, .utf8) else {
                throw MarketDataError(file: file, keyPath: "", message: "is empty")
            }
            node = parsed
        } catch let error as MarketDataError {
            throw error
        } catch let error as YamlError {
            throw MarketDataError(file: file, keyPath: "", message: "is not valid YAML: \(Self.describe(error))")
        }
        try MarketSchema.check(node, file: file)
        let profile: MarketProfile
        do {
            profile = try YAMLDecoder(encoding: .utf8).decode(MarketProfile.self, from: node)
        } catch let error as DecodingError {
            throw MarketDataError(file: file, keyPath: Self.keyPath(of: error), message: Self.reason(of: error))
        }
        try MarketSchema.checkValues(profile, file: file)
        return profile
    }

    package static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            return "line \(mark.line): \(problem)\(context.map { " \($0.text)" } ?? "")"
        default:
            return "\(error)"
        }
    }

    package static func keyPath(of error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): path = c.codingPath
        case .keyNotFound(let key, let c): path = c.codingPath + [key]
        @unknown default: path = []
        }
        return path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    package static func reason(of error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, _): return "has the wrong type (expected \(type))"
        case .valueNotFound(let type, _): return "is missing a value (expected \(type))"
        case .keyNotFound: return "is required"
        case .dataCorrupted(let c): return c.debugDescription
        @unknown default: return "is invalid"
        }
    }
}
