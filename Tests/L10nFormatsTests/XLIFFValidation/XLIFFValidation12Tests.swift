import Foundation
import L10nCore
import L10nFormats
import Testing

/// XLIFF 1.2: strict schema (transitional-only constructs are warnings) plus the id rules tools
/// rely on.
@Suite("XLIFF 1.2 validation")
struct XLIFFValidation12Tests {
    let validator = XLIFFValidator()

    func validate(_ name: String) throws -> XLIFFValidationResult {
        validator.validate(try ValidationFixtures.data("xliff12/\(name)"), file: name)
    }

    @Test("a strict document with codes and segments is valid")
    func valid() throws {
        let result = try validate("valid-inline-codes-and-segments.xlf")
        #expect(result.version == .v1_2)
        #expect(result.findings.isEmpty, "\(result.findings)")
    }

    @Test("each broken rule is reported with its check id and line", arguments: [
        ("invalid-duplicate-trans-unit-id.xlf", "xliff12.unique-id.trans-unit", 8),
        ("invalid-bpt-without-ept.xlf", "xliff12.code-pairing", 6),
        ("invalid-ex-rid-without-bx.xlf", "xliff12.code-pairing", 6),
        ("invalid-target-code-not-in-source.xlf", "xliff12.target-codes", 7),
        ("invalid-mrk-seg-mid-mismatch.xlf", "xliff12.mrk-seg", 8),
        ("invalid-schema-missing-source.xlf", "xliff.schema", 6),
    ])
    func invalid(_ name: String, check: String, line: Int) throws {
        let result = try validate(name)
        #expect(!result.isValid)
        #expect(result.errors.contains { $0.check == check && $0.location?.line == line },
                "\(result.findings.map { "\($0.location?.line ?? 0) \($0.check) \($0.message)" })")
    }

    @Test("constructs only the transitional schema allows are warnings")
    func transitional() throws {
        let result = try validate("transitional-only-deprecated-ts-attribute.xlf")
        #expect(result.isValid)
        #expect(result.findings.map(\.check) == ["xliff.schema.strict"])
        #expect(result.findings.first?.severity == .warning)
        #expect(result.findings.first?.location?.line == 3)
    }

    @Test("a 1.2 document without namespace still gets the id rules")
    func noNamespace() throws {
        let result = try validate("no-namespace-xliff-1.2.xlf")
        #expect(result.version == .v1_2)
        #expect(result.findings.contains { $0.check == "xliff.schema" && $0.severity == .warning })
        #expect(result.errors.map(\.check) == ["xliff12.unique-id.trans-unit"])
    }
}
