import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a run's outputs all-or-nothing: each output is first written to a temporary file beside
/// its destination, and only when every output of the run is staged are they renamed into place.
/// A run that fails part-way leaves earlier outputs untouched and no temporary files behind (nor
/// the output folders this batch created).
///
/// Outputs are staged as soon as they are made, so a run over many files holds one file's output
/// in memory at a time, not all of them: stage, drop, go on to the next input. Large outputs can
/// also be written piece by piece with ``open(_:)``, and parts of an output that can only be put
/// together at the end (a report's body, written before its head) kept in a
/// ``scratch(beside:)`` file, which is never renamed into place and always removed.
package final class OutputBatch {
    private var staged: [(temporary: String, destination: String)] = []
    private var destinationSet: Set<String> = []
    /// Folders known to exist (checked or created by this batch), so each is checked once.
    private var knownDirectories: Set<String> = []
    /// Folders this batch created, outermost first; removed again (when empty) on discard.
    private var createdDirectories: [String] = []
    /// Files to delete on commit (outputs of pages that left the project), after every rename.
    private var removals: [String] = []
    /// Scratch files: removed on commit and on discard.
    private var scratchFiles: [String] = []
    private var committed = false

    package init() {}

    deinit {
        if !committed { discard() }
    }

    /// Stages `data` for `destination`; nothing is visible there until ``commit()``.
    package func stage(_ data: Data, to destination: String) throws {
        let file = try open(destination)
        defer { file.closeQuietly() }
        try data.withUnsafeBytes { try file.write($0) }
        try file.close()
    }

    /// Stages `bytes` for `destination` (no copy into `Data` first).
    package func stage(_ bytes: [UInt8], to destination: String) throws {
        let file = try open(destination)
        defer { file.closeQuietly() }
        try bytes.withUnsafeBytes { try file.write($0) }
        try file.close()
    }

    /// Opens the temporary file for `destination`, to be written piece by piece and closed with
    /// ``StagedFile/close()``; like ``stage(_:to:)-(Data,_)``, nothing is visible until ``commit()``.
    package func open(_ destination: String) throws -> StagedFile {
        guard destinationSet.insert(destination).inserted else {
            throw PipelineError(.usage, "two outputs of this run would be written to the same file", file: destination)
        }
        do {
            let url = URL(fileURLWithPath: destination)
            let directory = url.deletingLastPathComponent().path
            try ensureDirectory(directory)
            let temporary = directory + "/." + url.lastPathComponent + ".l10n-\(getpid())-\(staged.count).tmp"
            let fd = posixOpen(temporary)
            guard fd >= 0 else {
                throw PipelineError(.cannotWriteOutput, "cannot write (\(String(cString: strerror(errno))))", file: destination)
            }
            staged.append((temporary, destination))
            return StagedFile(fd: fd, destination: destination)
        } catch {
            destinationSet.remove(destination)
            throw error
        }
    }

    /// A temporary file beside `destination` (in its folder, created if need be) for a part of it
    /// that is written now and copied into its staged file later: never renamed into place,
    /// removed on ``commit()`` and on ``discard()`` — a failed run leaves none behind.
    package func scratch(beside destination: String) throws -> ScratchFile {
        let url = URL(fileURLWithPath: destination)
        let directory = url.deletingLastPathComponent().path
        try ensureDirectory(directory)
        let path = directory + "/." + url.lastPathComponent + ".l10n-\(getpid())-s\(scratchFiles.count).tmp"
        let fd = posixOpenScratch(path)
        guard fd >= 0 else {
            throw PipelineError(.cannotWriteOutput, "cannot write (\(String(cString: strerror(errno))))", file: destination)
        }
        scratchFiles.append(path)
        return ScratchFile(fd: fd, destination: destination)
    }

    private func ensureDirectory(_ directory: String) throws {
        guard !knownDirectories.contains(directory) else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw PipelineError(.cannotWriteOutput, "is not a folder", file: directory) }
            knownDirectories.insert(directory)
            return
        }
        // The folders about to be created, so a failed run can remove them again.
        var missing: [String] = []
        var url = URL(fileURLWithPath: directory)
        while !FileManager.default.fileExists(atPath: url.path), url.pathComponents.count > 1 {
            missing.insert(url.path, at: 0)
            url = url.deletingLastPathComponent()
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw PipelineError(.cannotWriteOutput, "cannot create the output folder", file: directory)
        }
        createdDirectories += missing
        knownDirectories.insert(directory)
    }

    /// Deletes `path` on ``commit()``, after every staged file is in place — unless this batch
    /// also writes it. Nothing is deleted when the batch is discarded.
    package func stageRemoval(of path: String) {
        removals.append(path)
    }

    /// Moves every staged file into place (each rename is atomic), then deletes the files staged
    /// for removal.
    ///
    /// A run that was cancelled (Ctrl-C) commits nothing: the batch is discarded and
    /// `CancellationError` thrown, whether or not the work noticed the cancellation before.
    package func commit() throws {
        if Task.isCancelled {
            discard()
            throw CancellationError()
        }
        removeScratchFiles()
        for (index, item) in staged.enumerated() where rename(item.temporary, item.destination) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in staged[index...] { unlink(rest.temporary) }
            committed = true
            throw PipelineError(.cannotWriteOutput, "cannot replace the file (\(reason))", file: item.destination)
        }
        committed = true
        for path in removals where !destinationSet.contains(path) {
            guard unlink(path) == 0 || errno == ENOENT else {
                throw PipelineError(.cannotWriteOutput, "cannot remove the file (\(String(cString: strerror(errno))))", file: path)
            }
        }
    }

    /// Removes every staged temporary file, and the output folders this batch created if they
    /// are empty again.
    package func discard() {
        removeScratchFiles()
        for item in staged { unlink(item.temporary) }
        staged.removeAll()
        removals.removeAll()
        destinationSet.removeAll()
        for directory in createdDirectories.reversed() { rmdir(directory) }
        createdDirectories.removeAll()
        knownDirectories.removeAll()
    }

    private func removeScratchFiles() {
        for path in scratchFiles { unlink(path) }
        scratchFiles.removeAll()
    }

    /// Destinations staged so far, in order.
    package var destinations: [String] { staged.map(\.destination) }
}

/// A staged output being written piece by piece (see ``OutputBatch/open(_:)``).
package final class StagedFile {
    private var fd: Int32
    package let destination: String

    init(fd: Int32, destination: String) {
        self.fd = fd
        self.destination = destination
    }

    deinit { closeQuietly() }

    /// Appends `bytes`.
    package func write(_ bytes: UnsafeRawBufferPointer) throws {
        try writeAll(bytes, to: fd, destination: destination)
    }

    package func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    package func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }

    /// Finishes the file; errors the disk reports only now (full, quota) are thrown here.
    package func close() throws {
        guard fd >= 0 else { return }
        let result = posixClose(fd)
        fd = -1
        if result != 0 {
            throw PipelineError(.cannotWriteOutput, "cannot write (\(String(cString: strerror(errno))))", file: destination)
        }
    }

    func closeQuietly() {
        if fd >= 0 { _ = posixClose(fd); fd = -1 }
    }
}

/// A scratch file (see ``OutputBatch/scratch(beside:)``): appended to, then read back from the start.
package final class ScratchFile {
    private var fd: Int32
    /// The output it is a part of (for messages).
    package let destination: String
    /// Bytes written so far.
    package private(set) var count = 0

    init(fd: Int32, destination: String) {
        self.fd = fd
        self.destination = destination
    }

    deinit { if fd >= 0 { _ = posixClose(fd) } }

    /// Appends `bytes`.
    package func write(_ bytes: UnsafeRawBufferPointer) throws {
        try writeAll(bytes, to: fd, destination: destination)
        count += bytes.count
    }

    package func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    package func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }

    package func write(_ string: String) throws {
        var string = string
        try string.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Calls `body` with everything written so far, from the start, a chunk (at most `chunk`
    /// bytes) at a time.
    package func read(chunk: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard fd >= 0 else { throw PipelineError(.cannotWriteOutput, "internal: read after close", file: destination) }
        var buffer = [UInt8](repeating: 0, count: max(chunk, 1))
        var offset = 0
        while offset < count {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PipelineError(.cannotWriteOutput, "cannot read back a temporary file (\(String(cString: strerror(errno))))", file: destination)
            }
            guard n > 0 else {
                throw PipelineError(.cannotWriteOutput, "a temporary file was cut short (\(offset) of \(count) bytes)", file: destination)
            }
            try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<n])) }
            offset += n
        }
    }

    /// Copies everything written so far to `file`.
    package func copy(to file: StagedFile) throws {
        try read { try file.write($0) }
    }
}

// The C calls by other names: inside the types above, `open`, `write` and `close` are methods.
private func posixOpen(_ path: String) -> Int32 { open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666) }
private func posixOpenScratch(_ path: String) -> Int32 { open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600) }
private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
private func posixClose(_ fd: Int32) -> Int32 { close(fd) }

/// Writes all of `bytes` to `fd` (retrying short writes and interrupts); `destination` names the
/// output in errors. Shared by ``StagedFile`` and ``ScratchFile``.
private func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32, destination: String) throws {
    guard fd >= 0 else { throw PipelineError(.cannotWriteOutput, "internal: write after close", file: destination) }
    var p = bytes.baseAddress
    var left = bytes.count
    while left > 0, let base = p {
        let n = posixWrite(fd, base, left)
        if n < 0 {
            if errno == EINTR { continue }
            throw PipelineError(.cannotWriteOutput, "cannot write (\(String(cString: strerror(errno))))", file: destination)
        }
        p = base + n
        left -= n
    }
}
