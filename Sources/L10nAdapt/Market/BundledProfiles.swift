import Foundation

/// The bundled market profiles as bytes, each decoded the first time it is asked for and then
/// kept (shared by every copy of the catalog, safe from several threads).
struct BundledProfiles: Sendable {
    struct File: Sendable {
        var name: String
        var display: String
        var data: Data
    }

    let ids: Set<String>
    private let files: [String: File]
    private let cache = Cache()

    private final class Cache: @unchecked Sendable {
        // @unchecked: `profiles` is only touched under `lock`.
        private let lock = NSLock()
        private var profiles: [String: Result<MarketProfile, MarketDataError>] = [:]

        subscript(id: String) -> Result<MarketProfile, MarketDataError>? {
            get { lock.withLock { profiles[id] } }
            set { lock.withLock { profiles[id] = newValue } }
        }
    }

    init(_ files: [String: File] = [:]) {
        self.files = files
        ids = Set(files.keys)
    }

    /// The profile with `id` (one of ``ids``), decoded and checked, with `conventions` set.
    func profile(_ id: String, conventions: Conventions) throws -> MarketProfile {
        if let known = cache[id] { return try known.get().with(conventions) }
        guard let file = files[id] else { throw UnknownMarketError(id: id, known: ids.sorted()) }
        let result: Result<MarketProfile, MarketDataError>
        do {
            result = .success(try MarketCatalog.checkedProfile(file))
        } catch let error as MarketDataError {
            result = .failure(error)
        }
        cache[id] = result
        return try result.get().with(conventions)
    }

    /// The language tag of the profile with `id`, scanned from its bytes as `markets list` does,
    /// or decoded when the scanner is not sure; nil for an unknown id or a profile that fails.
    func language(of id: String, conventions: Conventions) -> String? {
        guard let file = files[id] else { return nil }
        if let summary = MarketSummary.scan(file.data, stem: id) { return summary.language }
        return try? profile(id, conventions: conventions).language
    }
}

private extension MarketProfile {
    func with(_ conventions: Conventions) -> MarketProfile {
        var profile = self
        profile.conventions = conventions
        return profile
    }
}
