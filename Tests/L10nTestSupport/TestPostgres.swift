import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A throwaway PostgreSQL cluster for the tests that need a server: `initdb` in a temporary
/// folder, `postgres` on a free loopback port, one per test process, each test in a database of
/// its own (``makeDatabase(owner:)``).
///
/// PostgreSQL refuses to run as root, and CI runs as root: then the cluster belongs to the
/// `postgres` system user (Debian's package makes it) and runs as that user through `setpriv`.
/// Logins over TCP on 127.0.0.1 are trusted, except ``secretUser``'s, which needs its password
/// (the tests of authentication and of password redaction).
///
/// A watchdog shell stops the server and deletes the folder when the test process ends, however
/// it ends. Where the server cannot start (no PostgreSQL installed: `tools/setup` installs it),
/// ``shared`` is nil and one line says why; the PostgreSQL variants of the tests are then left out.
public final class TestPostgres: Sendable {
    public let port: Int
    public let directory: URL
    let binaries: URL
    let runAs: [String]

    /// The superuser, trusted without a password.
    public static let superuser = "l10n"
    /// A role that must give its password (SCRAM), for authentication tests.
    public static let secretUser = "l10n_secret"
    public static let secretPassword = "s3cret-Pa55word"

    /// The cluster of this test process, started on first use; nil where it cannot start.
    public static let shared: TestPostgres? = {
        do {
            return try TestPostgres()
        } catch {
            print("PostgreSQL tests skipped: \(error)")
            return nil
        }
    }()

    private init() throws {
        binaries = try Self.binaryDirectory()
        directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("l10n-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var runAs: [String] = []
        if getuid() == 0 {
            guard let user = getpwnam("postgres") else {
                throw TestSupportError("running as root and there is no 'postgres' user to run the server as (install Debian's postgresql)")
            }
            let (uid, gid) = (user.pointee.pw_uid, user.pointee.pw_gid)
            guard chown(directory.path, uid, gid) == 0 else { throw TestSupportError("cannot hand \(directory.path) to the postgres user") }
            runAs = ["/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(gid)", "--init-groups", "--"]
        }
        self.runAs = runAs
        let data = directory.appendingPathComponent("data").path
        try Self.run(runAs + [binaries.appendingPathComponent("initdb").path, "-D", data, "-U", Self.superuser, "--auth=trust",
                              "-E", "UTF8", "--locale=C", "--no-sync"], in: directory)
        try """
            local all all trust
            host all \(Self.secretUser) 127.0.0.1/32 scram-sha-256
            host all all 127.0.0.1/32 trust
            """.write(toFile: data + "/pg_hba.conf", atomically: false, encoding: .utf8)
        port = try Self.freePort()
        try startServer(data: data)
        try waitUntilReady()
        try psql("CREATE ROLE \(Self.secretUser) LOGIN PASSWORD '\(Self.secretPassword)'")
    }

    /// The newest `/usr/lib/postgresql/<version>/bin` with `initdb` (or `$L10N_PG_BIN`).
    static func binaryDirectory() throws -> URL {
        if let given = ProcessInfo.processInfo.environment["L10N_PG_BIN"] { return URL(fileURLWithPath: given) }
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .filter { FileManager.default.isExecutableFile(atPath: "\(root)/\($0)/bin/initdb") }
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        guard let newest = versions.last else {
            throw TestSupportError("no PostgreSQL server in \(root)/*/bin (tools/setup installs Debian's postgresql)")
        }
        return URL(fileURLWithPath: "\(root)/\(newest)/bin")
    }

    /// Starts `postgres` under a watchdog that stops it (fast shutdown) and deletes the cluster
    /// once this process is gone.
    private func startServer(data: String) throws {
        let server = (runAs + [binaries.appendingPathComponent("postgres").path, "-D", data, "-p", "\(port)",
                               "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=\(directory.path)",
                               "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"])
            .map(Self.shellQuoted).joined(separator: " ")
        let script = """
            \(server) > \(Self.shellQuoted(directory.path + "/server.log")) 2>&1 &
            pg=$!
            while kill -0 \(getpid()) 2>/dev/null && kill -0 $pg 2>/dev/null; do sleep 0.5; done
            kill -INT $pg 2>/dev/null; wait $pg; rm -rf \(Self.shellQuoted(directory.path))
            """
        let watchdog = Process()
        watchdog.executableURL = URL(fileURLWithPath: "/bin/bash")
        watchdog.arguments = ["-c", script]
        watchdog.currentDirectoryURL = directory
        watchdog.standardInput = FileHandle.nullDevice
        watchdog.standardOutput = FileHandle.nullDevice
        watchdog.standardError = FileHandle.nullDevice
        try watchdog.run()
    }

    private func waitUntilReady() throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if (try? Self.run([binaries.appendingPathComponent("pg_isready").path, "-q", "-h", "127.0.0.1", "-p", "\(port)"], in: directory)) != nil {
                return
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let log = (try? String(contentsOfFile: directory.path + "/server.log", encoding: .utf8)) ?? ""
        throw TestSupportError("PostgreSQL did not start on port \(port) within 30 s: \(log.suffix(500))")
    }

    /// Runs `sql` as the superuser in the `postgres` database.
    public func psql(_ sql: String, database: String = "postgres") throws {
        try Self.run([binaries.appendingPathComponent("psql").path, "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(port)",
                      "-U", Self.superuser, "-d", database, "-c", sql], in: directory)
    }

    /// A new, empty database (owned by `owner`); returns its URL.
    public func makeDatabase(owner: String = TestPostgres.superuser) throws -> String {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try psql("CREATE DATABASE \(name) OWNER \(owner)")
        return url(database: name, user: owner)
    }

    /// `postgres://user[:password]@127.0.0.1:port/database`.
    public func url(database: String, user: String = TestPostgres.superuser, password: String? = nil) -> String {
        "postgres://\(user)\(password.map { ":\($0)" } ?? "")@127.0.0.1:\(port)/\(database)"
    }

    // MARK: plumbing

    @discardableResult
    static func run(_ command: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSupportError("\(URL(fileURLWithPath: command[0]).lastPathComponent) failed (\(process.terminationStatus)): \(output.suffix(800))")
        }
        return output
    }

    /// A loopback port nothing listens on now (the kernel's pick).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestSupportError("no socket for finding a free port") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw TestSupportError("cannot bind a loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func shellQuoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
