import Foundation
import L10nTestSupport
import Testing

/// `l10n adapt` with `DEEPL_AUTH_KEY` and `DEEPL_SERVER_URL` pointing at ``FakeDeepL`` in this
/// process: the key makes DeepL the engine without `--backend`, faults are survived, every code
/// stays intact (or its segment untranslated with a finding), and the key appears nowhere.
@Suite struct DeepLEndToEndTests {
    static let key = "e2e-secret-deepl-key-5f3a:fx"
    static let pages = ["water-pump-aquaflow-xp2000b.md", "usb-c-charger-gan-65w.html"]


    func run(_ fake: FakeDeepL, in dir: URL) throws -> (CLI.Result, TranslationReport) {
        try Corpus.copy(Self.pages, into: dir)
        let result = try CLI.run(["adapt", "-m", "de", "-m", "br", "-o", "out", "--report", "out/r.json"] + Self.pages, in: dir,
                                 environment: ["DEEPL_AUTH_KEY": Self.key, "DEEPL_SERVER_URL": fake.baseURL])
        let report = try TranslationReport.read(dir.appendingPathComponent("out/r.json"))
        return (result, report)
    }

    func expectIntactAndSecret(_ dir: URL, _ result: CLI.Result) throws {
        #expect(!result.stdout.contains(Self.key) && !result.stderr.contains(Self.key))
        for (name, data) in try TemporaryDirectory.contents(of: dir.appendingPathComponent("out")) {
            #expect(!String(decoding: data, as: UTF8.self).contains(Self.key), "the key leaked into \(name)")
        }
        for page in Self.pages {
            let url = URL(fileURLWithPath: page), html = url.pathExtension == "html"
            let original = try String(contentsOf: dir.appendingPathComponent(page), encoding: .utf8)
            for language in ["de-DE", "pt-BR"] {
                let name = "out/\(url.deletingPathExtension().lastPathComponent).\(language).\(url.pathExtension)"
                let output = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
                #expect(MarkupInvariants.counts(output, html: html) == MarkupInvariants.counts(original, html: html), "\(name)")
            }
        }
    }

    @Test func aRerunWithTheSameMemoryMakesNoCall() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        defer { Task { try? await fake.stop() } }
        let dir = try TemporaryDirectory.make("l10n-deepl")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Corpus.copy(Self.pages, into: dir)
        try Data(#"<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en-US" datatype="plaintext"/><body/></tmx>"#.utf8)
            .write(to: dir.appendingPathComponent("empty.tmx"))
        #expect(try CLI.run(["tm", "import", "--tm", "tm.sqlite", "empty.tmx"], in: dir).status == 0)
        func adapt(_ out: String) throws -> CLI.Result {
            try CLI.run(["adapt", "-m", "de", "-m", "br", "-o", out, "--tm", "tm.sqlite", "--report", "\(out)/r.json"] + Self.pages, in: dir,
                        environment: ["DEEPL_AUTH_KEY": Self.key, "DEEPL_SERVER_URL": fake.baseURL])
        }
        let first = try adapt("one")
        #expect(first.status == 0, "\(first.stderr)")
        let calls = fake.requests.count
        #expect(calls > 0)
        let second = try adapt("two")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(fake.requests.count == calls, "every sentence came from the memory")
        for page in Self.pages {
            let url = URL(fileURLWithPath: page)
            for language in ["de-DE", "pt-BR"] {
                let name = "\(url.deletingPathExtension().lastPathComponent).\(language).\(url.pathExtension)"
                #expect(try Data(contentsOf: dir.appendingPathComponent("one/" + name)) == Data(contentsOf: dir.appendingPathComponent("two/" + name)), "\(name)")
            }
        }
        let report = try TranslationReport.read(dir.appendingPathComponent("two/r.json"))
        #expect(report.documents.allSatisfy { ($0.targets?.translation?.requests ?? 0) == 0 }, "no call the second time")
    }

    @Test func aKeySetMakesDeepLTheEngineAndFaultsAreSurvived() async throws {
        let fake = try await FakeDeepL.start(key: Self.key, faults: [.rateLimited(retryAfter: "0"), .status(503), nil, .wrongCount, nil, .malformedJSON, nil])
        defer { Task { try? await fake.stop() } }
        let dir = try TemporaryDirectory.make("l10n-deepl")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (result, report) = try run(fake, in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("mt:deepl"))
        #expect(report.documents.count == 4)
        for entry in report.documents {
            let translation = try #require(entry.targets?.translation)
            #expect(translation.backend == "deepl")
            #expect(translation.failed == 0 && translation.translated > 0)
        }
        let targets = Set(fake.bodies.compactMap { $0["target_lang"] as? String })
        #expect(targets == ["DE", "PT-BR"])
        // Every HTTP request the service saw is in the report, retries and answers asked for again included.
        let sent = report.documents.compactMap { $0.targets?.translation?.httpRequests }.reduce(0, +)
        #expect(sent == fake.requests.count, "the report counts \(sent) HTTP requests, the service saw \(fake.requests.count)")
        #expect(report.documents.reduce(0) { $0 + ($1.targets?.translation?.requests ?? 0) } < fake.requests.count,
                "calls to the backend are fewer than the requests its retries sent")
        try expectIntactAndSecret(dir, result)
        let pump = try String(contentsOf: dir.appendingPathComponent("out/water-pump-aquaflow-xp2000b.de-DE.md"), encoding: .utf8)
        #expect(pump.contains("PUMP"), "DeepL's (upper-cased) translation is in the page")
    }

    /// `--glossary` with DeepL: one glossary per language pair of the page's terms, named by
    /// their content hash, sent with every translation of that pair (with `source_lang`), and
    /// found again by the next run instead of created; the page's title goes along as `context`.
    @Test func glossaryTermsBecomeOneDeepLGlossaryPerPairThatTheNextRunReuses() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        defer { Task { try? await fake.stop() } }
        let dir = try TemporaryDirectory.make("l10n-deepl-glossary")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Corpus.copy([Self.pages[0]], into: dir)
        try Data("""
            term,language,target term,part of speech,status,note
            pump,de,Pumpe,noun,preferred,
            pump,pt-BR,bomba,noun,preferred,
            pump,de,Pumpapparat,noun,forbidden,not this
            AquaFlow,*,,proper noun,do-not-translate,brand

            """.utf8).write(to: dir.appendingPathComponent("terms.csv"))
        func adapt(_ out: String) throws -> CLI.Result {
            try CLI.run(["adapt", "-m", "de", "-m", "br", "--glossary", "terms.csv", "-o", out, Self.pages[0]], in: dir,
                        environment: ["DEEPL_AUTH_KEY": Self.key, "DEEPL_SERVER_URL": fake.baseURL])
        }
        let first = try adapt("one")
        #expect(first.status == 0, "\(first.stderr)")
        let glossaries = fake.glossaries.all
        #expect(glossaries.count == 2, "\(glossaries.map(\.name))")
        #expect(Set(glossaries.map { "\($0.sourceLanguage)→\($0.targetLanguage)" }) == ["en→de", "en→pt"])
        #expect(glossaries.allSatisfy { $0.name.hasPrefix("l10n-") && $0.name.count == 37 })
        let de = try #require(glossaries.first { $0.targetLanguage == "de" })
        let pt = try #require(glossaries.first { $0.targetLanguage == "pt" })
        #expect(de.entries.contains { $0.source.lowercased().hasPrefix("pump") && $0.target == "Pumpe" }, "\(de.entries)")
        #expect(!de.entries.contains { $0.target == "Pumpapparat" }, "forbidden terms are not glossary entries")
        #expect(pt.entries.contains { $0.source.lowercased().hasPrefix("pump") && $0.target == "bomba" }, "\(pt.entries)")
        #expect(!fake.bodies.isEmpty)
        for body in fake.bodies {
            #expect(body["source_lang"] as? String == "EN")
            #expect(body["glossary_id"] as? String == (body["target_lang"] as? String == "DE" ? de.id : pt.id))
            let context = body["context"] as? String ?? ""
            #expect(context.contains("Shallow Well Jet Pump") && context.count <= 1_000, "the page's title: \(context)")
        }
        let page = try String(contentsOf: dir.appendingPathComponent("one/water-pump-aquaflow-xp2000b.de-DE.md"), encoding: .utf8)
        #expect(page.contains("Pumpe"), "the fake applied the glossary")

        let second = try adapt("two")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(fake.glossaries.createdCount == 2, "the next run finds both glossaries by name")
        #expect(fake.glossaryRequests.filter { $0.method == "POST" }.count == 2)
        for result in [first, second] {
            #expect(!result.stdout.contains(Self.key) && !result.stderr.contains(Self.key))
            #expect(!result.stderr.contains("glossary terms"), "no glossary warning: \(result.stderr)")
        }
    }

    @Test func brokenTagsLeaveSegmentsUntranslatedWithFindingsNeverBrokenMarkup() async throws {
        let fake = try await FakeDeepL.start(key: Self.key, persistent: .dropTag)
        defer { Task { try? await fake.stop() } }
        let dir = try TemporaryDirectory.make("l10n-deepl-tags")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (result, report) = try run(fake, in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let findings = report.documents.flatMap(\.findings).map(\.check)
        #expect(findings.contains("translate.guard") || findings.contains("translate.failed"))
        #expect(report.documents.allSatisfy { ($0.targets?.translation?.translated ?? 0) > 0 }, "segments without codes still translate")
        try expectIntactAndSecret(dir, result)
    }

    @Test func flagsNameTheServerAndTheVariableHoldingTheKey() async throws {
        let fake = try await FakeDeepL.start(key: Self.key)
        defer { Task { try? await fake.stop() } }
        let dir = try TemporaryDirectory.make("l10n-deepl-flags")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Corpus.copy([Self.pages[0]], into: dir)
        let result = try CLI.run(["adapt", "-m", "de", "--backend", "deepl", "--backend-url", fake.baseURL, "--api-key-env", "TEAM_DEEPL_KEY",
                                  "-o", "out", Self.pages[0]], in: dir,
                                 environment: ["TEAM_DEEPL_KEY": Self.key, "DEEPL_AUTH_KEY": nil, "DEEPL_SERVER_URL": nil])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("mt:deepl"))
        #expect(fake.requests.count >= 1)
    }

    @Test func aWrongKeyEndsTheRunNamingTheVariableAndWritesNothing() async throws {
        let fake = try await FakeDeepL.start(key: "another-key")
        defer { Task { try? await fake.stop() } }
        let dir = try TemporaryDirectory.make("l10n-deepl-403")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Corpus.copy([Self.pages[0]], into: dir)
        let result = try CLI.run(["adapt", "-m", "de", "-o", "out", Self.pages[0]], in: dir,
                                 environment: ["DEEPL_AUTH_KEY": Self.key, "DEEPL_SERVER_URL": fake.baseURL])
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.contains("DEEPL_AUTH_KEY") && !result.stderr.contains(Self.key))
        #expect(fake.requests.count == 1, "no retry on 403")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }
}
