import Foundation
import L10nCore

/// How `l10n qa` writes its findings: for people (`text`, and `html`, the review page with every
/// segment side by side), for scripts (`json`), for CI test dashboards (`junit`) and for
/// code-scanning tools (`sarif`, SARIF 2.1.0).
public enum QAReportFormat: String, CaseIterable, Sendable {
    case text, json, junit, sarif, html

    /// The report of `results`, deterministic for the same input. `checks` describes the rules
    /// (SARIF lists them with their rationale).
    public func render(_ results: [QAFileResult], checks: [CheckDescription] = QAChecks.descriptions) -> Data {
        switch self {
        case .text: return Data(Self.text(results).utf8)
        case .json: return Self.json(results)
        case .junit: return Data(Self.junit(results).utf8)
        case .sarif: return Self.sarif(results, checks: checks)
        case .html: return Data(QAReviewPage.render(results.flatMap(\.documents), title: Self.reviewTitle).utf8)
        }
    }

    /// The title of the `html` report.
    package static let reviewTitle = "l10n qa review"

    // MARK: - text

    static func text(_ results: [QAFileResult]) -> String {
        var s = ""
        for result in results {
            for f in result.findings {
                let place = result.file + (f.location?.line.map { ":\($0)" } ?? "")
                s += "\(place): \(f.segment ?? "-"): \(f.severity.rawValue): [\(f.check)] \(f.message)\n"
            }
        }
        return s
    }

    // MARK: - json

    private struct JSONReport: Encodable {
        struct File: Encodable {
            var file: String
            var segments: Int
            var findings: [JSONFinding]
        }
        struct JSONFinding: Encodable {
            var check: String
            var severity: String
            var segment: String?
            var line: Int?
            var message: String
        }
        var files: [File]
        var counts: [String: Int]
    }

    static func json(_ results: [QAFileResult]) -> Data {
        var counts: [String: Int] = [:]
        for s in Severity.allCases { counts[s.rawValue] = 0 }
        let files = results.map { r in
            JSONReport.File(file: r.file, segments: r.segments, findings: r.findings.map { f in
                counts[f.severity.rawValue, default: 0] += 1
                return JSONReport.JSONFinding(check: f.check, severity: f.severity.rawValue, segment: f.segment, line: f.location?.line, message: f.message)
            })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(JSONReport(files: files, counts: counts))) ?? Data()
    }

    // MARK: - JUnit

    /// One `<testsuite>` per file; each finding a `<testcase>` named `file#unit-segment` that fails
    /// (errors and warnings) or passes with the note in `<system-out>` (info).
    static func junit(_ results: [QAFileResult]) -> String {
        let failing = results.reduce(0) { $0 + junitCounts($1).failures }
        let total = results.reduce(0) { $0 + junitCounts($1).tests }
        var s = junitHead(tests: total, failures: failing)
        for r in results { s += junitSuite(r) }
        return s + junitTail
    }

    /// The JUnit report up to its first `<testsuite>`: the totals of every file's ``junitCounts(_:)``.
    /// ``junitHead(tests:failures:)`` + each file's ``junitSuite(_:)`` + ``junitTail`` is the whole
    /// report, so a long run can write it one file at a time.
    package static func junitHead(tests: Int, failures: Int) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"l10n qa\" tests=\"\(tests)\" failures=\"\(failures)\">\n"
    }

    package static let junitTail = "</testsuites>\n"

    /// A file's test cases (one per finding) and failures (its errors and warnings).
    package static func junitCounts(_ r: QAFileResult) -> (tests: Int, failures: Int) {
        (r.findings.count, r.findings.filter { $0.severity != .info }.count)
    }

    /// One file's `<testsuite>`.
    package static func junitSuite(_ r: QAFileResult) -> String {
        let esc = MarkupEscaping.escape
        var s = "  <testsuite name=\"\(esc(r.file))\" tests=\"\(r.findings.count)\" failures=\"\(junitCounts(r).failures)\">\n"
        for f in r.findings {
            let name = r.file + "#" + (f.segment ?? "-") + " [" + f.check + "]"
            s += "    <testcase classname=\"\(esc(r.file))\" name=\"\(esc(name))\">"
            let at = f.location?.line.map { " (line \($0))" } ?? ""
            if f.severity == .info {
                s += "<system-out>\(esc(f.message + at))</system-out>"
            } else {
                s += "<failure type=\"\(esc(f.check))\" message=\"\(esc(f.severity.rawValue + ": " + f.message))\">\(esc(f.message + at))</failure>"
            }
            s += "</testcase>\n"
        }
        s += "  </testsuite>\n"
        return s
    }

    // MARK: - SARIF 2.1.0

    static func sarifLevel(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    static func sarif(_ results: [QAFileResult], checks: [CheckDescription]) -> Data {
        let used = Set(results.flatMap { $0.findings.map(\.check) })
        let rules = sarifRules(checks, extra: used.subtracting(checks.map(\.id)))
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1["id"] as! String, $0) })
        var out: [[String: Any]] = []
        for r in results {
            for f in r.findings { out.append(sarifResult(f, file: r.file, ruleIndex: ruleIndex[f.check] ?? 0)) }
        }
        return sarifData(sarifLog(rules: rules, artifacts: results.map(sarifArtifact), results: out))
    }

    // The pieces of the SARIF log, so that a long run can write its `artifacts` and `results`
    // one file at a time (`rules`, which names every check found, comes after both: `tool`).

    /// The rules: every check described (in order), then the ids of `extra` checks, sorted —
    /// findings from checks that are not QA checks (XLIFF reading, say) get a rule too.
    package static func sarifRules(_ checks: [CheckDescription], extra: Set<String>) -> [[String: Any]] {
        var rules: [[String: Any]] = checks.map { d in
            ["id": d.id, "name": d.name, "shortDescription": ["text": d.summary], "fullDescription": ["text": d.rationale],
             "defaultConfiguration": ["level": sarifLevel(d.defaultSeverity)]]
        }
        for id in extra.sorted() { rules.append(["id": id]) }
        return rules
    }

    /// A file's entry in `artifacts`.
    package static func sarifArtifact(_ r: QAFileResult) -> [String: Any] {
        ["location": ["uri": r.file]]
    }

    /// A finding's entry in `results`; `ruleIndex` is its check's place in the rules.
    package static func sarifResult(_ f: Finding, file: String, ruleIndex: Any) -> [String: Any] {
        var region: [String: Any] = [:]
        if let line = f.location?.line { region["startLine"] = line }
        var physical: [String: Any] = ["artifactLocation": ["uri": file]]
        if !region.isEmpty { physical["region"] = region }
        var result: [String: Any] = [
            "ruleId": f.check, "ruleIndex": ruleIndex, "level": sarifLevel(f.severity),
            "message": ["text": (f.segment.map { "\($0): " } ?? "") + f.message],
            "locations": [["physicalLocation": physical]],
        ]
        if let segment = f.segment { result["properties"] = ["segment": segment] }
        return result
    }

    /// The whole log around its rules, artifacts and results.
    package static func sarifLog(rules: [[String: Any]], artifacts: [Any], results: [Any]) -> [String: Any] {
        [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": ["name": "l10n qa", "rules": rules]],
                "artifacts": artifacts,
                "results": results,
            ]],
        ]
    }

    /// A SARIF value (the log, or a skeleton of it) as the report writes it: pretty, key-sorted.
    package static func sarifData(_ value: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
