import Foundation
import L10nTestSupport
import Testing

/// Bad input ends in a clear message naming the file (and line), a documented exit code, and no
/// output written or overwritten.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var bytes: [UInt8]
        var command: String
        var status: Int32
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "invalid UTF-8", file: "bad.md", bytes: Array("# Title\n\nCaf".utf8) + [0xE9, 0x0A], command: "extract", status: 65, message: "bad.md:3:4"),
        Case(name: "binary", file: "photo.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], command: "extract", status: 65, message: "photo.md"),
        Case(name: "empty", file: "empty.html", bytes: [], command: "extract", status: 65, message: "empty.html"),
        Case(name: "UTF-16", file: "wide.html", bytes: [0xFF, 0xFE, 0x3C, 0x00, 0x70, 0x00], command: "extract", status: 65, message: "UTF-16"),
        Case(name: "unsupported extension", file: "notes.docx", bytes: Array("hello".utf8), command: "extract", status: 65, message: "notes.docx"),
        Case(name: "malformed XLIFF", file: "broken.xlf",
             bytes: Array("<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\">\n<file id=\"f1\">\n</xliff>\n".utf8),
             command: "merge", status: 65, message: "broken.xlf:4"),
        Case(name: "XXE", file: "xxe.xlf",
             bytes: Array("<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\"><file id=\"f\"><unit id=\"u\"><segment><source>&xxe;</source></segment></unit></file></xliff>\n".utf8),
             command: "merge", status: 65, message: "xxe.xlf"),
        Case(name: "billion laughs", file: "lol.xlf",
             bytes: Array(("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">" + (1...9).map { "<!ENTITY lol\($0) \"" + String(repeating: "&lol\($0 == 1 ? "" : String($0 - 1));", count: 10) + "\">" }.joined() + "]>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\"><file id=\"f\"><unit id=\"u\"><segment><source>&lol9;</source></segment></unit></file></xliff>\n").utf8),
             command: "merge", status: 65, message: "lol.xlf"),
        Case(name: "XLIFF without skeleton", file: "foreign.xlf",
             bytes: Array("<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"de\"><file id=\"f\"><unit id=\"u\"><segment><source>Hi</source><target>Hallo</target></segment></unit></file></xliff>\n".utf8),
             command: "merge", status: 65, message: "foreign.xlf"),
    ]

    @Test(arguments: cases)
    func badInputIsRefusedCleanly(_ c: Case) throws {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent(c.file)
        try Data(c.bytes).write(to: input)
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let arguments = c.command == "extract" ? ["extract", input.path, "-t", "de-DE", "-o", out.path] : ["merge", input.path, "-o", out.path]
        let result = try CLI.run(arguments)
        #expect(result.status == c.status, "\(result.stderr)")
        #expect(result.stderr.contains(c.message), "message should name \(c.message): \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "nothing may be written")
        if c.name == "XXE" { #expect(!result.stderr.contains("root:")) }
    }

    @Test func oneBadFileInABatchWritesNothingAndKeepsEarlierOutputs() throws {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.md")
        try Data("# Hello\n\nA fine day.\n".utf8).write(to: good)
        let earlier = dir.appendingPathComponent("good.de-DE.xlf")
        try Data("earlier output".utf8).write(to: earlier)
        let bad = dir.appendingPathComponent("bad.md")
        try Data([0x23, 0x20, 0xFF, 0x0A]).write(to: bad)
        let result = try CLI.run(["extract", good.path, bad.path, "-t", "de-DE"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.md:1:3"))
        #expect(try String(contentsOf: earlier, encoding: .utf8) == "earlier output")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad.de-DE.xlf").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func missingInputIsExit66() throws {
        let result = try CLI.run(["extract", "/nonexistent/x.md", "-t", "de"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/x.md"))
    }

    @Test func aFolderIsNotAnInput() throws {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["extract", dir.path, "-t", "de"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("is a directory"))
    }

    @Test func aTargetCodeMissingFromTheSourceNamesTheXLIFF() throws {
        let dir = try TemporaryDirectory.make("l10n-e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("# Units\n\nPlain text.\n".utf8).write(to: dir.appendingPathComponent("a.md"))
        #expect(try CLI.run(["extract", "a.md", "-t", "de"], in: dir).status == 0)
        let url = dir.appendingPathComponent("a.de.xlf")
        let xliff = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "<source>Units</source>", with: "<source>Units</source><target>Einheiten<ph id=\"99\"/></target>")
        try Data(xliff.utf8).write(to: url)
        let result = try CLI.run(["merge", "a.de.xlf"], in: dir)
        #expect(result.status == 65)
        #expect(result.stderr.contains("a.de.xlf"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.de.md").path))
    }

    @Test func badOptionIsAUsageError() throws {
        let result = try CLI.run(["extract", "x.md", "-t", "not a tag!"])
        #expect(result.status == 64)
    }
}
