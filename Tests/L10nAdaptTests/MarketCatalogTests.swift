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

    @Test func unknownMarketNamesTheKnownOnes() throws {
        let error = try #require(throws: UnknownMarketError.self) { try MarketCatalog.load().market("zz") }
        #expect(error.description.contains("br"))
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

    @Test func invalidYAMLNamesTheLine() throws {
        let error = try #require(throws: MarketDataError.self) { try MarketCatalog.decode(Data("id: br\nname: [unclosed\n".utf8), file: "x.yaml") }
        #expect(error.description.contains("x.yaml"))
        #expect(error.description.contains("line"))
    }

    /// The market file in the source tree (tests run from the checkout).
    static func sourceFile(_ name: String) -> URL {
        PackagePaths.markets.appendingPathComponent(name)
    }
}
