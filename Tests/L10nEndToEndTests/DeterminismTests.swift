import Foundation
import L10nTestSupport
import Testing

/// The same inputs give the same bytes in every run. Two runs in one process would share
/// Swift's per-process hash seed (so a `Set` or `Dictionary` iterates the same way both times)
/// and prove little; here the `l10n` binary runs twice as two separate processes, each in its own
/// folder with hash seeding left random, and every output byte is compared: adapted documents,
/// XLIFF, the JSON report and what was printed.
@Suite struct DeterminismTests {
    static let markets = ["br", "de", "jp", "uk", "us"]

    struct Run {
        var files: [String: Data]
        var stdout: String
        var stderr: String
    }

    /// `adapt` for every golden market and `extract` to XLIFF 2.1 and 1.2, over the corpus, in a
    /// fresh folder (relative paths, so nothing depends on where the folder is).
    func run(_ pages: [String]) throws -> Run {
        let dir = try TemporaryDirectory.make("l10n-determinism")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Corpus.copy(pages, into: dir)
        // Random hash seeds, whatever the test process was started with.
        let environment: [String: String?] = ["SWIFT_DETERMINISTIC_HASHING": nil]
        let adapt = try CLI.run(["adapt"] + Self.markets.flatMap { ["--market", $0] } + pages
                                + ["--out", "out/adapt", "--report", "out/adapt/report.json"], in: dir, environment: environment)
        #expect(adapt.status == 0, "\(adapt.stderr)")
        let extract21 = try CLI.run(["extract"] + pages + ["-t", "pt-BR", "-o", "out/extract-xliff21"], in: dir, environment: environment)
        #expect(extract21.status == 0, "\(extract21.stderr)")
        let extract12 = try CLI.run(["extract"] + pages + ["-t", "ja-JP", "--xliff-version", "1.2", "-o", "out/extract-xliff12"],
                                    in: dir, environment: environment)
        #expect(extract12.status == 0, "\(extract12.stderr)")
        return Run(files: try TemporaryDirectory.contents(of: dir.appendingPathComponent("out")),
                   stdout: adapt.stdout + extract21.stdout + extract12.stdout,
                   stderr: adapt.stderr + extract21.stderr + extract12.stderr)
    }

    @Test func twoProcessesWriteTheSameBytes() throws {
        let pages = Corpus.pages()
        try #require(!pages.isEmpty, "no corpus pages in \(PackagePaths.corpora.path)")
        let first = try run(pages)
        let second = try run(pages)

        // Per page: one document and one XLIFF per market, plus two extracted XLIFF files; one report.
        #expect(first.files.count == pages.count * (Self.markets.count * 2 + 2) + 1, "\(first.files.keys.sorted())")
        #expect(first.files["adapt/report.json"] != nil)
        #expect(Set(first.files.keys) == Set(second.files.keys))
        let differing = first.files.keys.sorted().filter { first.files[$0] != second.files[$0] }
        #expect(differing.isEmpty, "differ between two runs: \(differing)")
        #expect(first.stdout == second.stdout)
        #expect(first.stderr == second.stderr)
    }
}
