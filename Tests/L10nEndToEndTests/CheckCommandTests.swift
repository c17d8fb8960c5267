import Foundation
import L10nTestSupport
import Testing

/// `l10n check` on translated XLIFF, as a CI job runs it: findings on stdout, exit 1 on an
/// error-severity finding, 0 when clean, 64 for an unknown check id.
@Suite struct CheckCommandTests {
    @Test func findingsAndExitCodes() throws {
        let dir = try TemporaryDirectory.make("l10n-check")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("# Pump\n\nPrice: $129.99, shipping included.\n".utf8).write(to: dir.appendingPathComponent("p.md"))
        #expect(try CLI.run(["adapt", "-m", "uk", "p.md"], in: dir).status == 0)
        let clean = try CLI.run(["check", "p.en-GB.xlf"], in: dir)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stderr.contains("0 error"))

        let xlf = dir.appendingPathComponent("p.en-GB.xlf")
        let text = try String(contentsOf: xlf, encoding: .utf8)
        // The price as the uk market wrote it (CLDR en-GB: "US$129.99"), changed as a careless edit would.
        let broken = text.replacingOccurrences(of: "<target>Price: US$129.99", with: "<target>Price: US$129.90")
        #expect(broken != text, "the test changed the price")
        try Data(broken.utf8).write(to: xlf)
        let failed = try CLI.run(["check", "p.en-GB.xlf"], in: dir)
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("error: [numbers.consistency]"), "\(failed.stdout)")
        #expect(try CLI.run(["check", "--disable", "numbers.consistency", "p.en-GB.xlf"], in: dir).status == 0)
        #expect(try CLI.run(["check", "--disable", "nope", "p.en-GB.xlf"], in: dir).status == 64)
        let list = try CLI.run(["check", "--list"])
        #expect(list.status == 0 && list.stdout.split(separator: "\n").count >= 9)
    }
}
