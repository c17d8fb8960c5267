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

        // What must never change, whatever the market: scripts, URLs, e-mail addresses, model
        // numbers and code blocks come out exactly as they went in, in the same order.
        for page in pages {
            let source = try String(contentsOf: CLI.packageRoot.appendingPathComponent("corpora/\(page)"), encoding: .utf8)
            let stem = URL(fileURLWithPath: page).deletingPathExtension().lastPathComponent
            let ext = URL(fileURLWithPath: page).pathExtension
            guard let output = produced.first(where: { $0.name.hasPrefix(stem + ".") && $0.name.hasSuffix("." + ext) }) else {
                Issue.record("no localized document for \(page)")
                continue
            }
            let localized = String(decoding: output.data, as: UTF8.self)
            for pattern in Self.invariants {
                let before = source.matches(of: pattern).map { String($0.output) }
                let after = localized.matches(of: pattern).map { String($0.output) }
                #expect(before == after, "\(market) \(page): \(Set(before).subtracting(after).sorted().prefix(3)) changed")
            }
        }

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

    nonisolated(unsafe) static let invariants: [Regex<Substring>] = [
        /(?s)<script\b.*?<\/script>/,
        /https?:\/\/[^\s"'<>)]+/,
        /[\w.+-]+@[\w-]+\.[\w.]+/,
        /\b[A-Z]{2,}-\d{2,}[A-Z0-9]*\b/,
        /(?s)```.*?```/,
    ]

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
