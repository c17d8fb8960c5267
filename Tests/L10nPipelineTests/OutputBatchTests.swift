import Foundation
import L10nPipeline
import L10nTestSupport
import Testing

@Suite struct OutputBatchTests {
    @Test func nothingIsVisibleUntilCommit() throws {
        let dir = try TemporaryDirectory.make("l10n-batch")
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.txt").path, b = dir.appendingPathComponent("sub/b.txt").path
        let batch = OutputBatch()
        try batch.stage(Data("one".utf8), to: a)
        let file = try batch.open(b)
        try file.write(Array("tw".utf8))
        try file.write(Data("o".utf8))
        try file.close()
        #expect(!FileManager.default.fileExists(atPath: a) && !FileManager.default.fileExists(atPath: b))
        try batch.commit()
        #expect(try String(contentsOfFile: a, encoding: .utf8) == "one")
        #expect(try String(contentsOfFile: b, encoding: .utf8) == "two")
        #expect(batch.destinations == [a, b])
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func discardRemovesTemporariesAndTheFoldersItCreated() throws {
        let dir = try TemporaryDirectory.make("l10n-batch")
        defer { try? FileManager.default.removeItem(at: dir) }
        let existing = dir.appendingPathComponent("kept.txt")
        try Data("earlier".utf8).write(to: existing)
        let batch = OutputBatch()
        try batch.stage(Data("new".utf8), to: existing.path)
        try batch.stage(Data("x".utf8), to: dir.appendingPathComponent("new/deeper/x.txt").path)
        let open = try batch.open(dir.appendingPathComponent("new/y.txt").path)
        try open.write(Array("y".utf8))
        batch.discard()
        #expect(try String(contentsOf: existing, encoding: .utf8) == "earlier")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["kept.txt"])
    }

    @Test func aFailedRunLeavesNothingBehindWhenTheBatchGoesAway() throws {
        let dir = try TemporaryDirectory.make("l10n-batch")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            let batch = OutputBatch()
            try batch.stage(Data("x".utf8), to: dir.appendingPathComponent("out/x.txt").path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func twoOutputsForOneFileAreRefused() throws {
        let dir = try TemporaryDirectory.make("l10n-batch")
        defer { try? FileManager.default.removeItem(at: dir) }
        let batch = OutputBatch()
        let path = dir.appendingPathComponent("same.txt").path
        try batch.stage(Data("1".utf8), to: path)
        #expect(throws: PipelineError.self) { try batch.stage(Data("2".utf8), to: path) }
        #expect(throws: PipelineError.self) { _ = try batch.open(path) }
        batch.discard()
    }

    @Test func aFileWhereAFolderShouldBeIsAnError() throws {
        let dir = try TemporaryDirectory.make("l10n-batch")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("file")
        try Data().write(to: file)
        let batch = OutputBatch()
        #expect(throws: PipelineError.self) { try batch.stage(Data("x".utf8), to: file.appendingPathComponent("x.txt").path) }
    }
}
