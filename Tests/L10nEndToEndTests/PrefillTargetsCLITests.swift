import Foundation
import L10nTestSupport
import Testing

/// `l10n extract --prefill-targets` and `l10n adapt --prefill-targets`, as a translator using
/// OmegaT would run them, and `l10n merge` of the untouched file.
@Suite struct PrefillTargetsCLITests {
    @Test func prefilledXLIFFHasATargetPerSegmentAndMergesBackUnchanged() throws {
        let dir = try TemporaryDirectory.make("l10n-prefill")
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = "water-pump-aquaflow-xp2000b.md"
        try Corpus.copy([page], into: dir)
        let extract = try CLI.run(["extract", "--prefill-targets", "--xliff-version", "1.2", "-t", "pt-BR", page, "-o", "x"], in: dir)
        #expect(extract.status == 0, "\(extract.stderr)")
        let xliff = try String(contentsOf: dir.appendingPathComponent("x/water-pump-aquaflow-xp2000b.pt-BR.xlf"), encoding: .utf8)
        #expect(xliff.contains("<target state=\"needs-translation\""))
        #expect(!xliff.contains("<trans-unit") || xliff.components(separatedBy: "<target ").count == xliff.components(separatedBy: "<trans-unit ").count)
        let merge = try CLI.run(["merge", "x/water-pump-aquaflow-xp2000b.pt-BR.xlf", "-o", "m"], in: dir)
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("m/water-pump-aquaflow-xp2000b.pt-BR.md")) == Data(contentsOf: Corpus.url(page)))

        let adapt = try CLI.run(["adapt", "-m", "br", "--prefill-targets", page, "-o", "a"], in: dir)
        #expect(adapt.status == 0, "\(adapt.stderr)")
        let adapted = try String(contentsOf: dir.appendingPathComponent("a/water-pump-aquaflow-xp2000b.pt-BR.xlf"), encoding: .utf8)
        #expect(adapted.components(separatedBy: "<segment ").count == adapted.components(separatedBy: "<target>").count)
        #expect(adapted.contains("state=\"initial\""))
    }
}
