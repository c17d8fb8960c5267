import ArgumentParser
import Foundation
import L10nPipeline

/// `--tm PATH`: the translation memory (an SQLite file); without it, the `L10N_TM` environment
/// variable.
struct MemoryOption: ParsableArguments {
    static let environmentVariable = "L10N_TM"

    @Option(name: .customLong("tm"), help: ArgumentHelp("The translation memory (SQLite file). Default: $L10N_TM.", valueName: "path"))
    var path: String?

    /// The path given, or the environment's; nil when neither.
    var resolvedPath: String? {
        path ?? ProcessInfo.processInfo.environment[Self.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The store, for the `tm` commands (a path is required); `create` for commands that add.
    func open(create: Bool) throws -> SQLiteMemoryStore {
        guard let path = resolvedPath else {
            throw ValidationError("name the translation memory with --tm PATH (or set \(Self.environmentVariable))")
        }
        do { return try SQLiteMemoryStore(path: path, create: create) } catch { throw ExitStatus.report(error) }
    }

    /// The store when one is named (adapt, extract); it must exist.
    func openIfGiven() throws -> SQLiteMemoryStore? {
        guard resolvedPath != nil else { return nil }
        return try open(create: false)
    }
}
