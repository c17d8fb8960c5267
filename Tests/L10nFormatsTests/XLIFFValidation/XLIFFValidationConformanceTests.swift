import Foundation
import L10nCore
@testable import L10nFormats
import Testing

/// Runs every file of the OASIS XLIFF 2.1 and 2.2 conformance suites through the validator.
@Suite("XLIFF conformance suites")
struct XLIFFValidationConformanceTests {
    let validator = XLIFFValidator()

    /// Upstream defects in `xliff-22/modules/valid` (documented in Fixtures/xliff-conformance/ORIGIN.md):
    /// each must be rejected, with this check.
    static let upstreamDefects: [String: String] = [
        "xliff-22/modules/valid/Good-pgs_plural.xlf": "xliff.well-formed",
        "xliff-22/modules/valid/Good-mda_top-level.xlf": "xliff.schema",
        "xliff-22/modules/valid/Good-itsm_text-analytics.xlf": "xliff.schema",
    ]

    @Test("the suites are all there")
    func suitesArePresent() {
        #expect(ConformanceSuite.cases(valid: true).count == 138)
        #expect(ConformanceSuite.cases(valid: false).count == 2 * (119 + 43))
    }

    @Test("valid and in-out files have no errors", arguments: ConformanceSuite.cases(valid: true))
    func validFile(_ file: ConformanceSuite.Case) throws {
        let result = validator.validate(try Data(contentsOf: file.url), file: file.name)
        if let check = Self.upstreamDefects[file.testDescription] {
            #expect(result.errors.contains { $0.check == check }, "upstream defect should be reported as \(check): \(result.errors)")
            return
        }
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.location?.line ?? 0): [\($0.check)] \($0.message)" }.joined(separator: "\n"))")
        #expect(result.version != nil)
    }

    @Test("invalid files are rejected, naming the broken rule", arguments: ConformanceSuite.cases(valid: false))
    func invalidFile(_ file: ConformanceSuite.Case) throws {
        let result = validator.validate(try Data(contentsOf: file.url), file: file.name)
        #expect(!result.errors.isEmpty, "no error found")
        for error in result.errors {
            #expect(error.location?.file == file.name)
            #expect((error.location?.line ?? 0) >= 1)
        }
        let expected = try #require(ExpectedChecks.check(for: file.name), "no expected check listed for \(file.name)")
        do {
            #expect(result.errors.contains { $0.check == expected },
                    "expected \(expected), got \(result.errors.map { "\($0.location?.line ?? 0): [\($0.check)] \($0.message)" })")
        }
    }
}
