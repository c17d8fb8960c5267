import Foundation

/// A translation engine for end-to-end tests that need QA findings to report: a `command`
/// backend program (python3, speaking the backend's JSON lines) that copies each source but drops
/// its end punctuation (`punctuation.end`, a warning) and doubles its first space
/// (`whitespace.doubled`, info). The `pseudo` backend will not do for that: the checks that judge
/// language skip pseudo-localized targets.
public enum SloppyEngine {
    /// Writes the program into `dir` and returns the `command` option that runs it.
    public static func install(in dir: URL) throws -> String {
        let script = dir.appendingPathComponent("sloppy-engine.py")
        try Data(#"""
            import json, re, sys
            for line in sys.stdin:
                r = json.loads(line)
                out = [{"key": s["key"], "text": re.sub(r"[.!?]((\s|<[^>]*>)*)$", r"\1", s["text"]).replace(" ", "  ", 1)} for s in r["segments"]]
                print(json.dumps({"id": r["id"], "translations": out}), flush=True)

            """#.utf8).write(to: script)
        return "python3 '\(script.path)'"
    }
}
