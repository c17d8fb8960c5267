import Foundation
import GRDB
import L10nCore
import L10nMemory
import L10nTestSupport
import Testing

@Suite struct SQLiteMemoryStoreTests {
    typealias S = MemoryTestSupport

    @Test func exactInContextAndFuzzyComeBackBestFirst() throws {
        let store = try S.store()
        try store.add([
            S.unit("Stainless steel housing.", "Carcaça de aço inoxidável.", previous: "Technical data", next: "Self-priming."),
            S.unit("Stainless steel housing with drain plug.", "Carcaça de aço inoxidável com bujão de drenagem."),
            S.unit("Cast iron housing.", "Carcaça de ferro fundido."),
            S.unit("Stainless steel housing.", "Gehäuse aus Edelstahl.", to: S.de),
        ])
        let inContext = try store.lookup(S.query("Stainless steel housing.", previous: "Technical data", next: "Self-priming."), limit: 5, threshold: 50)
        #expect(inContext.map(\.score) == [101, 50])  // 3 of 6 words; "Cast iron housing." is 33; the de-DE unit is another pair
        #expect(inContext.first?.kind == .inContext)
        #expect(inContext.first?.target == "Carcaça de aço inoxidável.")

        let exact = try store.lookup(S.query("Stainless steel housing."), limit: 1, threshold: 75)
        #expect(exact.map(\.score) == [100])

        let fuzzy = try store.lookup(S.query("Stainless steel housing with drain valve."), limit: 5, threshold: 75)
        #expect(fuzzy.map(\.score) == [83])
        #expect(fuzzy.first?.unit.target == "Carcaça de aço inoxidável com bujão de drenagem.")
    }

    @Test func addingTheSameSourceAgainReplacesTheTarget() throws {
        let store = try S.store()
        #expect(try store.add([S.unit("5-year warranty.", "Garantia de 5 anos.")]) == 1)
        #expect(try store.add([S.unit("5-year warranty.", "5 anos de garantia.", origin: .reviewed)]) == 0)
        let stats = try store.stats()
        #expect(stats.units == 1)
        #expect(stats.origins == ["reviewed": 1])
        #expect(try store.lookup(S.query("5-year warranty."), limit: 5, threshold: 100).map(\.target) == ["5 anos de garantia."])
    }

    @Test func unitsSurviveReopeningWithEverythingTheyCarry() throws {
        let path = try TemporaryDirectory.make("l10n-tm").appendingPathComponent("m.sqlite").path
        let unit = TranslationUnit(source: S.bold("See the ", "care guide", ".", markup: ("<a href=\"care.html\">", "</a>")),
                                   target: S.bold("Consulte o ", "guia", ".", markup: ("<a href=\"care.html\">", "</a>")),
                                   sourceLanguage: S.en, targetLanguage: S.pt, previous: "Dishwasher safe.", next: nil,
                                   document: "pan.html", origin: .machine("deepl"), project: "catalogue", market: "br",
                                   properties: [.init(type: "client", value: "Example Ltd.")], notes: ["checked"],
                                   created: Date(timeIntervalSince1970: 1_700_000_000), changed: Date(timeIntervalSince1970: 1_700_000_100))
        try SQLiteMemoryStore(path: path).add([unit])
        var read: [TranslationUnit] = []
        try SQLiteMemoryStore(path: path, create: false).forEachUnit(sourceLanguage: nil, targetLanguage: nil) { read.append($0) }
        #expect(read == [unit])
    }

    @Test func marketsKeepTheirOwnTranslations() throws {
        let store = try S.store()
        try store.add([S.unit("Colour", "Cor", market: "br"), S.unit("Colour", "Côr", market: "pt")])
        var q = S.query("Colour")
        q.market = "br"
        #expect(try store.lookup(q, limit: 5, threshold: 100).map(\.target) == ["Cor"])
    }

    @Test func leverageAnswersThroughTheTranslationMemoryProtocol() async throws {
        let store = try S.store()
        try store.add([S.unit(S.bold("Suitable for ", "all hobs", ".", id: "9"), S.bold("Apto para ", "todas as estufas", ".", id: "9"))])
        let memory: any TranslationMemory = store
        let matches = try await memory.bestMatches(for: [S.query(S.bold("Suitable for ", "all hobs", ".", id: "1")), S.query("Nothing like it")],
                                                   minimumQuality: 100)
        #expect(matches.count == 2)
        #expect(matches[0]?.target == S.bold("Apto para ", "todas as estufas", ".", id: "1"))
        #expect(matches[0]?.quality == 100)
        #expect(matches[1] == nil)
    }

    @Test func aFileThatIsNotADatabaseIsNamedAsCorrupt() throws {
        let path = try TemporaryDirectory.make("l10n-tm").appendingPathComponent("notes.sqlite").path
        try Data("These are my notes, not a database. ".utf8.map { $0 } + Array(repeating: 0x41, count: 4096)).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: MemoryError.self) { try SQLiteMemoryStore(path: path) }
        #expect(error.code == .corrupt)
        #expect(error.exitCategory == .dataError)
        #expect(error.description.hasPrefix(path + ": translation memory:"))
    }

    @Test func anotherProgramsDatabaseIsForeign() throws {
        let path = try TemporaryDirectory.make("l10n-tm").appendingPathComponent("app.sqlite").path
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE contacts (name TEXT)") }
        let error = try #require(throws: MemoryError.self) { try SQLiteMemoryStore(path: path) }
        #expect(error.code == .foreign)
        #expect(error.description.contains(path))
    }

    @Test func aMemoryFromANewerVersionIsRefused() throws {
        let path = try TemporaryDirectory.make("l10n-tm").appendingPathComponent("new.sqlite").path
        _ = try SQLiteMemoryStore(path: path)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')") }
        let error = try #require(throws: MemoryError.self) { try SQLiteMemoryStore(path: path) }
        #expect(error.code == .schemaVersion)
        #expect(error.description.contains("v9-future"))
        #expect(error.description.contains(path))
    }

    @Test func aMissingMemoryIsReportedWhenItMustExist() throws {
        let path = try TemporaryDirectory.make("l10n-tm").appendingPathComponent("absent.sqlite").path
        let error = try #require(throws: MemoryError.self) { try SQLiteMemoryStore(path: path, create: false) }
        #expect(error.code == .missing)
        #expect(error.exitCategory == .noInput)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func theDatabaseIsInWALMode() throws {
        let store = try S.store()
        let mode = try DatabaseQueue(path: store.path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }
}
