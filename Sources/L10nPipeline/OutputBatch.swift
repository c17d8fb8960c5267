import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a run's outputs all-or-nothing: each output is first written to a temporary file beside
/// its destination, and only when every output of the run is staged are they renamed into place.
/// A run that fails part-way leaves earlier outputs untouched and no temporary files behind.
public final class OutputBatch {
    private var staged: [(temporary: String, destination: String)] = []
    private var committed = false

    public init() {}

    deinit {
        if !committed { discard() }
    }

    /// Stages `data` for `destination`; nothing is visible there until ``commit()``.
    public func stage(_ data: Data, to destination: String) throws {
        if staged.contains(where: { $0.destination == destination }) {
            throw PipelineError(.usage, "two outputs of this run would be written to the same file", file: destination)
        }
        let url = URL(fileURLWithPath: destination)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw PipelineError(.cannotWriteOutput, "cannot create the output folder", file: directory)
            }
        } else if !isDirectory.boolValue {
            throw PipelineError(.cannotWriteOutput, "is not a folder", file: directory)
        }
        let temporary = directory + "/." + url.lastPathComponent + ".l10n-\(getpid())-\(staged.count).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw PipelineError(.cannotWriteOutput, "cannot write (permission denied or disk full?)", file: destination)
        }
        staged.append((temporary, destination))
    }

    /// Moves every staged file into place (each rename is atomic).
    public func commit() throws {
        for (index, item) in staged.enumerated() where rename(item.temporary, item.destination) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in staged[index...] { unlink(rest.temporary) }
            committed = true
            throw PipelineError(.cannotWriteOutput, "cannot replace the file (\(reason))", file: item.destination)
        }
        committed = true
    }

    /// Removes every staged temporary file.
    public func discard() {
        for item in staged { unlink(item.temporary) }
        staged.removeAll()
    }

    /// Destinations staged so far, in order.
    public var destinations: [String] { staged.map(\.destination) }
}
