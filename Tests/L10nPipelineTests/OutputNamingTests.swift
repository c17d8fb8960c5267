import Foundation
import L10nPipeline
import L10nTestSupport
import Testing

/// Where outputs go: `-o` is a file only when it says so.
@Suite struct OutputNamingTests {
    @Test func anOutputIsAFileOnlyWithAFileExtension() throws {
        let dir = try TemporaryDirectory.make("l10n-naming")
        defer { try? FileManager.default.removeItem(at: dir) }
        let xlf = ["xlf", "xliff"]
        #expect(!OutputNaming.isDirectoryLike(dir.appendingPathComponent("all.xlf").path, fileExtensions: xlf))
        #expect(!OutputNaming.isDirectoryLike(dir.appendingPathComponent("all.XLIFF").path, fileExtensions: xlf))
        // A dot in a folder name does not make it a file.
        #expect(OutputNaming.isDirectoryLike(dir.appendingPathComponent("extract-2.1").path, fileExtensions: xlf))
        #expect(OutputNaming.isDirectoryLike(dir.appendingPathComponent("out").path, fileExtensions: xlf))
        #expect(OutputNaming.isDirectoryLike(dir.path + "/all.xlf/", fileExtensions: xlf))
        // What exists decides: an existing folder named like a file stays a folder, and vice versa.
        let folder = dir.appendingPathComponent("looks.xlf")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(OutputNaming.isDirectoryLike(folder.path, fileExtensions: xlf))
        let file = dir.appendingPathComponent("v2.1")
        try Data().write(to: file)
        #expect(!OutputNaming.isDirectoryLike(file.path, fileExtensions: xlf))
    }

    @Test func localizedNamesReplaceAnExistingLanguageSuffix() {
        #expect(OutputNaming.localizedFileName(for: "docs/product.md", language: "pt-BR") == "product.pt-BR.md")
        #expect(OutputNaming.localizedFileName(for: "product.pt-BR.xlf", language: "pt-BR", extension: "md") == "product.pt-BR.md")
        #expect(OutputNaming.path("p.de.md", besides: "a/b/p.md", in: nil) == "a/b/p.de.md")
        #expect(OutputNaming.path("p.de.md", besides: "p.md", in: "out") == "out/p.de.md")
    }
}
