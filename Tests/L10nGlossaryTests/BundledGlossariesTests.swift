import Foundation
@testable import L10nGlossary
import L10nTestSupport
import Testing

/// `--glossary INDUSTRY` reads the repository's `glossaries/` folder from the target's resource
/// bundle: the bundle must hold exactly what the folder holds, so a file added there ships.
@Suite struct BundledGlossariesTests {
    static func listing(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func theBundleHoldsTheRepositoryFolder() throws {
        let repository = try Self.listing(PackagePaths.url("glossaries"))
        #expect(repository.contains("README.md"))
        #expect(try Self.listing(GlossaryReader.bundledFolder) == repository)
        let industries = repository.filter { $0.hasSuffix(".csv") || $0.hasSuffix(".tbx") }.map { ($0 as NSString).deletingPathExtension }
        #expect(GlossaryReader.bundledIndustries() == industries.sorted())
    }

    /// The curated glossaries are data l10n ships: every row must be usable, and every industry
    /// name must resolve (a bad row fails here with its file and line).
    @Test func everyBundledGlossaryReadsWithoutSkippedRows() throws {
        let industries = GlossaryReader.bundledIndustries()
        #expect(!industries.isEmpty)
        for industry in industries {
            let file = try GlossaryReader().read(industry)
            #expect(!file.termbase.isEmpty, "\(industry)")
            #expect(file.skipped.isEmpty, "\(industry): \(file.skipped.map { "line \($0.line): \($0.reason)" })")
            #expect(file.termbase.entries.allSatisfy { $0.glossary == industry + ".csv" || $0.glossary == industry + ".tbx" })
        }
    }

    @Test func anUnknownIndustryIsAMissingInputNamingIt() throws {
        let error = try #require(throws: GlossaryError.self) { try GlossaryReader().read("no-such-industry") }
        #expect(error.exitCategory == .noInput && error.description.hasPrefix("no-such-industry: "))
        let path = try #require(throws: GlossaryError.self) { try GlossaryReader().read("missing/file.csv") }
        #expect(path.description == "missing/file.csv: no such glossary file")
    }
}
