import Foundation
import L10nCore
import L10nMT
import L10nTestSupport
import Testing

/// The `command` backend against a real child process: a small Python program that speaks the
/// documented JSON-lines protocol (upper-cases text outside tags), with the faults a user's
/// program can have.
@Suite(.timeLimit(.minutes(5))) struct CommandBackendTests {
    static let bold = InlineCode(kind: .open, id: "1", data: "<b>", type: .fmt)
    static let boldEnd = InlineCode(kind: .close, id: "1", data: "</b>", type: .fmt)
    static let url = InlineCode(kind: .standalone, id: "2", data: "https://example.com/x?a=1&b=2", subType: "l10n:url", canDelete: false)
    static let batch = [
        SegmentRequest(key: "u1-s1", source: Content([.text("The pump is "), .code(bold), .text("fast & quiet"), .code(boldEnd), .text(" <really>.")])),
        SegmentRequest(key: "u2-s1", source: Content([.text("See "), .code(url), .text(" now.")])),
    ]
    static let context = TranslationContext(sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag("pt-BR")!, market: "br",
                                            document: "pump.md", formality: .formal)

    /// The engine: `python3 engine.py MODE LOG`; every request line is appended to LOG.
    static let engine = #"""
        import json, re, sys, time
        mode, log = sys.argv[1], sys.argv[2]
        def upper(text):
            return re.sub(r'(<[^>]*>|&[a-z#0-9]+;)|([^<&]+)', lambda m: m.group(1) or m.group(2).upper(), text)
        for n, line in enumerate(sys.stdin):
            with open(log, 'a') as f: f.write(line)
            req = json.loads(line)
            if mode == 'crash':
                sys.stderr.write('engine: model file missing\n'); sys.exit(3)
            if mode == 'garbage':
                print('Traceback (most recent call last):', flush=True); continue
            if mode == 'slow':
                time.sleep(30)
            if mode == 'batch-error':
                print(json.dumps({'id': req['id'], 'error': 'quota used up'}), flush=True); continue
            out = []
            for i, seg in enumerate(req['segments']):
                if mode == 'one-fails' and i == 0:
                    out.append({'key': seg['key'], 'error': 'too long for the model'})
                elif mode == 'drop-tag':
                    out.append({'key': seg['key'], 'text': re.sub(r'<[^>]*>', '', upper(seg['text']))})
                else:
                    out.append({'key': seg['key'], 'text': upper(seg['text'])})
            print(json.dumps({'id': req['id'], 'translations': out}), flush=True)
        """#

    /// A backend running the engine in `mode`, and the log of requests it received.
    static func backend(_ mode: String, timeout: String? = nil) throws -> (CommandBackend, URL, URL) {
        let dir = try TemporaryDirectory.make("l10n-command")
        let script = dir.appendingPathComponent("engine.py"), log = dir.appendingPathComponent("requests.log")
        try Data(engine.utf8).write(to: script)
        var options = ["command": "python3 '\(script.path)' \(mode) '\(log.path)'"]
        options["timeout"] = timeout
        return (try CommandBackend(configuration: BackendConfiguration(options: options)), log, dir)
    }

    @Test func translatesWithCodesAndOneProcessForManyBatches() async throws {
        let (backend, log, dir) = try Self.backend("ok")
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try await backend.translate(Self.batch, context: Self.context)
        let second = try await backend.translate([Self.batch[1]], context: Self.context)
        #expect(first[0] == .translated(Content([.text("THE PUMP IS "), .code(Self.bold), .text("FAST & QUIET"), .code(Self.boldEnd), .text(" <REALLY>.")])))
        #expect(first[1] == .translated(Content([.text("SEE "), .code(Self.url), .text(" NOW.")])))
        #expect(second == [first[1]])
        let lines = String(decoding: try Data(contentsOf: log), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2, "one request line per batch, to one running program")
        let request = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(request["protocol"] as? Int == 1 && request["id"] as? Int == 1)
        #expect(request["source"] as? String == "en-US" && request["target"] as? String == "pt-BR" && request["market"] as? String == "br")
        #expect(request["formality"] as? String == "formal" && request["document"] as? String == "pump.md")
        let segments = try #require(request["segments"] as? [[String: String]])
        #expect(segments.map { $0["key"] } == ["u1-s1", "u2-s1"])
        #expect(segments[0]["text"]?.contains("<g id=\"0\">fast &amp; quiet</g>") == true, "\(segments[0])")
        #expect(!(segments[1]["text"] ?? "").contains("example.com"), "a protected URL travels as a tag, not as text")
    }

    /// `about` and a segment's `notes` are optional fields of protocol 1: sent when there are
    /// some, absent otherwise (the first test's request has neither).
    @Test func aboutAndNotesAreSentWhenThereAreSome() async throws {
        let (backend, log, dir) = try Self.backend("ok")
        defer { try? FileManager.default.removeItem(at: dir) }
        var context = Self.context
        context.about = "AquaFlow pump\nIt lifts water 10 m high."
        let note = "units.length: \"33 ft\" → \"10 m\". Brazil uses metric units."
        let batch = [SegmentRequest(key: "u1-s1", source: Content(text: "It lifts water 10 m high."), notes: [note]),
                     SegmentRequest(key: "u2-s1", source: Content(text: "Quiet."))]
        let results = try await backend.translate(batch, context: context)
        #expect(results == [.translated(Content(text: "IT LIFTS WATER 10 M HIGH.")), .translated(Content(text: "QUIET."))])
        _ = try await backend.translate([batch[1]], context: Self.context)
        let lines = String(decoding: try Data(contentsOf: log), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        let request = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(request["about"] as? String == context.about)
        let segments = try #require(request["segments"] as? [[String: Any]])
        #expect(segments[0]["notes"] as? [String] == [note] && segments[1]["notes"] == nil)
        let bare = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(bare["about"] == nil && bare.keys.sorted() == ["document", "formality", "id", "market", "protocol", "segments", "source", "target"])
    }

    @Test func aSegmentTheProgramCannotTranslateFailsAlone() async throws {
        let (backend, _, dir) = try Self.backend("one-fails")
        defer { try? FileManager.default.removeItem(at: dir) }
        let results = try await backend.translate(Self.batch, context: Self.context)
        #expect(results[0] == .failed(reason: "too long for the model"))
        if case .translated = results[1] {} else { Issue.record("the rest of the batch stands: \(results[1])") }
    }

    @Test func lostTagsComeBackLostForTheGuardToRefuse() async throws {
        // The translate stage's guard judges every backend's output alike (and asks once more,
        // then leaves the segment for a translator): the backend hands back what it got.
        let (backend, _, dir) = try Self.backend("drop-tag")
        defer { try? FileManager.default.removeItem(at: dir) }
        let results = try await backend.translate(Self.batch, context: Self.context)
        for (result, request) in zip(results, Self.batch) {
            guard case .translated(let target) = result else { Issue.record("\(result)"); continue }
            #expect(TranslationGuard.problem(source: request.source, target: target) != nil)
        }
    }

    @Test(arguments: [
        ("crash", "the program stopped without answering (exit status 3): engine: model file missing"),
        ("garbage", "answered a line that is not the protocol's JSON"),
        ("batch-error", "failed the batch: quota used up"),
    ])
    func aBrokenProgramIsABackendErrorThatSaysWhy(mode: String, expected: String) async throws {
        let (backend, _, dir) = try Self.backend(mode)
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try await backend.translate(Self.batch, context: Self.context)
            Issue.record("\(mode): no error")
        } catch let error as BackendError {
            #expect(error.description.contains(expected), "\(error)")
            #expect(!error.description.contains("pump is"), "errors never quote the text")
        }
    }

    @Test func aProgramThatHangsIsStoppedAtTheTimeout() async throws {
        let (backend, _, dir) = try Self.backend("slow", timeout: "1")
        defer { try? FileManager.default.removeItem(at: dir) }
        // The program sleeps 30 s on its first request; the backend gives up after 1 s.
        do {
            _ = try await backend.translate(Self.batch, context: Self.context)
            Issue.record("a hung program answered")
        } catch let error as BackendError {
            #expect(error.description.contains("no answer within"), "\(error)")
        }
    }

    @Test func configurationIsChecked() throws {
        #expect(throws: BackendError.self) { try CommandBackend(configuration: BackendConfiguration()) }
        #expect(throws: BackendError.self) { try CommandBackend(configuration: BackendConfiguration(options: ["command": "cat", "timeout": "soon"])) }
        let fromEnvironment = try BackendRegistry.builtIn.make("command", configuration: BackendConfiguration(environment: ["L10N_MT_COMMAND": "cat"]))
        #expect(fromEnvironment.descriptor.id == "command" && fromEnvironment.descriptor.producesDrafts)
    }
}
