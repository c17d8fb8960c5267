import ArgumentParser
import Foundation
import L10nPipeline

/// `--tm PATH|URL`: the translation memory, an SQLite file or a `postgres://` URL (see
/// ``MemoryLocation``); without it, the `L10N_TM` environment variable.
struct MemoryOption: ParsableArguments {
    static let environmentVariable = "L10N_TM"

    @Option(name: .customLong("tm"), help: ArgumentHelp(
        "The translation memory: an SQLite file, or postgres://user@host:port/database (password in PGPASSWORD). Default: $L10N_TM.",
        valueName: "path|url"))
    var path: String?

    /// The location given, or the environment's; nil when neither.
    var resolvedPath: String? {
        path ?? ProcessInfo.processInfo.environment[Self.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The store, for the `tm` commands (a location is required); `create` for commands that add.
    func open(create: Bool) async throws -> any MemoryStore {
        guard let location = resolvedPath else {
            throw ValidationError("name the translation memory with --tm PATH|URL (or set \(Self.environmentVariable))")
        }
        do { return try await MemoryLocation.open(location, create: create) } catch { throw ExitStatus.report(error) }
    }

    /// The store when one is named (adapt, extract); it must exist.
    func openIfGiven() async throws -> (any MemoryStore)? {
        guard resolvedPath != nil else { return nil }
        return try await open(create: false)
    }
}
