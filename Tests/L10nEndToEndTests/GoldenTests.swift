import Foundation
import Testing

/// The expected adaptation of every corpus page for br, de, us, uk and jp, kept under
/// `corpora/expected/<market>/`: the localized documents and the report (output paths reduced to
/// file names). A change in any rule shows up here as a reviewable diff.
///
/// To accept new output after a deliberate change: `L10N_RECORD_GOLDEN=1 swift test --filter
/// GoldenTests`, then read the diff before committing it.
@Suite struct GoldenTests {
    static let markets = ["br", "de", "us", "uk", "jp"]
    static let recording = ProcessInfo.processInfo.environment["L10N_RECORD_GOLDEN"] == "1"

    @Test(arguments: markets)
    func corpusMatchesItsExpectedAdaptation(market: String) throws {
        let pages = CLI.corpusPages().filter { $0 != "README.md" }
        try #require(!pages.isEmpty)
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("report.json")
        let result = try CLI.run(["adapt", "--market", market, "--out", dir.path, "--report", report.path] + pages.map { "corpora/" + $0 },
                                 in: CLI.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")

        let expectedDir = CLI.packageRoot.appendingPathComponent("corpora/expected/\(market)")
        var produced: [(name: String, data: Data)] = [("report.json", try normalizedReport(Data(contentsOf: report)))]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name != "report.json" && !name.hasSuffix(".xlf") {
            produced.append((name, try Data(contentsOf: dir.appendingPathComponent(name))))
        }
        #expect(produced.count == pages.count + 1, "one localized document per page, plus the report")

        if Self.recording {
            try? FileManager.default.removeItem(at: expectedDir)
            try FileManager.default.createDirectory(at: expectedDir, withIntermediateDirectories: true)
            for item in produced { try item.data.write(to: expectedDir.appendingPathComponent(item.name)) }
            return
        }
        for item in produced {
            let expectedURL = expectedDir.appendingPathComponent(item.name)
            guard let expected = try? Data(contentsOf: expectedURL) else {
                Issue.record("missing golden file corpora/expected/\(market)/\(item.name); record with L10N_RECORD_GOLDEN=1")
                continue
            }
            #expect(item.data == expected, "corpora/expected/\(market)/\(item.name) differs from what adapt writes now")
        }
    }

    /// The report with output paths reduced to file names, so it does not depend on where the
    /// test ran.
    func normalizedReport(_ data: Data) throws -> Data {
        guard var root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              var documents = root["documents"] as? [[String: Any]] else { return data }
        for i in documents.indices {
            if var outputs = documents[i]["outputs"] as? [String: Any] {
                for (key, value) in outputs {
                    if let path = value as? String { outputs[key] = URL(fileURLWithPath: path).lastPathComponent }
                }
                documents[i]["outputs"] = outputs
            }
        }
        root["documents"] = documents
        var out = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        out.append(0x0A)
        return out
    }
}
