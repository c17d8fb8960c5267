import Foundation
import L10nCore
import L10nMemory
import L10nTestSupport
import Testing

/// What every engine must do alike: each test runs on SQLite and, where a test cluster can
/// start, on PostgreSQL.
@Suite struct MemoryStoreTests {
    typealias S = MemoryTestSupport

    @Test(arguments: S.Engine.available) func exactInContextAndFuzzyComeBackBestFirst(engine: S.Engine) async throws {
        let store = try await S.store(engine)
        try await store.add([
            S.unit("Stainless steel housing.", "Carcaça de aço inoxidável.", previous: "Technical data", next: "Self-priming."),
            S.unit("Stainless steel housing with drain plug.", "Carcaça de aço inoxidável com bujão de drenagem."),
            S.unit("Cast iron housing.", "Carcaça de ferro fundido."),
            S.unit("Stainless steel housing.", "Gehäuse aus Edelstahl.", to: S.de),
        ])
        let inContext = try await store.lookup(S.query("Stainless steel housing.", previous: "Technical data", next: "Self-priming."), limit: 5, threshold: 50)
        #expect(inContext.map(\.score) == [101, 50])  // 3 of 6 words; "Cast iron housing." is 33; the de-DE unit is another pair
        #expect(inContext.first?.kind == .inContext)
        #expect(inContext.first?.target == "Carcaça de aço inoxidável.")

        let exact = try await store.lookup(S.query("Stainless steel housing."), limit: 1, threshold: 75)
        #expect(exact.map(\.score) == [100])

        let fuzzy = try await store.lookup(S.query("Stainless steel housing with drain valve."), limit: 5, threshold: 75)
        #expect(fuzzy.map(\.score) == [83])
        #expect(fuzzy.first?.unit.target == "Carcaça de aço inoxidável com bujão de drenagem.")
    }

    @Test(arguments: S.Engine.available) func addingTheSameSourceAgainReplacesTheTarget(engine: S.Engine) async throws {
        let store = try await S.store(engine)
        #expect(try await store.add([S.unit("5-year warranty.", "Garantia de 5 anos.")]) == 1)
        #expect(try await store.add([S.unit("5-year warranty.", "5 anos de garantia.", origin: .reviewed)]) == 0)
        let stats = try await store.stats()
        #expect(stats.units == 1)
        #expect(stats.origins == ["reviewed": 1])
        #expect(try await store.lookup(S.query("5-year warranty."), limit: 5, threshold: 100).map(\.target) == ["5 anos de garantia."])
    }

    /// One call with more units than one statement takes, a key among them twice: the later
    /// unit wins and counts once, as if added one by one; every unit is found, exactly and fuzzily.
    @Test(arguments: S.Engine.available) func aLargeBatchWithARepeatedKeyIsAddedAsOneByOne(engine: S.Engine) async throws {
        let store = try await S.store(engine)
        var units = (0..<2_300).map { i in S.unit(Content(text: "Stainless pump housing model \(i) with a drain plug."), Content(text: "Carcaça da bomba modelo \(i).")) }
        units.insert(S.unit("5-year warranty.", "Garantia de 5 anos."), at: 700)
        units.insert(S.unit("Cast iron impeller for clean and slightly dirty water.", "Rotor de ferro fundido."), at: 1_800)
        units.append(S.unit("5-year warranty.", "5 anos de garantia.", origin: .reviewed))
        #expect(try await store.add(units) == 2_302)
        let stats = try await store.stats()
        #expect(stats.units == 2_302)
        #expect(try await store.lookup(S.query("5-year warranty."), limit: 5, threshold: 100).map(\.target) == ["5 anos de garantia."])
        #expect(try await store.lookup(S.query("Stainless pump housing model 2299 with a drain plug."), limit: 1, threshold: 100)
            .map(\.target) == ["Carcaça da bomba modelo 2299."])
        let fuzzy = try await store.lookup(S.query("Cast iron impeller for clean and dirty water."), limit: 3, threshold: 75)
        #expect(fuzzy.first?.unit.target == "Rotor de ferro fundido.", "postings of a later statement's rows are indexed")
        #expect(try await store.add(units) == 0, "a second import only updates")
    }

    @Test(arguments: S.Engine.available) func unitsSurviveReopeningWithEverythingTheyCarry(engine: S.Engine) async throws {
        let location = try engine.newLocation()
        let unit = TranslationUnit(source: S.bold("See the ", "care guide", ".", markup: ("<a href=\"care.html\">", "</a>")),
                                   target: S.bold("Consulte o ", "guia", ".", markup: ("<a href=\"care.html\">", "</a>")),
                                   sourceLanguage: S.en, targetLanguage: S.pt, previous: "Dishwasher safe.", next: nil,
                                   document: "pan.html", origin: .machine("deepl"), project: "catalogue", market: "br",
                                   properties: [.init(type: "client", value: "Example Ltd.")], notes: ["checked"],
                                   created: Date(timeIntervalSince1970: 1_700_000_000), changed: Date(timeIntervalSince1970: 1_700_000_100))
        try await MemoryLocation.open(location).add([unit])
        var read: [TranslationUnit] = []
        try await MemoryLocation.open(location, create: false).forEachUnit(sourceLanguage: nil, targetLanguage: nil) { read.append($0) }
        #expect(read == [unit])
    }

    @Test(arguments: S.Engine.available) func marketsKeepTheirOwnTranslations(engine: S.Engine) async throws {
        let store = try await S.store(engine)
        try await store.add([S.unit("Colour", "Cor", market: "br"), S.unit("Colour", "Côr", market: "pt")])
        var q = S.query("Colour")
        q.market = "br"
        #expect(try await store.lookup(q, limit: 5, threshold: 100).map(\.target) == ["Cor"])
    }

    @Test(arguments: S.Engine.available) func leverageAnswersThroughTheTranslationMemoryProtocol(engine: S.Engine) async throws {
        let store = try await S.store(engine)
        try await store.add([S.unit(S.bold("Suitable for ", "all hobs", ".", id: "9"), S.bold("Apto para ", "todas as estufas", ".", id: "9"))])
        let memory: any TranslationMemory = store
        let matches = try await memory.bestMatches(for: [S.query(S.bold("Suitable for ", "all hobs", ".", id: "1")), S.query("Nothing like it")],
                                                   minimumQuality: 100)
        #expect(matches.count == 2)
        #expect(matches[0]?.target == S.bold("Apto para ", "todas as estufas", ".", id: "1"))
        #expect(matches[0]?.quality == 100)
        #expect(matches[1] == nil)
    }
}
