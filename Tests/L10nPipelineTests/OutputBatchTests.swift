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

    @Test func scratchFilesAreReadBackAndNeverLeftBehind() throws {
        let dir = try TemporaryDirectory.make("l10n-batch")
        defer { try? FileManager.default.removeItem(at: dir) }
        let destination = dir.appendingPathComponent("reports/report.txt").path
        for commit in [true, false] {
            let batch = OutputBatch()
            let file = try batch.open(destination)
            let body = try batch.scratch(beside: destination)
            try body.write("one, ")
            try body.write(Data("two, ".utf8))
            try body.write(Array("three".utf8))
            #expect(body.count == 15)
            var chunks: [String] = []
            try body.read(chunk: 4) { chunks.append(String(decoding: $0, as: UTF8.self)) }
            #expect(chunks == ["one,", " two", ", th", "ree"])
            try file.write(Data("head: ".utf8))
            try body.copy(to: file)
            try file.close()
            let during = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("reports").path).filter { $0.hasSuffix(".tmp") }
            #expect(during.count == 2 && during.allSatisfy { $0.hasPrefix(".report.txt.") }, "the staged file and the scratch file, hidden beside it: \(during)")
            if commit {
                try batch.commit()
                #expect(try String(contentsOfFile: destination, encoding: .utf8) == "head: one, two, three")
                #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("reports").path) == ["report.txt"])
            } else {
                batch.discard()
                #expect(try String(contentsOfFile: destination, encoding: .utf8) == "head: one, two, three", "the committed file stays")
                #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("reports").path) == ["report.txt"])
            }
        }
        // Discarded in a folder it made: the folder goes too.
        let batch = OutputBatch()
        _ = try batch.scratch(beside: dir.appendingPathComponent("new/deeper/x.txt").path)
        batch.discard()
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("new").path))
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
