import Foundation
import L10nTestSupport
import Testing

/// `l10n adapt` lists what it deliberately left alone: a `kept` array per document × market in
/// the JSON report (schema `docs/adapt-report.schema.json`) and an `l10n:kept` note on the unit
/// in the XLIFF, so a reviewer can tell a keep from a miss.
@Suite struct KeptReportTests {
    static let page = """
        # Trailhead 275 trail bike

        Rolls on 27.5 x 2.4" tyres and weighs 31 lb. The box is 24 x 16 x 10 in (61 x 41 cm).

        | Part | Spec |
        |------|------|
        | Valve | 1/2" NPT |

        """

    struct Report: Decodable {
        struct Entry: Decodable { var market: String; var kept: [[String: String]] }
        var documents: [Entry]
    }

    private func adapt(in dir: URL) throws -> Data {
        let result = try CLI.run(["adapt", "--market", "de", "--backend", "none", "bike.md", "--out", "out", "--report", "out/report.json"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        return try Data(contentsOf: dir.appendingPathComponent("out/report.json"))
    }

    @Test func reportAndXLIFFExplainEveryKeep() throws {
        let dir = try TemporaryDirectory.make("l10n-kept")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.page.utf8).write(to: dir.appendingPathComponent("bike.md"))
        let data = try adapt(in: dir)
        let entry = try #require(try JSONDecoder().decode(Report.self, from: data).documents.first)
        #expect(entry.market == "de")

        let byText = Dictionary(entry.kept.map { ($0["text"] ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(Set(byText.keys) == ["27.5 x 2.4\"", "24 x 16 x 10 in (61 x 41 cm)", "1/2\""], "\(entry.kept)")
        #expect(byText["27.5 x 2.4\""]?["source"] == "conventions/bicycles.yaml")
        #expect(byText["27.5 x 2.4\""]?["convention"] == "bicycle-tyre-designation")
        #expect(byText["1/2\""]?["source"] == "conventions/plumbing.yaml")
        #expect(byText["24 x 16 x 10 in (61 x 41 cm)"]?["source"] == "units")
        #expect(byText["24 x 16 x 10 in (61 x 41 cm)"]?["convention"] == nil)
        for kept in entry.kept { #expect(!(kept["reason"] ?? "").isEmpty, "\(kept)") }

        // Exactly the keys the schema allows, the required ones included.
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: PackagePaths.url("docs/adapt-report.schema.json"))) as? [String: Any])
        let definition = try #require((schema["$defs"] as? [String: Any])?["kept"] as? [String: Any])
        let allowed = Set(try #require(definition["properties"] as? [String: Any]).keys)
        let required = Set(try #require(definition["required"] as? [String]))
        for kept in entry.kept {
            #expect(Set(kept.keys).isSubset(of: allowed) && required.isSubset(of: Set(kept.keys)), "\(kept.keys.sorted())")
        }
        let document = try #require(((schema["$defs"] as? [String: Any])?["document"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(document["kept"] != nil)

        // The translator sees the same keeps as notes on their units.
        let xliff = try String(contentsOf: dir.appendingPathComponent("out/bike.de-DE.xlf"), encoding: .utf8)
        #expect(xliff.components(separatedBy: "category=\"l10n:kept\"").count - 1 == entry.kept.count)
        #expect(xliff.contains("(conventions/bicycles.yaml)"))

        // The same run writes the same report.
        #expect(try adapt(in: dir) == data)
    }
}
