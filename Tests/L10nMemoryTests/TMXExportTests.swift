import Foundation
import L10nCore
import L10nMemory
import L10nTestSupport
import Testing

@Suite struct TMXExportTests {
    typealias S = MemoryTestSupport

    /// Imports every fixture, exports, checks the file against the TMX 1.4b DTD and imports it
    /// into a fresh memory: the same units come back.
    @Test(arguments: S.Engine.available) func exportIsValidTMXAndImportsBackTheSameUnits(engine: S.Engine) async throws {
        let store = try await S.store(engine)
        let importer = MemoryImporter(store: store, sourceLanguage: S.en)
        var read = 0
        for file in try FixtureFolder.local.files(in: "tmx", withExtension: "tmx") {
            read += try await importer.importFile(at: file).added
        }
        #expect(read >= 14)
        let folder = try TemporaryDirectory.make("l10n-tmx")
        let out = folder.appendingPathComponent("all.tmx").path
        let written = try await MemoryExporter(store: store).exportTMX(to: out)
        #expect(written == read)

        let xmllint = try #require(ExternalTool.find("xmllint"), "xmllint is missing: run tools/setup (libxml2-utils)")
        let dtd = try FixtureFolder.local.url("dtd/tmx14.dtd").path
        let check = try ExternalTool.run(xmllint, ["--noout", "--nonet", "--dtdvalid", dtd, out])
        #expect(check.status == 0, "\(check.output)")

        let again = try await S.store(engine)
        let summary = try await MemoryImporter(store: again).importFile(at: URL(fileURLWithPath: out))
        #expect(summary.added == written)
        #expect(summary.skipped.isEmpty)
        var first: [TranslationUnit] = [], second: [TranslationUnit] = []
        try await store.forEachUnit(sourceLanguage: nil, targetLanguage: nil) { first.append($0) }
        try await again.forEachUnit(sourceLanguage: nil, targetLanguage: nil) { second.append($0) }
        func comparable(_ u: TranslationUnit) -> [String] {
            [MatchText.fingerprint(u.source), MatchText.fingerprint(u.target), u.sourceLanguage.rawValue, u.targetLanguage.rawValue,
             u.origin.rawValue, u.previousHash ?? "", u.nextHash ?? "", u.document ?? "", "\(u.properties)", "\(u.notes)",
             "\(u.changed.map { Int($0.timeIntervalSince1970) } ?? 0)"]
        }
        #expect(second.map(comparable) == first.map(comparable))
    }

    @Test(arguments: S.Engine.available) func exportOfOnePairOnly(engine: S.Engine) async throws {
        let store = try await S.store(engine)
        try await store.add([S.unit("Colour", "Cor"), S.unit("Colour", "Farbe", to: S.de)])
        let out = try TemporaryDirectory.make("l10n-tmx").appendingPathComponent("de.tmx").path
        #expect(try await MemoryExporter(store: store).exportTMX(to: out, sourceLanguage: S.en, targetLanguage: S.de) == 1)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("<seg>Farbe</seg>"))
        #expect(!text.contains("<seg>Cor</seg>"))
        #expect(text.contains("srclang=\"en-US\""))
    }

    @Test func anInterruptedExportLeavesNoFile() throws {
        let folder = try TemporaryDirectory.make("l10n-tmx")
        let out = folder.appendingPathComponent("x.tmx").path
        do {
            let writer = try TMXWriter(path: out, sourceLanguage: nil)
            try writer.write(S.unit("a", "b"))
            // dropped without finish()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test(arguments: S.Engine.available) func carriageReturnsTabsAndMarkupInTextSurviveARoundTrip(engine: S.Engine) async throws {
        let store = try await S.store(engine)
        let source = Content([.text("Line one\r\nline\ttwo & <three> \"4\""), .code(InlineCode(kind: .standalone, id: "1", data: "<br/>"))])
        let unit = TranslationUnit(source: source, target: "Linha\r\num", sourceLanguage: S.en, targetLanguage: S.pt,
                                   properties: [.init(type: "x-note\ttab", value: "a\rb")])
        try await store.add([unit])
        let out = try TemporaryDirectory.make("l10n-tmx").appendingPathComponent("cr.tmx")
        _ = try await MemoryExporter(store: store).exportTMX(to: out.path)
        var read: [TMXUnit] = []
        _ = try TMXReader().read(contentsOf: out) { read.append($0) }
        let back = try #require(read.first?.translationUnits().first)
        #expect(back.source.plainText == "Line one\r\nline\ttwo & <three> \"4\"")
        #expect(back.source.codes.map(\.data) == ["<br/>"])
        #expect(back.target == "Linha\r\num")
        #expect(back.properties.contains(.init(type: "x-note\ttab", value: "a\rb")))
    }
}
