import Foundation

/// Where a translation memory is: the one place a `--tm` value (or `L10N_TM`, or a project
/// file's `memory:`) becomes a store, so every command accepts the same forms.
///
/// - a path: the embedded SQLite memory (``SQLiteMemoryStore``);
/// - `postgres://user@host:port/database` or `postgresql://…`: a shared PostgreSQL memory
///   (``PostgresMemoryStore``), for many runners at once.
public enum MemoryLocation: Hashable, Sendable, CustomStringConvertible {
    case file(String)
    case postgres(PostgresLocation)

    /// Reads `location`; `environment` supplies `PGPASSWORD` (and `PGUSER`) for a URL.
    public init(_ location: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        if let postgres = try PostgresLocation(location, environment: environment) {
            self = .postgres(postgres)
        } else if location.contains("://") {
            throw MemoryError(.invalidLocation, "not a path nor a postgres:// URL", file: PostgresLocation.redact(location))
        } else {
            self = .file(location)
        }
    }

    /// The path, or the URL without its password: safe to print.
    public var description: String {
        switch self {
        case .file(let path): return path
        case .postgres(let location): return location.description
        }
    }

    /// Opens the memory. With `create`, a missing file or an empty database becomes a new memory;
    /// without, it is an error (`missing`). Either way the schema is brought up to date.
    public func open(create: Bool = true) async throws -> any MemoryStore {
        switch self {
        case .file(let path): return try SQLiteMemoryStore(path: path, create: create)
        case .postgres(let location): return try await PostgresMemoryStore(location, create: create)
        }
    }

    /// `MemoryLocation(location).open(create:)`: what a command does with its `--tm`.
    public static func open(_ location: String, create: Bool = true,
                            environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> any MemoryStore {
        try await MemoryLocation(location, environment: environment).open(create: create)
    }
}
