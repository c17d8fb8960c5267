import Foundation
import Logging
import PostgresNIO

/// The shared translation memory: the same units, matching and results as ``SQLiteMemoryStore``,
/// in a PostgreSQL database that many runners (CI shards, machines) use at once.
///
/// Its tables are prefixed `l10n_`, so the database may hold other things. Every write batch is
/// one transaction; the schema is migrated on open under an advisory lock, so runners that start
/// together migrate it once. Connections come from a small pool (`PostgresClient`), each
/// operation leasing one for its duration, so concurrent lookups never share a transaction.
public final class PostgresMemoryStore: MemoryStore, RecordStore {
    /// The URL without its password.
    public let location: String
    let client: PostgresClient
    private let running: Task<Void, Never>

    /// postgres-nio's own events are not for the person running l10n (and must never carry a
    /// connection's secrets to a log).
    static let logger = Logger(label: "l10n.memory.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Connects, checks the login and the schema, and migrates it. With `create` false, a
    /// database without an l10n memory is `missing` rather than made one.
    public init(_ target: PostgresLocation, create: Bool = true) async throws {
        let location = target.description
        self.location = location
        do {
            let connection = try await PostgresConnection.connect(configuration: try Self.connectionConfiguration(target), id: 1, logger: Self.logger)
            do {
                try await Self.migrate(connection, create: create, location: location)
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch {
            throw Self.memoryError(error, location: location, connecting: true)
        }
        var configuration = PostgresClient.Configuration(host: target.host, port: target.port, username: target.user,
                                                         password: target.password, database: target.database, tls: Self.clientTLS(target.tls))
        configuration.options.maximumConnections = 8
        configuration.options.keepAliveBehavior = nil
        let client = PostgresClient(configuration: configuration, backgroundLogger: Self.logger)
        self.client = client
        running = Task { await client.run() }
    }

    deinit { running.cancel() }

    public func close() async {
        running.cancel()
        await running.value
    }

    private static func connectionConfiguration(_ target: PostgresLocation) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch target.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        return PostgresConnection.Configuration(host: target.host, port: target.port, username: target.user,
                                                password: target.password, database: target.database, tls: tls)
    }

    private static func clientTLS(_ mode: PostgresLocation.TLSMode) -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable: return .disable
        case .prefer: return .prefer(.makeClientConfiguration())
        case .require: return .require(.makeClientConfiguration())
        }
    }

    // MARK: running statements

    /// Runs `body` on a leased connection, turning failures into ``MemoryError``s that name the
    /// memory (never its password).
    func withConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { try await body($0) }
        } catch {
            throw Self.memoryError(error, location: location, connecting: false)
        }
    }

    /// Runs `body` in one transaction, again when the server aborted it for a deadlock or a
    /// serialization failure (two runners writing the same units in another order).
    func withTransaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await client.withConnection { connection in
                    try await connection.withTransaction(logger: Self.logger) { try await body($0) }
                }
            } catch {
                attempt += 1
                if attempt < 5, let state = Self.sqlState(error), state == "40P01" || state == "40001" {
                    try await Task.sleep(for: .milliseconds(20 * attempt))
                    continue
                }
                throw Self.memoryError(error, location: location, connecting: false)
            }
        }
    }

    static func run(_ query: PostgresQuery, on connection: PostgresConnection) async throws {
        try await connection.query(query, logger: logger)
    }

    // MARK: errors

    /// The server's SQLSTATE, through a transaction's wrapper.
    static func sqlState(_ error: any Error) -> String? {
        switch error {
        case let error as PSQLError: return error.serverInfo?[.sqlState]
        case let error as PostgresTransactionError: return (error.closureError ?? error.beginError ?? error.commitError).flatMap(sqlState)
        default: return nil
        }
    }

    /// A ``MemoryError`` naming `location` for what postgres-nio threw: unreachable, login
    /// refused, or the server's own message. postgres-nio's errors say nothing on purpose
    /// ("Generic description to prevent accidental leakage"); the parts used here carry no secret.
    static func memoryError(_ error: any Error, location: String, connecting: Bool) -> MemoryError {
        switch error {
        case let error as MemoryError:
            return error
        case let error as PostgresTransactionError:
            if let inner = error.closureError ?? error.beginError ?? error.commitError { return memoryError(inner, location: location, connecting: connecting) }
            return MemoryError(.server, "a transaction failed", file: location)
        case let error as PSQLError:
            switch error.code {
            case .server:
                let state = error.serverInfo?[.sqlState] ?? ""
                let message = error.serverInfo?[.message] ?? "error \(state)"
                if state.hasPrefix("28") { return MemoryError(.authentication, "the server refused the login: \(message)", file: location) }
                if state == "3D000" { return MemoryError(.missing, "\(message) (create it with createdb)", file: location) }
                if state.hasPrefix("08") || state.hasPrefix("57P") { return MemoryError(.unreachable, "the server is unavailable: \(message)", file: location) }
                return MemoryError(.server, "the server failed: \(message)", file: location)
            case .authMechanismRequiresPassword:
                return MemoryError(.authentication, "the server asks for a password: give it in PGPASSWORD", file: location)
            case .unsupportedAuthMechanism, .saslError:
                return MemoryError(.authentication, "the login failed (\(error.code))", file: location)
            case .sslUnsupported:
                return MemoryError(.unreachable, "the server does not offer TLS (sslmode=require)", file: location)
            default:
                let cause = error.underlying.map { "\($0)" } ?? "\(error.code)"
                return MemoryError(.unreachable, connecting ? "cannot reach the PostgreSQL server: \(cause)"
                                                            : "lost the PostgreSQL server: \(cause)", file: location)
            }
        default:
            return MemoryError(connecting ? .unreachable : .server,
                               (connecting ? "cannot reach the PostgreSQL server: " : "the server failed: ") + "\(error)", file: location)
        }
    }
}
