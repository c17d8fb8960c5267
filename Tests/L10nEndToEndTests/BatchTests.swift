import Foundation
import L10nTestSupport
import Testing

/// Runs over many files: outputs are staged file by file (so memory follows the largest file),
/// yet a bad input still writes nothing, and `--jobs` changes neither the bytes nor the messages.
@Suite struct BatchTests {
    /// Copies every corpus file into `dir`; fails when there are none, so no test runs on nothing.
    static func corpus(in dir: URL) throws -> [String] {
        let names = Corpus.files()
        try #require(!names.isEmpty, "no corpus files in \(PackagePaths.corpora.path)")
        try Corpus.copy(names, into: dir)
        return names
    }

    @Test func aBadFileAfterGoodOnesWritesNothingNotEvenTheFolder() throws {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pages = try Self.corpus(in: dir)
        try Data([0x23, 0x20, 0xFF, 0x0A]).write(to: dir.appendingPathComponent("zz-bad.md"))
        for jobs in ["1", "2"] {
            let result = try CLI.run(["extract"] + pages + ["zz-bad.md", "-t", "de-DE", "-o", "new/folder", "--jobs", jobs], in: dir)
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.contains("zz-bad.md:1:3"))
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("new").path), "nothing may be written")
        }
        // The same for merge: good XLIFF first, a broken one last.
        let extract = try CLI.run(["extract"] + pages + ["-t", "de-DE", "-o", "xlf"], in: dir)
        #expect(extract.status == 0, "\(extract.stderr)")
        let xliffs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("xlf").path).sorted().map { "xlf/" + $0 }
        try Data("<xliff>".utf8).write(to: dir.appendingPathComponent("xlf/zz-broken.xlf"))
        for jobs in ["1", "2"] {
            let merge = try CLI.run(["merge"] + xliffs + ["xlf/zz-broken.xlf", "-o", "merged/here", "--jobs", jobs], in: dir)
            #expect(merge.status == 65, "\(merge.stderr)")
            #expect(merge.stderr.contains("zz-broken.xlf"))
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("merged").path), "nothing may be written")
        }
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func jobsChangeNeitherOutputsNorMessages() throws {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pages = try Self.corpus(in: dir)
        // Two bad inputs among good ones: their messages must come in input order.
        try Data([0x23, 0x20, 0xFF, 0x0A]).write(to: dir.appendingPathComponent("bad1.md"))
        try Data().write(to: dir.appendingPathComponent("bad2.html"))
        let mixed = Array(pages.prefix(3)) + ["bad1.md"] + Array(pages.dropFirst(3)) + ["bad2.html"]
        var failures: [String] = []
        for jobs in ["1", "2", "5"] {
            let result = try CLI.run(["extract"] + mixed + ["-t", "de-DE", "-o", "out", "--jobs", jobs], in: dir)
            #expect(result.status == 65)
            failures.append(result.stderr)
        }
        #expect(Set(failures).count == 1, "\(failures)")

        var runs: [(stdout: String, stderr: String, files: [String: Data])] = []
        for jobs in ["1", "3"] {
            let out = "out\(jobs)"
            let extract = try CLI.run(["extract"] + pages + ["-t", "de-DE", "-o", out, "--jobs", jobs], in: dir)
            #expect(extract.status == 0, "\(extract.stderr)")
            let xliffs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(out).path).sorted()
            let merge = try CLI.run(["merge"] + xliffs + ["-o", "merged", "--jobs", jobs], in: dir.appendingPathComponent(out))
            #expect(merge.status == 0, "\(merge.stderr)")
            var files: [String: Data] = [:]
            for path in try FileManager.default.subpathsOfDirectory(atPath: dir.appendingPathComponent(out).path) {
                let url = dir.appendingPathComponent(out).appendingPathComponent(path)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[path] = try Data(contentsOf: url)
                }
            }
            runs.append(((extract.stdout + merge.stdout).replacingOccurrences(of: "\(out)/", with: "OUT/"), extract.stderr + merge.stderr, files))
        }
        #expect(runs[0].files.count == pages.count * 2)
        #expect(runs[0].files == runs[1].files)
        #expect(runs[0].stdout == runs[1].stdout)
        #expect(runs[0].stderr == runs[1].stderr)
        for page in pages {
            let stem = URL(fileURLWithPath: page).deletingPathExtension().lastPathComponent
            let ext = URL(fileURLWithPath: page).pathExtension
            #expect(runs[0].files["merged/\(stem).de-DE.\(ext)"] == (try Data(contentsOf: dir.appendingPathComponent(page))), "\(page)")
        }
    }

    @Test(arguments: ["2.1", "1.2"])
    func oneXLIFFForAllInputsIsWrittenPieceByPiece(version: String) throws {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pages = try Self.corpus(in: dir)
        var xliffs: [Data] = []
        for jobs in ["1", "2"] {
            let extract = try CLI.run(["extract"] + pages + ["-t", "pt-BR", "--xliff-version", version, "-o", "all\(jobs).xlf", "--jobs", jobs], in: dir)
            #expect(extract.status == 0, "\(extract.stderr)")
            #expect(extract.stdout == "wrote all\(jobs).xlf\n")
            xliffs.append(try Data(contentsOf: dir.appendingPathComponent("all\(jobs).xlf")))
        }
        #expect(xliffs[0] == xliffs[1])
        let validate = try CLI.run(["validate", "all1.xlf"], in: dir)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let merge = try CLI.run(["merge", "all1.xlf", "-o", "merged"], in: dir)
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.stderr.contains("\(pages.count) document(s) merged"))
        for page in pages {
            let stem = URL(fileURLWithPath: page).deletingPathExtension().lastPathComponent
            let ext = URL(fileURLWithPath: page).pathExtension
            let merged = try Data(contentsOf: dir.appendingPathComponent("merged/\(stem).pt-BR.\(ext)"))
            #expect(merged == (try Data(contentsOf: dir.appendingPathComponent(page))), "\(page)")
        }
    }

    @Test func mergeOutputNamesAFileOnlyForASingleDocument() throws {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("# One\n\nFirst page.\n".utf8).write(to: dir.appendingPathComponent("one.md"))
        try Data("# Two\n\nSecond page.\n".utf8).write(to: dir.appendingPathComponent("two.md"))
        #expect(try CLI.run(["extract", "one.md", "two.md", "-t", "de"], in: dir).status == 0)
        let single = try CLI.run(["merge", "one.de.xlf", "-o", "result.md"], in: dir)
        #expect(single.status == 0, "\(single.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("result.md"), encoding: .utf8) == "# One\n\nFirst page.\n")
        // Two documents: -o is taken as a folder, as it always was.
        let two = try CLI.run(["merge", "one.de.xlf", "two.de.xlf", "-o", "results.md"], in: dir)
        #expect(two.status == 0, "\(two.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("results.md/one.de.md"), encoding: .utf8) == "# One\n\nFirst page.\n")
        #expect(try String(contentsOf: dir.appendingPathComponent("results.md/two.de.md"), encoding: .utf8) == "# Two\n\nSecond page.\n")
    }
}
