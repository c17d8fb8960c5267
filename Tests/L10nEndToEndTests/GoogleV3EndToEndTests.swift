import Foundation
import L10nTestSupport
import Testing

/// `l10n adapt` with `GOOGLE_CLOUD_PROJECT`, `GOOGLE_ACCESS_TOKEN` and `GOOGLE_TRANSLATE_URL`
/// pointing at ``FakeGoogleTranslate``'s v3 endpoint in this process: the project and token make
/// `google-v3` the engine without `--backend`, faults are survived, every code stays intact, and
/// the token appears nowhere.
@Suite struct GoogleV3EndToEndTests {
    static let token = "ya29.e2e-secret-google-token-7c1d"
    static let project = "l10n-e2e"
    static let pages = ["water-pump-aquaflow-xp2000b.md", "usb-c-charger-gan-65w.html"]

    /// The environment of a run against `fake`; other engines' keys removed, so the choice is Google's.
    static func environment(_ fake: FakeGoogleTranslate, token: String = token) -> [String: String?] {
        ["GOOGLE_ACCESS_TOKEN": token, "GOOGLE_CLOUD_PROJECT": project, "GOOGLE_TRANSLATE_URL": fake.baseURL,
         "GOOGLE_API_KEY": nil, "DEEPL_AUTH_KEY": nil, "OPENAI_BASE_URL": nil, "L10N_MT_COMMAND": nil, "LIBRETRANSLATE_URL": nil]
    }

    @Test func theProjectAndTokenMakeGoogleV3TheEngineAndFaultsAreSurvived() async throws {
        let fake = try await FakeGoogleTranslate.start(key: "", token: Self.token, project: Self.project,
                                                       faults: [.rateLimited(retryAfter: "0"), .status(503), nil, .wrongCount, nil, .malformedJSON, nil])
        defer { Task { try? await fake.stop() } }
        let dir = try TemporaryDirectory.make("l10n-google-v3")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Corpus.copy(Self.pages, into: dir)
        let result = try CLI.run(["adapt", "-m", "de", "-m", "br", "-o", "out", "--report", "out/r.json"] + Self.pages, in: dir,
                                 environment: Self.environment(fake))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("mt:google-v3"))
        let report = try TranslationReport.read(dir.appendingPathComponent("out/r.json"))
        #expect(report.documents.count == 4)
        for entry in report.documents {
            let translation = try #require(entry.targets?.translation)
            #expect(translation.backend == "google-v3")
            #expect(translation.failed == 0 && translation.translated > 0)
        }
        #expect(!fake.v3Requests.isEmpty && fake.v3Requests.count == fake.requests.count, "v3 only")
        #expect(fake.v3Requests.allSatisfy { $0.path == "/v3/projects/\(Self.project)/locations/global:translateText" })
        #expect(Set(fake.bodies.compactMap { $0["targetLanguageCode"] as? String }) == ["de", "pt"])
        #expect(fake.bodies.allSatisfy { $0["mimeType"] as? String == "text/html" })

        // The token nowhere: not in what was printed, not in any output (pages, XLIFF, report).
        #expect(!result.stdout.contains(Self.token) && !result.stderr.contains(Self.token))
        var drafts = 0
        for (name, data) in try TemporaryDirectory.contents(of: dir.appendingPathComponent("out")) {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(Self.token), "the token leaked into \(name)")
            if text.contains("l10n:mt-google-v3") { drafts += 1 }
        }
        #expect(drafts == 4, "every XLIFF marks its targets as google-v3 drafts")
        for page in Self.pages {
            let url = URL(fileURLWithPath: page), html = url.pathExtension == "html"
            let original = try String(contentsOf: dir.appendingPathComponent(page), encoding: .utf8)
            for language in ["de-DE", "pt-BR"] {
                let name = "out/\(url.deletingPathExtension().lastPathComponent).\(language).\(url.pathExtension)"
                let output = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
                #expect(MarkupInvariants.counts(output, html: html) == MarkupInvariants.counts(original, html: html), "\(name): codes survive as HTML tags")
            }
        }
        let pump = try String(contentsOf: dir.appendingPathComponent("out/water-pump-aquaflow-xp2000b.de-DE.md"), encoding: .utf8)
        #expect(pump.contains("PUMP"), "Google's (upper-cased) translation is in the page")
    }

    @Test func aWrongTokenEndsTheRunNamingTheVariableAndWritesNothing() async throws {
        let fake = try await FakeGoogleTranslate.start(key: "", token: "ya29.another-token", project: Self.project)
        defer { Task { try? await fake.stop() } }
        let dir = try TemporaryDirectory.make("l10n-google-v3-401")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Corpus.copy([Self.pages[0]], into: dir)
        let result = try CLI.run(["adapt", "-m", "de", "--backend", "google-v3", "-o", "out", Self.pages[0]], in: dir,
                                 environment: Self.environment(fake))
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.contains("GOOGLE_ACCESS_TOKEN") && !result.stderr.contains(Self.token) && !result.stdout.contains(Self.token))
        #expect(fake.requests.count == 1, "no retry on 401")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }
}
