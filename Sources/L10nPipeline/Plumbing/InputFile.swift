import Foundation
import L10nCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input file whole, with the checks every command needs before parsing: it exists,
/// it is a regular file, it is not absurdly large.
package enum InputFile {
    /// Inputs above this size are refused with a clear message rather than exhausting memory.
    package static let maximumSize = 1 << 30

    package static func read(_ path: String) throws -> Data {
        try check(path)
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw PipelineError(.cannotReadInput, "cannot be read (\((error as NSError).localizedDescription))", file: path)
        }
    }

    /// The file's size in bytes, or 0 when it cannot be stat'ed (reading it will say why): what
    /// the parallel commands schedule by, so a large file starts early.
    package static func size(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Checks that `path` is a regular file of at most `limit` bytes, for readers that stream it
    /// (TMX is read memory-mapped, so it may be larger than what is read whole).
    package static func check(_ path: String, limit: Int = maximumSize) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PipelineError(.cannotReadInput, "no such file", file: path)
        }
        guard !isDirectory.boolValue else {
            throw PipelineError(.cannotReadInput, "is a directory, not a file", file: path)
        }
        // `lstat`, as `FileManager.attributesOfItem` reads a path (a link's own size), without the
        // dictionary of every attribute it builds (≈ 50,000 instructions a file).
        var info = stat()
        if lstat(path, &info) == 0, Int(info.st_size) > limit {
            throw FormatError(.tooLarge, "the file is \(Int(info.st_size) / 1_048_576) MB; l10n reads files up to \(limit / 1_048_576) MB", at: SourceLocation(file: path))
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw PipelineError(.cannotReadInput, "cannot be read (permission denied)", file: path)
        }
    }
}
