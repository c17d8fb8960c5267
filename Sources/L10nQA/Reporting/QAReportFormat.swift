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
        case .html: return Data(QAReviewPage.render(results.flatMap(\.documents), title: "l10n qa review").utf8)
        }
    }

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
        let esc = MarkupEscaping.escape
        let failing = results.reduce(0) { $0 + $1.findings.filter { $0.severity != .info }.count }
        let total = results.reduce(0) { $0 + $1.findings.count }
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        s += "<testsuites name=\"l10n qa\" tests=\"\(total)\" failures=\"\(failing)\">\n"
        for r in results {
            let fails = r.findings.filter { $0.severity != .info }.count
            s += "  <testsuite name=\"\(esc(r.file))\" tests=\"\(r.findings.count)\" failures=\"\(fails)\">\n"
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
        }
        s += "</testsuites>\n"
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
        var rules: [[String: Any]] = checks.map { d in
            ["id": d.id, "name": d.name, "shortDescription": ["text": d.summary], "fullDescription": ["text": d.rationale],
             "defaultConfiguration": ["level": sarifLevel(d.defaultSeverity)]]
        }
        // Findings from checks that are not QA checks (XLIFF reading, say) get a rule too.
        for id in used.subtracting(checks.map(\.id)).sorted() { rules.append(["id": id]) }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1["id"] as! String, $0) })
        var out: [[String: Any]] = []
        for r in results {
            for f in r.findings {
                var region: [String: Any] = [:]
                if let line = f.location?.line { region["startLine"] = line }
                var physical: [String: Any] = ["artifactLocation": ["uri": r.file]]
                if !region.isEmpty { physical["region"] = region }
                var result: [String: Any] = [
                    "ruleId": f.check, "ruleIndex": ruleIndex[f.check] ?? 0, "level": sarifLevel(f.severity),
                    "message": ["text": (f.segment.map { "\($0): " } ?? "") + f.message],
                    "locations": [["physicalLocation": physical]],
                ]
                if let segment = f.segment { result["properties"] = ["segment": segment] }
                out.append(result)
            }
        }
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": ["name": "l10n qa", "rules": rules]],
                "artifacts": results.map { ["location": ["uri": $0.file]] },
                "results": out,
            ]],
        ]
        return (try? JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
