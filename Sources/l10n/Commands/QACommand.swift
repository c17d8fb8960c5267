import ArgumentParser
import Foundation
import L10nPipeline

struct QACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qa",
        abstract: "Run the quality checks over translated XLIFF: inline codes, numbers, empty or copied targets, whitespace, punctuation, brackets and quotes, repeated words.",
        discussion: """
            Prints one line per finding (file:line: unit-segment: severity: [check] message), or the report in --format json, junit (one failed test case per finding) or sarif (SARIF 2.1.0, for code-scanning tools), and exits 1 when any finding has error severity. Only translated segments are checked (an untouched --prefill-targets copy is not a translation). Any tool's XLIFF 2.x or 1.2 is checked: the skeleton l10n extract embeds is only needed by merge. `l10n qa --list` shows every check with its default severity. With --glossary, glossary.compliance checks terminology (preferred translation missing, forbidden translation used, do-not-translate term altered); without it, an XLIFF 2 file's own glossary entries (written by extract/adapt --glossary) are the glossary. Size restrictions in the XLIFF (slr:sizeRestriction and slr:storageRestriction on files, groups, units and inline <pc>/<sc> spans, under the file's slr:profiles; 1.2 maxwidth/maxbytes) are checked by length.size-restriction. With --config, the project file's qa settings apply (severity, disable, and the qa.markets entry of --market); --severity and --disable win over them. Files are checked --jobs at a time (default: one per core) and reported in the order given: the output does not depend on --jobs. `l10n check` is the same command.
            """,
        aliases: ["check"])

    @Argument(help: ArgumentHelp("Translated XLIFF 2.x or 1.2 files written by `l10n extract` or `l10n adapt`.", valueName: "xliff"))
    var files: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A check id to leave out; repeatable.", valueName: "id"))
    var disable: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A check's severity instead of its default: id=error|warning|info; repeatable.", valueName: "id=level"))
    var severity: [String] = []

    @Option(name: .long, help: ArgumentHelp("A project file (l10n.yaml) whose qa settings apply: severity, disable, and with --market that market's qa.markets entry.", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "List the checks and exit.")
    var list = false

    @Flag(name: .shortAndLong, help: "Print only findings, no summary.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("How to write the findings (html: the review page, every segment side by side).", valueName: "text|json|junit|sarif|html"))
    var format: QAReportFormat = .text

    @Option(name: .long, help: ArgumentHelp("The market the translation is for (`br`, or its language tag `pt-BR`): checks that need one (units.unconverted) use it.", valueName: "id"))
    var market: String?

    @Option(name: .long, help: ArgumentHelp("A folder of market YAML files that add to or override the bundled markets.", valueName: "dir"))
    var marketsDir: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var glossary: GlossaryOption

    @Option(name: .long, help: ArgumentHelp("The language of the glossaries' source terms (with --glossary).", valueName: "tag"))
    var glossarySourceLanguage: LanguageTag = LanguageTag("en")!

    @OptionGroup var parallelism: JobsOption

    /// What checking one file gives: its result, and its documents for the review page when it
    /// is written into a file (else they are in `result`, or not kept).
    private struct Checked: Sendable {
        var result: QAFileResult
        var review: [QAReviewPage.Entry]
        /// Roughly what the result holds in memory, for ``OrderedWork``'s bound on waiting results.
        var weight: Int
    }

    func validate() throws {
        if !list && files.isEmpty { throw ValidationError("name at least one XLIFF file (or --list)") }
        _ = try commandLineSettings()
    }

    /// The checker the options describe, with `glossary.compliance` when a glossary is given:
    /// the project file's settings (`config`), then the command line's (`severities`,
    /// `disabled`) over them. `markets`: the catalog `units.unconverted` looks `--market` up in
    /// (nil without one: the check needs a market, and loading the bundled catalog costs more than
    /// checking 30 files). Static, from settings already read: the jobs make a file's checker
    /// (for the glossary it carries) without the command.
    static func checker(glossary: Termbase?, markets: MarketCatalog?, config: String?,
                        severities: [String: Severity], disabled: Set<String>) throws -> QualityChecker {
        var checker = QualityChecker.full(markets: markets, glossary: glossary)
        if let config { try ProjectConfiguration.load(config).qa.configure(&checker, file: config) }
        checker.override(severities: severities, disabled: disabled)
        return checker
    }

    /// `--severity` and `--disable`; unknown ids and levels are usage errors.
    func commandLineSettings() throws -> (severities: [String: Severity], disabled: Set<String>) {
        let known = Set(QualityChecker.allDescriptions.map(\.id))
        func require(_ id: String) throws {
            guard known.contains(id) else { throw ValidationError("unknown check '\(id)'; known: \(known.sorted().joined(separator: ", "))") }
        }
        var severities: [String: Severity] = [:]
        for entry in severity {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let level = Severity(rawValue: parts[1]) else {
                throw ValidationError("--severity takes id=error|warning|info, not '\(entry)'")
            }
            try require(parts[0])
            severities[parts[0]] = level
        }
        for id in disable { try require(id) }
        return (severities, Set(disable))
    }

    /// How many segments of `document` are translated, counted in place: a `reduce` over the
    /// units copied each unit, and `filter` each translated segment into an array.
    private static func translatedSegments(_ document: Document) -> Int {
        var count = 0
        document.units.withUnsafeBufferPointer { units in
            for u in units.indices {
                units[u].segments.withUnsafeBufferPointer { segments in
                    for s in segments.indices where segments[s].isTranslated { count += 1 }
                }
            }
        }
        return count
    }

    func run() async throws {
        if list {
            // Columns as wide as the longest id, so no id runs into its severity.
            let width = (QualityChecker.allDescriptions.map(\.id.count).max() ?? 0) + 2
            for d in QualityChecker.allDescriptions {
                Console.out(d.id.padding(toLength: width, withPad: " ", startingAt: 0) + d.defaultSeverity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + d.summary)
            }
            return
        }
        let checker: QualityChecker
        let termbase: Termbase?
        let settings: (severities: [String: Severity], disabled: Set<String>)
        let catalog = market == nil ? nil : try? MarketCatalog.load(userDirectory: marketsDir)  // loaded once, not per document
        do {
            termbase = try glossary.termbase(sourceLanguage: glossarySourceLanguage)
            settings = try commandLineSettings()
            checker = try Self.checker(glossary: termbase, markets: catalog, config: config, severities: settings.severities, disabled: settings.disabled)
        } catch { throw ExitStatus.report(error) }
        // An unknown market is the same usage error as for `adapt`; another name for a market
        // (`gb`, `pt-BR`) becomes its id, which the checks and the project's `qa.markets` use.
        var marketID: String?
        if let market {
            do { marketID = try (catalog ?? MarketCatalog.load(userDirectory: marketsDir)).market(market).id } catch { throw ExitStatus.report(error) }
        }
        var failures: [ExitCode] = []
        var results: [QAFileResult] = []
        // The review page into a file is written file by file, in order (its summary comes
        // last), so memory follows the files in flight, not the run; the other formats hold
        // findings only.
        let review: BatchReportWriter?
        do {
            review = format == .html ? try output.map { try BatchReportWriter(.init(html: $0), target: { $0 }) } : nil
        } catch { throw ExitStatus.report(error) }
        let (market, config) = (marketID, self.config)
        let (reviews, reviewsIntoFile) = (format == .html, review != nil)
        let usesCarriedGlossary = termbase?.isEmpty ?? true
        // Files are checked `--jobs` at a time and delivered in order: messages, reports and the
        // exit status do not depend on N.
        try await OrderedWork.run(files, jobs: parallelism.jobs, cost: InputFile.size, weight: { (try? $0.get().weight) ?? 0 }) { file -> Result<Checked, any Error> in
            Result {
                let bytes = try InputFile.read(file)
                var findings: [Finding] = []
                var segments = 0
                var entries: [QAReviewPage.Entry] = []
                // Any tool's XLIFF: checking needs no skeleton.
                for document in try XLIFFReader(requiresSkeleton: false).read(bytes, file: file) {
                    guard let source = LanguageTag(document.sourceLanguage), let target = document.targetLanguage.flatMap({ LanguageTag($0) }) else {
                        throw PipelineError(.unsupportedInput, "has no target language: nothing to check", file: file)
                    }
                    segments += Self.translatedSegments(document)
                    // Without --glossary, the terms the file carries (XLIFF 2 `<gls:glossary>`) are the glossary.
                    var documentChecker = checker
                    if usesCarriedGlossary {
                        let carried = QualityChecker.carriedGlossary(document)
                        if !carried.isEmpty {
                            documentChecker = try Self.checker(glossary: carried, markets: catalog, config: config,
                                                               severities: settings.severities, disabled: settings.disabled)
                        }
                    }
                    // A file `adapt` wrote has its sources' figures in the market's format (its notes say so).
                    let context = CheckContext(sourceLanguage: source, targetLanguage: target, market: market,
                                               sourceFiguresAreFinal: QualityChecker.wasAdapted(document))
                    let found = documentChecker.check(document, context: context)
                    findings += found
                    if reviews { entries.append(QAReviewPage.Entry(file: file, market: market, document: document, findings: found)) }
                }
                let result = QAFileResult.locating(findings, in: Array(bytes), file: file, segments: segments, documents: reviewsIntoFile ? [] : entries)
                // Documents weigh about what their XLIFF does; findings a few hundred bytes each.
                return Checked(result: result, review: reviewsIntoFile ? entries : [], weight: (entries.isEmpty ? 0 : bytes.count) + findings.count * 256)
            }
        } deliver: { _, checked in
            do {
                let checked = try checked.get()
                if let review { try review.addReview(checked.review) }
                results.append(checked.result)
            } catch {
                failures.append(ExitStatus.report(error))
            }
        }
        if let review {
            do {
                try review.finish()
                try review.commit()
            } catch {
                review.discard()
                throw ExitStatus.report(error)
            }
        } else {
            let report = format.render(results)
            if let output {
                do {
                    let batch = OutputBatch()
                    try batch.stage(report, to: output)
                    try batch.commit()
                } catch {
                    throw ExitStatus.report(error)
                }
            } else if !report.isEmpty {
                FileHandle.standardOutput.write(report)
            }
        }
        let counts = Dictionary(grouping: results.flatMap(\.findings), by: \.severity).mapValues(\.count)
        if !quiet {
            let summary = Severity.allCases.reversed().map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
            let segments = results.reduce(0) { $0 + $1.segments }
            Console.note("\(segments) translated segment(s) in \(files.count) file(s): \(summary)")
        }
        if let worst = ExitStatus.worst(failures) { throw worst }
        if (counts[.error] ?? 0) > 0 { throw ExitStatus.invalid }
    }
}

extension QAReportFormat: ExpressibleByArgument {}
