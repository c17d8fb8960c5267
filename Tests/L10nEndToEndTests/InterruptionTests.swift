import Foundation
import L10nTestSupport
import Testing

/// Ctrl-C stops a run without leaving partial outputs: `l10n adapt` waiting on a slow engine gets
/// SIGINT, exits 130 with one line saying so, and leaves the folder as it was — no page, no XLIFF,
/// no report, no staged temporary file, and an earlier run's outputs untouched.
@Suite struct InterruptionTests {
    static let key = "e2e-secret-deepl-key-interrupt:fx"

    @Test(.timeLimit(.minutes(3))) func ctrlCWhileTheEngineIsSlowWritesNothing() async throws {
        let dir = try TemporaryDirectory.make("l10n-interrupt")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pages = ["water-pump-aquaflow-xp2000b.md", "usb-c-charger-gan-65w.html"]
        try Corpus.copy(pages, into: dir)
        // An earlier run's output, which the interrupted run would have replaced.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        let earlier = Data("an earlier run's page\n".utf8)
        try earlier.write(to: dir.appendingPathComponent("out/water-pump-aquaflow-xp2000b.de-DE.md"))
        let before = try TemporaryDirectory.contents(of: dir)

        // Every answer takes a minute: the run is surely waiting on the engine when it is stopped.
        let fake = try await FakeDeepL.start(key: Self.key, persistent: .slow(.seconds(60)))
        let running = try CLI.start(["adapt", "-m", "de", "-o", "out", "--report", "out/r.json", "--report-html", "out/r.html"] + pages,
                                    in: dir, environment: ["DEEPL_AUTH_KEY": Self.key, "DEEPL_SERVER_URL": fake.baseURL])
        // Polled from this thread (not an async sleep, which a busy test run can delay for minutes).
        let deadline = ContinuousClock.now + .seconds(60)
        while !fake.requests.contains(where: { $0.path == "/v2/translate" }), ContinuousClock.now < deadline {
            usleep(20_000)
        }
        #expect(fake.requests.contains { $0.path == "/v2/translate" }, "the run reached the engine")
        running.interrupt()
        let result = running.wait()
        try await fake.stop()

        #expect(result.status == 130, "\(result.stderr)")
        #expect(result.stderr.contains("interrupted"), "\(result.stderr)")
        #expect(!result.stderr.contains(Self.key) && !result.stdout.contains(Self.key))
        // The folder is as it was: the earlier page untouched, nothing new, no temporary file.
        #expect(try TemporaryDirectory.contents(of: dir) == before)
    }
}

/// A memory import stopped half-way keeps the batches it stored, and says it did not finish.
@Suite struct ImportInterruptionTests {
    /// Synchronous on purpose: polling from a thread of its own, the test sees the memory appear
    /// at once, where an async sleep can wait for a busy test run's threads longer than the import.
    @Test(.timeLimit(.minutes(3))) func ctrlCDuringAnImportKeepsAConsistentMemory() throws {
        let dir = try TemporaryDirectory.make("l10n-interrupt-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let total = 200_000
        var tmx = #"<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en-US" datatype="plaintext"/><body>"#
        for i in 0..<total {
            tmx += "<tu><tuv xml:lang=\"en-US\"><seg>Pump model \(i) lifts water.</seg></tuv><tuv xml:lang=\"de-DE\"><seg>Pumpe Modell \(i) hebt Wasser.</seg></tuv></tu>\n"
        }
        tmx += "</body></tmx>\n"
        try Data(tmx.utf8).write(to: dir.appendingPathComponent("big.tmx"))

        let running = try CLI.start(["tm", "import", "--tm", "tm.sqlite", "big.tmx"], in: dir)
        // Stop it once the memory file exists (the first batches are being stored).
        let deadline = ContinuousClock.now + .seconds(60)
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("tm.sqlite").path), ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        Thread.sleep(forTimeInterval: 0.1)
        running.interrupt()
        let result = running.wait()
        #expect(result.status == 130, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("interrupted"))
        // The memory opens and holds what was stored before the stop: fewer units than the file.
        let stats = try CLI.run(["tm", "stats", "--tm", "tm.sqlite", "--format", "json"], in: dir)
        #expect(stats.status == 0, "\(stats.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        let units = try #require(json["units"] as? Int)
        #expect(units < total, "the import was stopped before the end")
    }
}
