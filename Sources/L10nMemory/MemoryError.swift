import L10nCore

/// A translation memory that cannot be used: not a database, another program's database, written
/// by a newer l10n, damaged, or a PostgreSQL server that is down or refuses the login. Always
/// names the memory: the file, or the URL with its password left out (``MemoryLocation``).
public struct MemoryError: L10nError, Equatable {
    public enum Code: String, Sendable {
        /// Not an SQLite file, or a damaged one.
        case corrupt
        /// An SQLite database that is not an l10n memory.
        case foreign
        /// An l10n memory with migrations this version does not know (a newer l10n wrote it).
        case schemaVersion = "schema-version"
        /// The file cannot be opened or written (permissions, a missing folder).
        case cannotOpen = "cannot-open"
        /// No memory at the path, where one must exist (lookup, export, stats).
        case missing
        /// A stored row cannot be read back.
        case damagedUnit = "damaged-unit"
        /// `--tm` is neither a path nor a usable `postgres://` URL.
        case invalidLocation = "invalid-location"
        /// The PostgreSQL server cannot be reached (down, wrong host or port).
        case unreachable
        /// The PostgreSQL server refused the login (user, password, or database not allowed).
        case authentication
        /// The PostgreSQL server failed a statement (out of disk, permissions, a dropped table).
        case server
    }

    public var code: Code
    public var file: String
    public var message: String

    public init(_ code: Code, _ message: String, file: String) {
        self.code = code
        self.message = message
        self.file = file
    }

    public var exitCategory: ExitCategory {
        switch code {
        case .corrupt, .foreign, .schemaVersion, .damagedUnit: return .dataError
        case .cannotOpen: return .cannotCreate
        case .missing: return .noInput
        case .invalidLocation: return .usage
        case .unreachable, .authentication, .server: return .unavailable
        }
    }

    public var description: String { "\(file): translation memory: \(message)" }
}
