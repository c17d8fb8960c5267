import Foundation
import L10nTestSupport
import Testing

/// The expected adaptation of every corpus page for br, de, us, uk and jp, kept under
/// `corpora/expected/<market>/`: the localized documents, the report (output paths reduced to
/// file names) and, for the pages in ``xliffPages``, the XLIFF for translators with the notes
/// that explain each adaptation. A change in any rule, or in how XLIFF is written, shows up here
/// as a reviewable diff.
///
/// To accept new output after a deliberate change: `L10N_RECORD_GOLDEN=1 swift test --filter
/// GoldenTests` rewrites the folders and FAILS ("recorded N files, run again to compare"), so a
/// recording run can never be mistaken for a passing one; read the diff, run again without the
/// variable, then commit.
@Suite struct GoldenTests {
    static let markets = ["br", "de", "us", "uk", "jp"]
    static let recording = ProcessInfo.processInfo.environment["L10N_RECORD_GOLDEN"] == "1"

    /// The pages whose XLIFF is kept too. All 16 pages × 5 markets would be 80 files and 3 MB
    /// (a fifth of each file is the base64 skeleton), too much to review; these four cover
    /// Markdown with front matter, CRLF Markdown, a full HTML page and an HTML fragment with a
    /// BOM, and carry the most adaptation notes per format.
    static let xliffPages = [
        "water-pump-aquaflow-xp2000b.md", "led-shop-light-lumenpro-4ft.md",
        "air-fryer-crispchef-6qt.html", "usb-c-charger-gan-65w.html",
    ]

    /// One file as the test produced it, named as it is kept under `corpora/expected/<market>/`.
    typealias Output = (name: String, data: Data)

    @Test(arguments: markets)
    func corpusMatchesItsExpectedAdaptation(market: String) throws {
        let pages = Corpus.pages()
        try #require(!pages.isEmpty, "no corpus pages in \(PackagePaths.corpora.path)")
        let dir = try TemporaryDirectory.make("l10n-golden")
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("report.json")
        // `--backend none`: the goldens pin adaptation, the same with or without Apertium installed.
        let result = try CLI.run(["adapt", "--market", market, "--backend", "none", "--out", dir.path, "--report", report.path] + pages.map { "corpora/" + $0 },
                                 in: PackagePaths.root)
        #expect(result.status == 0, "\(result.stderr)")

        let written = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(written.filter { $0.hasSuffix(".xlf") }.count == pages.count, "one XLIFF per page")
        let xliffStems = Set(Self.xliffPages.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent })
        #expect(xliffStems.isSubset(of: pages.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }),
                "every page in xliffPages is a corpus page")
        var produced: [Output] = [("report.json", try normalizedReport(Data(contentsOf: report)))]
        for name in written where name != "report.json" {
            if name.hasSuffix(".xlf"), !xliffStems.contains(String(name.prefix { $0 != "." })) { continue }
            produced.append((name, try Data(contentsOf: dir.appendingPathComponent(name))))
        }
        let xliffs = produced.filter { $0.name.hasSuffix(".xlf") }
        #expect(xliffs.count == Self.xliffPages.count)
        #expect(produced.count == pages.count + Self.xliffPages.count + 1, "one localized document per page, the kept XLIFF, the report")
        for xliff in xliffs {
            #expect(String(decoding: xliff.data, as: UTF8.self).contains("category=\"l10n:adaptation\""),
                    "\(market) \(xliff.name): no adaptation notes")
        }

        // What must never change, whatever the market: scripts, URLs, e-mail addresses, model
        // numbers and code blocks come out exactly as they went in, in the same order.
        for page in pages {
            let source = try String(contentsOf: Corpus.url(page), encoding: .utf8)
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

        let expectedDir = PackagePaths.corpora.appendingPathComponent("expected/\(market)")
        if Self.recording {
            try? FileManager.default.removeItem(at: expectedDir)
            try FileManager.default.createDirectory(at: expectedDir, withIntermediateDirectories: true)
            for item in produced { try item.data.write(to: expectedDir.appendingPathComponent(item.name)) }
            Issue.record("recorded \(produced.count) files in corpora/expected/\(market)/, run again to compare (without L10N_RECORD_GOLDEN)")
            return
        }
        for item in produced {
            let expectedURL = expectedDir.appendingPathComponent(item.name)
            guard let expected = try? Data(contentsOf: expectedURL) else {
                Issue.record("missing golden file corpora/expected/\(market)/\(item.name); record with L10N_RECORD_GOLDEN=1")
                continue
            }
            #expect(item.data == expected,
                    "corpora/expected/\(market)/\(item.name) differs from what adapt writes now: \(Self.firstDifference(expected, item.data))")
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: expectedDir.path)
        let stale = Set(kept).subtracting(produced.map(\.name)).sorted()
        #expect(stale.isEmpty, "golden files adapt no longer writes (record again to remove them): \(stale)")
    }

    nonisolated(unsafe) static let invariants: [Regex<Substring>] = [
        /(?s)<script\b.*?<\/script>/,
        /https?:\/\/[^\s"'<>)]+/,
        /[\w.+-]+@[\w-]+\.[\w.]+/,
        /\b[A-Z]{2,}-\d{2,}[A-Z0-9]*\b/,
        /(?s)```.*?```/,
    ]

    /// Where two files first differ, by line, so a failure reads like a diff rather than two
    /// byte counts.
    static func firstDifference(_ expected: Data, _ actual: Data) -> String {
        let a = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let b = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, b.count) where i >= a.count || i >= b.count || a[i] != b[i] {
            let was = i < a.count ? String(a[i].prefix(200)) : "<end of file>"
            let now = i < b.count ? String(b[i].prefix(200)) : "<end of file>"
            return "line \(i + 1): expected \(was.debugDescription), got \(now.debugDescription)"
        }
        return "same lines, different bytes"
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
