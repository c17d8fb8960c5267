import Foundation
import L10nCore
import L10nFormats
import L10nQA

/// The whole-run reports of `l10n batch` (`reports.json`, `.junit`, `.sarif`, `.html`) and of
/// `l10n adapt` (`--report`, `--report-html`), written page by page as the run delivers its pages
/// (in catalogue order), so that memory does not grow with the catalogue: each page's part goes to
/// disk at once and only counts stay in memory.
///
/// The JSON report is written straight into its staged file. The others sum the whole run up
/// before their first page — JUnit's totals, the review page's summary per market, SARIF's rules
/// (which come after its artifacts and results, but whose indexes the results name) — so their
/// pages go to a scratch file beside the report, and ``finish()`` writes the head and copies the
/// body after it. Everything is staged beside its destination: ``commit()`` renames the reports
/// into place; ``discard()``, or a run that fails, leaves earlier reports untouched and no
/// temporary file behind.
///
/// The bytes are the whole-run renderers' (`AdaptReport.encoded()`, `QAReportFormat.render`):
/// the pieces are theirs, and JSON arrays are laid out as the JSON writer lays them out
/// (``JSONArrayLayout``).
package final class BatchReportWriter {
    private let batch = OutputBatch()
    private var json: JSONReport?
    private var junit: JUnitReport?
    private var sarif: SARIFReport?
    private var html: ReviewReport?

    /// Opens the reports `reports` names, at `target(path)` (the project's paths made absolute,
    /// named for the shard); `checks` are the rules SARIF describes; `reviewTitle` heads the
    /// HTML review page.
    package init(_ reports: ProjectConfiguration.Reports, target: (String) -> String,
                 checks: [CheckDescription] = QAChecks.descriptions, reviewTitle: String = QAReportFormat.reviewTitle) throws {
        do {
            if let path = reports.json { json = try JSONReport(file: batch.open(target(path))) }
            if let path = reports.junit {
                let destination = target(path)
                junit = try JUnitReport(file: batch.open(destination), body: batch.scratch(beside: destination))
            }
            if let path = reports.sarif {
                let destination = target(path)
                sarif = try SARIFReport(file: batch.open(destination), artifacts: batch.scratch(beside: destination),
                                        results: batch.scratch(beside: destination), checks: checks)
            }
            if let path = reports.html {
                let destination = target(path)
                html = try ReviewReport(file: batch.open(destination), body: batch.scratch(beside: destination), title: reviewTitle)
            }
        } catch {
            batch.discard()
            throw error
        }
    }

    /// Whether any report reads the XLIFF (to locate findings in it): else `xliff` is never called.
    package var readsXLIFF: Bool { junit != nil || sarif != nil || html != nil }

    /// Writes one page's entries (each market's), in catalogue order. `xliff` gives the bytes of
    /// an XLIFF output (by its project-relative path) as they are after the run: the page's own
    /// for a page made now, the file on disk for an unchanged one.
    package func add(_ entries: [AdaptReport.Entry], xliff: (String) -> Data?) throws {
        for entry in entries {
            try json?.add(entry)
            guard readsXLIFF else { continue }
            let file = Self.qaFile(entry, xliff: entry.outputs.xliff.flatMap(xliff), withDocuments: html != nil)
            try junit?.add(file)
            try sarif?.add(file)
            try html?.add(file.documents)
        }
    }

    /// Writes one document's entry with its review section made from the document in memory
    /// (`l10n adapt`: whatever its outputs, XLIFF or not). Only the JSON and HTML reports take
    /// entries this way; JUnit and SARIF locate findings in the XLIFF (``add(_:xliff:)``).
    package func add(_ entry: AdaptReport.Entry, review: [QAReviewPage.Entry]) throws {
        precondition(junit == nil && sarif == nil, "JUnit and SARIF reports read the XLIFF: add(_:xliff:)")
        try json?.add(entry)
        try addReview(review)
    }

    /// Writes sections of the review page only (`l10n qa --format html`), documents in memory.
    package func addReview(_ documents: [QAReviewPage.Entry]) throws {
        try html?.add(documents)
    }

    /// Completes every report (heads, bodies, tails); nothing is visible until ``commit()``.
    package func finish() throws {
        try json?.finish()
        try junit?.finish()
        try sarif?.finish()
        try html?.finish()
    }

    /// Renames the finished reports into place and removes the scratch files.
    package func commit() throws {
        try batch.commit()
    }

    /// Removes every temporary and scratch file: the reports of the last run stay as they were.
    package func discard() {
        batch.discard()
    }

    /// An entry's findings located at their segment in its XLIFF output (`l10n qa`'s view of it),
    /// with the XLIFF's documents for the review page.
    package static func qaFile(_ entry: AdaptReport.Entry, xliff bytes: Data?, withDocuments: Bool) -> QAFileResult {
        let findings = entry.findings.map { Finding(check: $0.check, severity: Severity(rawValue: $0.severity) ?? .warning, message: $0.message, segment: $0.segment) }
        let xliffPath = entry.outputs.xliff
        var documents: [QAReviewPage.Entry] = []
        if withDocuments, let bytes, let path = xliffPath, let read = try? XLIFFReader().read(bytes, file: path) {
            documents = read.map { QAReviewPage.Entry(file: entry.source, market: entry.market, document: $0, findings: findings) }
        }
        return QAFileResult.locating(findings, in: bytes.map(Array.init) ?? [], file: xliffPath ?? entry.source, segments: entry.segments, documents: documents)
    }
}

// MARK: - The reports

/// `AdaptReport(documents:).encoded()`, one document at a time.
private struct JSONReport {
    let file: StagedFile
    let layout: JSONArrayLayout
    var count = 0

    /// The report's shape with strings for documents: where they go and what comes between them.
    private struct Skeleton: Encodable {
        var documents: [String]
    }

    init(file: StagedFile) throws {
        self.file = file
        layout = try JSONArrayLayout { try AdaptReport.encoded(Skeleton(documents: $0)) }
    }

    mutating func add(_ entry: AdaptReport.Entry) throws {
        let element = try layout.element(of: AdaptReport(documents: [entry]).encoded())
        try file.write(count == 0 ? layout.open : layout.separator)
        try file.write(element)
        count += 1
    }

    func finish() throws {
        try file.write(count == 0 ? try AdaptReport(documents: []).encoded() : Data(layout.close))
        try file.close()
    }
}

/// `QAReportFormat.junit`: the suites in the body, the totals in the head.
private struct JUnitReport {
    let file: StagedFile
    let body: ScratchFile
    var tests = 0
    var failures = 0

    mutating func add(_ result: QAFileResult) throws {
        let counts = QAReportFormat.junitCounts(result)
        tests += counts.tests
        failures += counts.failures
        try body.write(QAReportFormat.junitSuite(result))
    }

    func finish() throws {
        try file.write(Data(QAReportFormat.junitHead(tests: tests, failures: failures).utf8))
        try body.copy(to: file)
        try file.write(Data(QAReportFormat.junitTail.utf8))
        try file.close()
    }
}

/// `QAReviewPage.render` (the `html` report): the sections in the body, the summary in the head.
private struct ReviewReport {
    let file: StagedFile
    let body: ScratchFile
    let title: String
    var summary = QAReviewPage.Summary()

    mutating func add(_ documents: [QAReviewPage.Entry]) throws {
        for document in documents { try body.write(summary.section(document)) }
    }

    func finish() throws {
        try file.write(Data(QAReviewPage.head(title: title, summary: summary).utf8))
        try body.copy(to: file)
        try file.write(Data(QAReviewPage.tail.utf8))
        try file.close()
    }
}

/// `QAReportFormat.sarif`: artifacts and results each in a scratch file; the rules, known only at
/// the end, come after both. A result names its rule by index, and a check no rule describes
/// (not a QA check) gets its rule at the end, in sorted order: its results are written with a
/// marker (`\u{1}` + the check's number in order of appearance + `\u{1}`; JSON escapes every
/// control character, so the byte appears nowhere else) replaced by the index on the way into
/// the report.
private struct SARIFReport {
    let file: StagedFile
    let artifacts: ScratchFile
    let results: ScratchFile
    let checks: [CheckDescription]
    let artifactLayout: JSONArrayLayout
    let resultLayout: JSONArrayLayout
    /// The described checks' rule indexes.
    let ruleIndex: [String: Int]
    /// Checks no rule describes, in order of appearance.
    var extra: [String] = []
    var extraNumber: [String: Int] = [:]
    var artifactCount = 0
    var resultCount = 0

    static let marker: UInt8 = 0x01
    /// What a result's `ruleIndex` is until its rule's index is known.
    static let placeholder = "l10n-sarif-rule-index"

    init(file: StagedFile, artifacts: ScratchFile, results: ScratchFile, checks: [CheckDescription]) throws {
        self.file = file
        self.artifacts = artifacts
        self.results = results
        self.checks = checks
        artifactLayout = try JSONArrayLayout { QAReportFormat.sarifData(["runs": [["artifacts": $0]]]) }
        resultLayout = try JSONArrayLayout { QAReportFormat.sarifData(["runs": [["results": $0]]]) }
        ruleIndex = Dictionary(uniqueKeysWithValues: checks.enumerated().map { ($1.id, $0) })
    }

    mutating func add(_ result: QAFileResult) throws {
        let artifact = QAReportFormat.sarifData(["runs": [["artifacts": [QAReportFormat.sarifArtifact(result)]]]])
        // Each element after the first with the separator before it: the log's own text comes
        // before the first (see ``finish()``).
        if artifactCount > 0 { try artifacts.write(artifactLayout.separator) }
        try artifacts.write(try artifactLayout.element(of: artifact))
        artifactCount += 1
        for finding in result.findings {
            var number: Int?
            if ruleIndex[finding.check] == nil {
                if let known = extraNumber[finding.check] {
                    number = known
                } else {
                    number = extra.count
                    extraNumber[finding.check] = extra.count
                    extra.append(finding.check)
                }
            }
            let value: Any = number == nil ? ruleIndex[finding.check] ?? 0 : Self.placeholder
            let rendered = QAReportFormat.sarifData(["runs": [["results": [QAReportFormat.sarifResult(finding, file: result.file, ruleIndex: value)]]]])
            var element = [UInt8](try resultLayout.element(of: rendered))
            if let number {
                // `ruleIndex` is the last key of a result (keys are sorted), so the placeholder's
                // last occurrence is its value.
                let token = JSONArrayLayout.token(Self.placeholder)
                guard let at = Self.lastRange(of: token, in: element) else {
                    throw PipelineError(.misassembled, "internal: a SARIF result without its rule index")
                }
                element.replaceSubrange(at, with: [Self.marker] + Array(String(number).utf8) + [Self.marker])
            }
            if resultCount > 0 { try results.write(resultLayout.separator) }
            try results.write(element)
            resultCount += 1
        }
    }

    func finish() throws {
        guard artifactCount > 0 else {
            try file.write(QAReportFormat.sarif.render([], checks: checks))
            try file.close()
            return
        }
        // The log with sentinels for the two arrays' elements (results may be empty), cut around them.
        let rules = QAReportFormat.sarifRules(checks, extra: Set(extra))
        let sentinels = (artifact: "l10n-sarif-artifacts", result: "l10n-sarif-results")
        let log = QAReportFormat.sarifData(QAReportFormat.sarifLog(rules: rules, artifacts: [sentinels.artifact],
                                                                   results: resultCount > 0 ? [sentinels.result] : []))
        let tokens = [JSONArrayLayout.token(sentinels.artifact)] + (resultCount > 0 ? [JSONArrayLayout.token(sentinels.result)] : [])
        let parts = try JSONArrayLayout.split(log, at: tokens)
        try file.write(parts[0])
        try copy(artifacts)
        try file.write(parts[1])
        if resultCount > 0 {
            let sorted = extra.sorted()
            let index = extra.map { id in checks.count + (sorted.firstIndex(of: id) ?? 0) }
            try copy(results, index: index)
            try file.write(parts[2])
        }
        try file.close()
    }

    /// Copies `scratch` into the report, each marker replaced by `index[number]`.
    private func copy(_ scratch: ScratchFile, index: [Int] = []) throws {
        var number: Int?  // inside a marker: the digits so far
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        try scratch.read { chunk in
            var i = chunk.startIndex
            while i < chunk.endIndex {
                if let n = number {
                    let byte = chunk[i]
                    i += 1
                    if byte == Self.marker {
                        guard n < index.count else { throw PipelineError(.misassembled, "internal: a SARIF rule index out of range") }
                        out += Array(String(index[n]).utf8)
                        number = nil
                    } else if (0x30...0x39).contains(byte) {
                        number = n * 10 + Int(byte - 0x30)
                    } else {
                        throw PipelineError(.misassembled, "internal: a broken SARIF rule index marker")
                    }
                } else {
                    let end = chunk[i...].firstIndex(of: Self.marker) ?? chunk.endIndex
                    out.append(contentsOf: chunk[i..<end])
                    i = end
                    if end < chunk.endIndex {
                        number = 0
                        i += 1
                    }
                }
                if out.count >= 1 << 20 {
                    try file.write(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
        }
        guard number == nil else { throw PipelineError(.misassembled, "internal: a SARIF rule index marker cut short") }
        try file.write(out)
    }

    private static func lastRange(of token: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
        guard bytes.count >= token.count else { return nil }
        for start in stride(from: bytes.count - token.count, through: 0, by: -1) where bytes[start..<(start + token.count)].elementsEqual(token) {
            return start..<(start + token.count)
        }
        return nil
    }
}
