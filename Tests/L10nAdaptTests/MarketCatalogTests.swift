import Foundation
import L10nAdapt
import L10nTestSupport
import Testing

@Suite struct MarketCatalogTests {
    @Test func bundledMarketsLoadAndCoverTheLaunchList() throws {
        let catalog = try MarketCatalog.load()
        let launch = ["br", "us", "uk", "ca", "au", "in", "de", "fr", "es", "it", "nl", "pl", "mx", "jp", "kr", "cn", "sa", "ae", "ru", "tr"]
        for id in launch { #expect(catalog.markets[id] != nil, "missing market \(id)") }
        #expect(catalog.markets.count >= 20)
        let br = try catalog.market("BR")
        #expect(br.language == "pt-BR" && br.currency == "BRL" && br.electrical.frequency == 60)
        #expect(br.certifications["radio"]?.required.contains("ANATEL") == true)
        #expect(try catalog.market("us").measurement.system == .usCustomary)
    }

    /// Bundled profiles are decoded on first use; every one of them decodes and checks, and the
    /// one asked for is the same value the whole catalog holds, conventions included.
    @Test func bundledProfilesDecodedOnDemandAreTheSameAsAll() throws {
        let catalog = try MarketCatalog.load()
        try catalog.checkAll()
        let all = catalog.markets
        #expect(all.count == catalog.sources.count)
        for id in ["de", "jp", "br"] {
            let one = try MarketCatalog.load().market(id)
            #expect(one == all[id])
            #expect(one.conventions == catalog.conventions && !one.conventions.entries.isEmpty)
        }
    }

    @Test func unknownMarketNamesTheKnownOnes() throws {
        let error = try #require(throws: UnknownMarketError.self) { try MarketCatalog.load().market("zz") }
        #expect(error.description.contains("br"))
    }

    /// A market may be named by its language tag or its region code when exactly one fits.
    @Test(arguments: [("gb", "uk"), ("GB", "uk"), ("en-GB", "uk"), ("en_gb", "uk"), ("pt-BR", "br"), ("pt_BR", "br"),
                      ("ja-JP", "jp"), ("zh-Hans-CN", "cn"), ("ar-SA", "sa"), ("de-CH", "ch"), ("UK", "uk")])
    func aMarketAnswersToItsLanguageTagAndRegion(name: String, id: String) throws {
        #expect(try MarketCatalog.load().market(name).id == id)
    }

    /// A tag whose region has a market in another language is not guessed at: the error says which.
    @Test func aTagOfAnotherLanguageSuggestsTheRegionsMarket() throws {
        let catalog = try MarketCatalog.load()
        let french = try #require(throws: UnknownMarketError.self) { try catalog.market("fr-CH") }
        #expect(french.suggestions == ["ch (de-CH)"])
        #expect(french.description.hasPrefix("no market 'fr-CH'; did you mean ch (de-CH)? known: ae, au, br"))
        let spanish = try #require(throws: UnknownMarketError.self) { try catalog.market("es-US") }
        #expect(spanish.suggestions == ["us (en-US)"])
        // Neither a region with no market, nor a misspelt id, nor a longer word is read as a region.
        for name in ["xx", "en-XX", "brazil", "b-r", "en-", "12", ""] {
            let error = try #require(throws: UnknownMarketError.self, "\(name)") { try catalog.market(name) }
            #expect(error.suggestions.isEmpty, "\(name)")
        }
    }

    /// The user's markets are names too: two in one region answer to neither its code nor a
    /// tag they share, and a bundled market's id is never shadowed by an alias.
    @Test func aliasesCountTheUsersMarkets() throws {
        let dir = try TemporaryDirectory.make("l10n-markets")
        defer { try? FileManager.default.removeItem(at: dir) }
        let br = String(decoding: try Data(contentsOf: MarketCatalogTests.sourceFile("br.yaml")), as: UTF8.self)
        let copy = br.replacingOccurrences(of: "\nid: br\n", with: "\nid: bsu\n")
        try Data(copy.utf8).write(to: dir.appendingPathComponent("bsu.yaml"))
        let catalog = try MarketCatalog.load(userDirectory: dir.path)
        #expect(try catalog.market("br").id == "br")
        let both = try #require(throws: UnknownMarketError.self) { try catalog.market("pt-BR") }
        #expect(both.suggestions == ["br (pt-BR)", "bsu (pt-BR)"])
    }

    /// A list of names is a list of markets, each once, in the order first named.
    @Test func namingAMarketTwiceRunsItOnce() throws {
        let markets = try MarketCatalog.load().markets(["uk", "de", "gb", "en-GB", "DE", "pt-BR"])
        #expect(markets.map(\.id) == ["uk", "de", "br"])
    }

    /// Each broken profile must fail with the file and the key path that is wrong.
    @Test(arguments: [
        ("measurement:\n  system: metric\n  convert: {ft: metre}\n  keep: []\n", "measurement.convert.ft"),
        ("measurement:\n  system: metric\n  convert: {ft: kg}\n  keep: []\n", "measurement.convert.ft"),
        ("measurement:\n  system: metric\n  convert: {}\n  keep: [tv]\n", "measurement.keep[0]"),
        ("measurement:\n  system: metrik\n  convert: {}\n  keep: []\n", "measurement.system"),
        ("measurement:\n  system: metric\n  convert: {}\n  keep: []\n  colour: red\n", "measurement.colour"),
    ])
    func badDataNamesFileAndKeyPath(measurement: String, keyPath: String) throws {
        let good = try Data(contentsOf: MarketCatalogTests.sourceFile("br.yaml"))
        var text = String(decoding: good, as: UTF8.self)
        // Replace the measurement block with the broken one.
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("measurement:") }) else { Issue.record("no measurement block"); return }
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix(" ") || lines[end].hasPrefix("#") || lines[end].isEmpty { end += 1 }
        text = (lines[..<start] + [measurement] + lines[end...]).joined(separator: "\n")
        let error = try #require(throws: MarketDataError.self) { try MarketCatalog.decode(Data(text.utf8), file: "br.yaml") }
        #expect(error.file == "br.yaml")
        #expect(error.keyPath == keyPath, "\(error)")
    }

    /// Words that cover every region need regions to cover, and must be words.
    @Test func everyRegionWordsAreChecked() throws {
        let good = String(decoding: try Data(contentsOf: MarketCatalogTests.sourceFile("br.yaml")), as: UTF8.self)
        let withoutRegions = good.components(separatedBy: "\n").filter { !$0.hasPrefix("  regionalVoltages:") }.joined(separator: "\n")
        let error = try #require(throws: MarketDataError.self) { try MarketCatalog.decode(Data(withoutRegions.utf8), file: "br.yaml") }
        #expect(error.keyPath == "electrical.everyRegionWords", "\(error)")
        let notAWord = good.replacingOccurrences(of: "everyRegionWords: [bivolt,", with: "everyRegionWords: ['127/220',")
        #expect(notAWord != good)
        let second = try #require(throws: MarketDataError.self) { try MarketCatalog.decode(Data(notAWord.utf8), file: "br.yaml") }
        #expect(second.keyPath == "electrical.everyRegionWords[0]", "\(second)")
        #expect(try MarketCatalog.decode(Data(good.utf8), file: "br.yaml").electrical.everyRegionWords?.contains("bivolt") == true)
    }

    @Test func invalidYAMLNamesTheLine() throws {
        let error = try #require(throws: MarketDataError.self) { try MarketCatalog.decode(Data("id: br\nname: [unclosed\n".utf8), file: "x.yaml") }
        #expect(error.description.contains("x.yaml"))
        #expect(error.description.contains("line"))
    }

    /// `markets list` reads the bundled profiles cheaply; it must show what a full decode gives.
    @Test func summariesMatchFullyDecodedProfiles() throws {
        let catalog = try MarketCatalog.load()
        let summaries = try MarketCatalog.summaries()
        #expect(summaries.map(\.id) == catalog.sortedMarkets.map(\.id))
        for (summary, profile) in zip(summaries, catalog.sortedMarkets) {
            #expect(summary == MarketSummary(profile), "\(profile.id)")
        }
    }

    /// A profile the listing cannot read cheaply is decoded in full, with the same errors.
    @Test func summariesFallBackToTheFullDecoder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("l10n-summaries-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let br = String(decoding: try Data(contentsOf: MarketCatalogTests.sourceFile("br.yaml")), as: UTF8.self)
        // Flow style for `electrical`: not for the scanner, still valid YAML.
        let lines = br.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("electrical:") })
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix(" ") || lines[end].hasPrefix("#") || lines[end].isEmpty { end += 1 }
        let flow = "electrical: {voltages: [127, 220], frequency: 60, plugs: [N], summary: \"Brazil: 127/220 V\"}"
        try Data(((lines[..<start] + [flow] + lines[end...]).joined(separator: "\n")).utf8).write(to: dir.appendingPathComponent("br.yaml"))
        let listed = try #require(try MarketCatalog.summaries(userDirectory: dir.path).first { $0.id == "br" })
        #expect(listed.voltages == [127, 220] && listed.frequency == 60)
        // A broken value fails the listing as it fails a full load.
        try Data(br.replacingOccurrences(of: "id: br", with: "id: bx").utf8).write(to: dir.appendingPathComponent("br.yaml"))
        let error = try #require(throws: MarketDataError.self) { try MarketCatalog.summaries(userDirectory: dir.path) }
        #expect(error.keyPath == "id")
    }

    /// The market file in the source tree (tests run from the checkout).
    static func sourceFile(_ name: String) -> URL {
        PackagePaths.markets.appendingPathComponent(name)
    }
}
