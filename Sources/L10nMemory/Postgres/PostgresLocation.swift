import Foundation

/// A PostgreSQL memory named by a URL, `postgres://user[:password]@host[:port]/database`
/// (`postgresql://` too, `?sslmode=disable|prefer|require`), as libpq reads it.
///
/// The password comes from the URL or, so that it stays out of command lines and CI logs, from
/// `PGPASSWORD`. It is never printed: ``description`` (what errors, reports and `tm stats` show)
/// leaves it out.
public struct PostgresLocation: Hashable, Sendable, CustomStringConvertible {
    /// How the connection is encrypted, as libpq's `sslmode` (the modes that need certificates
    /// configured are not offered).
    public enum TLSMode: String, Hashable, Sendable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var tls: TLSMode
    /// Kept apart from what is printed; see the type's note.
    public var password: String?

    /// Parses `url`; nil when it is not a `postgres://` or `postgresql://` URL at all. Throws
    /// ``MemoryError`` (`invalid-location`) for one that is, but cannot be used.
    public init?(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isPostgresURL(url) else { return nil }
        let redacted = Self.redact(url)
        guard let components = URLComponents(string: url), let rawHost = components.host, !rawHost.isEmpty else {
            throw MemoryError(.invalidLocation, "not a usable PostgreSQL URL (postgres://user@host:port/database)", file: redacted)
        }
        host = rawHost.hasPrefix("[") && rawHost.hasSuffix("]") ? String(rawHost.dropFirst().dropLast()) : rawHost
        port = components.port ?? 5432
        guard (1...65_535).contains(port) else {
            throw MemoryError(.invalidLocation, "port \(port) is out of range", file: redacted)
        }
        let fallbackUser = environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        user = components.user.flatMap { $0.isEmpty ? nil : $0 } ?? fallbackUser
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : path
        guard !database.contains("/") else {
            throw MemoryError(.invalidLocation, "the database name cannot contain '/'", file: redacted)
        }
        password = components.password.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        tls = .prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw MemoryError(.invalidLocation, "sslmode must be disable, prefer or require", file: redacted)
                }
                tls = mode
            default:
                throw MemoryError(.invalidLocation, "unknown parameter '\(item.name)' (only sslmode is understood)", file: redacted)
            }
        }
    }

    /// `postgres://user@host:port/database`, without the password.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let user = self.user.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? self.user
        return "postgres://\(user)@\(shownHost):\(port)/\(database)" + (tls == .prefer ? "" : "?sslmode=\(tls.rawValue)")
    }

    static func isPostgresURL(_ s: String) -> Bool {
        let lower = s.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// `s` with any password between `//user:` and `@` removed: for printing a location that
    /// may not even parse.
    public static func redact(_ s: String) -> String {
        guard let scheme = s.range(of: "://") else { return s }
        let rest = s[scheme.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@"),
              let colon = rest[..<at].firstIndex(of: ":") else { return s }
        return String(s[..<colon]) + String(rest[at...])
    }
}
