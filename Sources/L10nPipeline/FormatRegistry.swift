import L10nCore

/// The document formats the pipeline knows, looked up by file extension or by format id.
///
/// A value, built once (``FormatRegistry/builtIn``) and passed down, so tests and embedding
/// programs can add or replace filters without global state.
public struct FormatRegistry: Sendable {
    public private(set) var filters: [any DocumentFilter]

    public init(_ filters: [any DocumentFilter]) {
        self.filters = filters
    }

    public mutating func register(_ filter: any DocumentFilter) {
        filters.removeAll { type(of: $0).formatID == type(of: filter).formatID }
        filters.append(filter)
    }

    public func filter(forFormat id: String) -> (any DocumentFilter)? {
        filters.first { type(of: $0).formatID == id }
    }

    public func filter(forExtension ext: String) -> (any DocumentFilter)? {
        let e = ext.lowercased()
        return filters.first { type(of: $0).fileExtensions.contains(e) }
    }

    /// The format ids, sorted (`html`, `markdown`).
    public var formatIDs: [String] { filters.map { type(of: $0).formatID }.sorted() }

    public var supportedExtensions: [String] {
        filters.flatMap { type(of: $0).fileExtensions }.sorted()
    }
}
