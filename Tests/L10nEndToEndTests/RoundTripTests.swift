import Foundation
import L10nTestSupport
import Testing

/// The promise every format keeps: extract → (targets = sources) → merge gives the input back,
/// byte for byte, for every corpus page, in XLIFF 2.1 and 1.2.
@Suite struct RoundTripTests {
    /// The parameterized tests below run once per corpus file: an empty listing would run none
    /// of them and pass.
    @Test func theCorpusIsThere() {
        let files = Corpus.files()
        #expect(files.count >= 10, "corpus files in \(PackagePaths.corpora.path): \(files)")
        #expect(files.contains("water-pump-aquaflow-xp2000b.md") && files.contains("README.md"))
    }

    @Test(arguments: Corpus.files(), ["2.1", "1.2"])
    func corpusPageSurvivesExtractAndMerge(page: String, version: String) throws {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = Corpus.url(page)
        let extract = try CLI.run(["extract", input.path, "--target-language", "pt-BR", "--xliff-version", version, "-o", dir.path])
        #expect(extract.status == 0, "\(extract.stderr)")
        let name = URL(fileURLWithPath: page).deletingPathExtension().lastPathComponent
        let xliff = dir.appendingPathComponent("\(name).pt-BR.xlf")

        let validate = try CLI.run(["validate", xliff.path])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")

        let filled = dir.appendingPathComponent("filled.xlf")
        try XLIFFTargetFiller.fill(Data(contentsOf: xliff)).write(to: filled)
        let out = dir.appendingPathComponent("out")
        let merge = try CLI.run(["merge", filled.path, "-o", out.path])
        #expect(merge.status == 0, "\(merge.stderr)")
        let merged = try Data(contentsOf: out.appendingPathComponent("\(name).pt-BR.\(input.pathExtension)"))
        #expect(merged == (try Data(contentsOf: input)), "merge did not reproduce \(page)")
    }

    @Test(arguments: Corpus.files())
    func pseudoLocalizationKeepsMarkupAndReachesEveryString(page: String) throws {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = Corpus.url(page)
        let pseudo = try CLI.run(["pseudo", input.path, "-o", dir.path])
        #expect(pseudo.status == 0, "\(pseudo.stderr)")
        let name = URL(fileURLWithPath: page).deletingPathExtension().lastPathComponent
        let output = dir.appendingPathComponent("\(name).qps.\(input.pathExtension)")

        // Same markup: segmenting the output shows the same codes as the input, in order.
        let before = try CLI.run(["segment", input.path, "--show-markup", "--no-segmentation"])
        let after = try CLI.run(["segment", output.path, "--show-markup", "--no-segmentation"])
        #expect(before.status == 0 && after.status == 0, "\(before.stderr)\(after.stderr)")
        let beforeLines = before.stdout.split(separator: "\n")
        let afterLines = after.stdout.split(separator: "\n")
        #expect(!afterLines.isEmpty, "no units found in \(page)")
        #expect(beforeLines.count == afterLines.count, "units differ after pseudo-localization of \(page)")
        // Every unit of the output is pseudo-localized (bracketed), except those nobody translates
        // (figures alone), which come out as they went in.
        for (line, original) in zip(afterLines, beforeLines) {
            let text = line.split(separator: "\t", maxSplits: 1).last.map(String.init) ?? ""
            if line.split(separator: "\t", maxSplits: 1).first?.hasSuffix(" translate=no") == true {
                #expect(line == original, "a unit not for translation changed: \(original) → \(line)")
            } else {
                #expect(text.contains("["), "not pseudo-localized: \(line)")
            }
        }
        #expect(afterLines.contains { !$0.contains(" translate=no\t") }, "nothing to translate in \(page)")
    }
}
