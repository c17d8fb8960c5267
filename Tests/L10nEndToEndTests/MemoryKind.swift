import L10nTestSupport
import Testing

/// The two kinds of `--tm` an end-to-end memory test runs with: an SQLite file, and a
/// PostgreSQL URL (a fresh database of the test cluster, where it can start) that carries a
/// password the output must never show.
enum MemoryKind: String, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static var available: [MemoryKind] { TestPostgres.shared == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// The test cluster trusts the superuser, so the password is never checked, only carried.
    static let secret = "hunter2-not-shown"

    var testDescription: String { rawValue }

    /// `tm.sqlite` (relative to the test's folder), or a new database's URL with ``secret``.
    func location() throws -> String {
        switch self {
        case .sqlite: return "tm.sqlite"
        case .postgres:
            guard let server = TestPostgres.shared else { throw TestSupportError("no PostgreSQL test cluster") }
            return try server.makeDatabase().replacingOccurrences(of: "\(TestPostgres.superuser)@", with: "\(TestPostgres.superuser):\(Self.secret)@")
        }
    }

    func expectNoSecret(in outputs: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for output in outputs {
            #expect(!output.contains(Self.secret), "the password leaked: \(output.prefix(300))", sourceLocation: sourceLocation)
        }
    }
}
