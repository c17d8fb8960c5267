import ArgumentParser
import Foundation
import L10nPipeline

struct AdaptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adapt",
        abstract: "Adapt product pages for a market: units, numbers, prices, dates, spelling, plus advisories.",
        discussion: """
            Runs the whole pipeline: read → segment → adapt the source for the market → translate (--backend) → write <stem>.<lang>.<ext> and <stem>.<lang>.xlf into --out (default: beside the input). Units, numbers, currency, dates and spelling change the text; electrical, certification and tone findings are advisories. Every change and advisory is a note on its unit in the XLIFF and an entry in the --report JSON (schema: docs/adapt-report.schema.json).

            Examples:
              l10n adapt --market br product.md
              l10n adapt -m de -m uk -o build/ --report build/r.json *.md
              l10n adapt -m jp --format html-fragment --backend pseudo p.html
              l10n adapt -m br --tm tm.sqlite product.md   # reuse translations (exact and in-context matches)

            With --tm (or $L10N_TM), segments the memory holds (same adapted source: exact 100; same neighbours too: in-context 101) get its translation before the backend is asked; the report counts each document's segments and words by best match (in-context, exact, fuzzy 95-99/85-94/75-84, none). Every machine translation is stored in that memory too (origin mt:<backend>), so running again with the same --tm makes no call for sentences already translated.
            """)

    @Option(name: [.customShort("m"), .long], parsing: .singleValue, help: ArgumentHelp("Market id (br, de, jp, uk, us…; see `l10n markets list`) or its language tag (pt-BR, en-GB) or region code (gb). Repeat for several.", valueName: "id"))
    var market: [String]

    @Argument(help: ArgumentHelp("Markdown (.md) or HTML (.html) product pages.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Translation backend: none (targets left empty), pseudo, apertium…; see `l10n backends list`. Default: an online engine whose key is set, else Apertium offline where it has a route, else none.", valueName: "id"))
    var backend: String?

    @Option(name: .long, help: ArgumentHelp("The chosen backend's server (overrides DEEPL_SERVER_URL and the like).", valueName: "url"))
    var backendUrl: String?

    @Option(name: .long, help: ArgumentHelp("Read the backend's API key from this environment variable instead of its own (DEEPL_AUTH_KEY…).", valueName: "name"))
    var apiKeyEnv: String?

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for each answer of the chosen backend before retrying (overrides L10N_MT_TIMEOUT, and L10N_MT_COMMAND_TIMEOUT for `command`; default 60, 120 for `command`). Raise it for a local LLM on a CPU.", valueName: "seconds"))
    var backendTimeout: String?

    @Option(name: .long, help: ArgumentHelp("The model, for LLM backends (overrides OPENAI_MODEL).", valueName: "name"))
    var model: String?

    @Option(name: .long, help: ArgumentHelp("The program for the `command` backend, run with /bin/sh -c (overrides L10N_MT_COMMAND); see docs/command-backend.md.", valueName: "\"prog args\""))
    var command: String?

    @Option(name: [.customShort("o"), .customLong("out")], help: ArgumentHelp("Output folder (default: beside each input).", valueName: "dir"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Write the JSON report here.", valueName: "file.json"))
    var report: String?

    @Option(name: .long, help: ArgumentHelp("Write the HTML review page here: every segment side by side, adaptations marked, QA findings inline (with --qa), filters by market, kind and severity. Written document by document: memory follows one document, not the run.", valueName: "file.html"))
    var reportHtml: String?

    @Option(name: [.customShort("s"), .long], help: ArgumentHelp("The language of the input files.", valueName: "tag"))
    var sourceLanguage: LanguageTag = LanguageTag("en-US")!

    @Option(name: [.customShort("t"), .long], help: ArgumentHelp("Override the market's target language.", valueName: "tag"))
    var targetLanguage: LanguageTag?

    @Option(name: .long, help: ArgumentHelp("XLIFF version to write (1.2 for older CAT tools).", valueName: "version"))
    var xliffVersion: XLIFFVersion = .v2_1

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Outputs to write: document, xliff, html-fragment; repeat or separate with commas (default: document,xliff).", valueName: "formats"))
    var format: [String] = ["document,xliff"]

    /// The outputs `--format` names.
    var outputs: Set<LocalizationOptions.Output> {
        get throws {
            var set = Set<LocalizationOptions.Output>()
            for name in format.flatMap({ $0.split(separator: ",") }) {
                guard let output = LocalizationOptions.Output(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("unknown --format '\(name)'; use document, xliff or html-fragment")
                }
                set.insert(output)
            }
            return set
        }
    }

    @Flag(name: .long, help: "Keep the original units after converted ones: \"15,8 m (52 ft)\".")
    var keepOriginalUnits = false

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Product category for certification advice (electrical-safety, radio, food-contact, toys, pv-inverter…); repeatable. Default: inferred from the copy.", valueName: "category"))
    var category: [String] = []

    @Option(name: .long, help: ArgumentHelp("A folder of market YAML files that add to or override the built-in ones.", valueName: "dir"))
    var marketsDir: String?

    @Option(name: .long, help: ArgumentHelp("Exchange rates (CSV: from,to,rate,date, e.g. USD,BRL,5.43,2026-11-01; or YAML) to convert USD prices into the market's currency. Without it prices stay in USD.", valueName: "file"))
    var rates: String?

    @Flag(name: .long, help: "Keep raw HTML from Markdown in the html-fragment output (default: dropped, for safety).")
    var allowRawHTML = false

    @Flag(name: .long, help: "In the XLIFF, give segments nobody translated a copy of their source as target, marked not translated yet: for CAT tools such as OmegaT. Untouched copies merge as untranslated.")
    var prefillTargets = false

    @Flag(name: .long, help: "Run the quality checks (`l10n qa --list`) on the targets; findings go into the report, and an error-severity finding makes the exit code 1 (outputs are still written).")
    var qa = false

    @OptionGroup var segmentation: SegmentationOptions

    @OptionGroup var memory: MemoryOption

    @OptionGroup var glossary: GlossaryOption

    func validate() throws {
        if market.isEmpty { throw ValidationError("name at least one market with --market (see `l10n markets list`)") }
        _ = try outputs
    }

    func run() async throws {
        let configuration: Localizer.Configuration
        let markets: [MarketProfile]
        var exchangeRates: ExchangeRates?
        do {
            let catalog = try MarketCatalog.load(userDirectory: marketsDir)
            markets = try catalog.markets(market.flatMap { $0.split(separator: ",").map(String.init) })
            if let rates {
                let data = try InputFile.read(rates)
                exchangeRates = try ExchangeRates.parse(TextInput.decodeUTF8(data, file: rates), file: rates)
            }
            let registry = BackendRegistry.builtIn
            var options: [String: String] = [:]
            options["url"] = backendUrl
            options["model"] = model
            options["timeout"] = backendTimeout
            options["command"] = command
            let settings = BackendConfiguration(options: options, environment: ProcessInfo.processInfo.environment,
                                                secretVariable: apiKeyEnv)
            let translator = try backend.map { try registry.make($0, configuration: settings) } ?? registry.automatic(configuration: settings)
            // The memory serves twice: people's translations are leverage, and every machine
            // translation is kept in it so that a re-run pays for nothing (docs/batch.md).
            let store = try await memory.openIfGiven()
            let termbase = try glossary.termbase(sourceLanguage: sourceLanguage)
            configuration = Localizer.Configuration(
                segmentation: try segmentation.rules(), markets: catalog, backend: translator, memory: store.map { PeopleOnlyMemory(store: $0) },
                translationCache: store.map { MemoryTranslationCache(store: $0) }, checks: qa ? [QualityChecker.full(markets: catalog, glossary: termbase)] : [],
                glossary: termbase)
        } catch {
            throw ExitStatus.report(error)
        }
        let options = LocalizationOptions(
            outputs: try outputs, xliffVersion: xliffVersion, keepOriginalUnits: keepOriginalUnits,
            categories: Set(category), allowRawHTML: allowRawHTML, rates: exchangeRates, prefillTargets: prefillTargets)
        let localizer = Localizer(configuration)

        // Each output is staged (written to a temporary file) as soon as it is made, and so is
        // each document's part of the reports, so memory follows one document, not the run;
        // nothing becomes visible before the commit.
        let batch = OutputBatch()
        let reports: BatchReportWriter?
        do {
            reports = report == nil && reportHtml == nil ? nil
                : try BatchReportWriter(.init(json: report, html: reportHtml), target: { $0 }, reviewTitle: "l10n adapt review")
        } catch {
            throw ExitStatus.report(error)
        }
        var summaries: [String] = []
        var errorFindings = false
        var failures: [ExitCode] = []
        for file in files {
            do {
                let source = SourceDocument(bytes: try InputFile.read(file), name: file, language: sourceLanguage)
                let localization = try await localizer.localize(source, markets: markets, targetLanguage: targetLanguage, options: options)
                let ext = URL(fileURLWithPath: file).pathExtension
                for result in localization.results {
                    func place(_ data: Data?, _ ext: String) throws -> String? {
                        guard let data else { return nil }
                        let path = OutputNaming.path(OutputNaming.localizedFileName(for: file, language: result.targetLanguage.rawValue, extension: ext), besides: file, in: out)
                        if failures.isEmpty { try batch.stage(data, to: path) }
                        return path
                    }
                    var outputs = AdaptReport.Outputs()
                    outputs.document = try place(result.outputs.document, ext)
                    outputs.xliff = try place(result.outputs.xliff, "xlf")
                    outputs.htmlFragment = try place(result.outputs.htmlFragment, "fragment.html")
                    let entry = result.reportEntry(source: file, outputs: outputs)
                    errorFindings = errorFindings || entry.findings.contains { $0.severity == Severity.error.rawValue }
                    if failures.isEmpty {
                        try reports?.add(entry, review: reportHtml == nil ? []
                            : [QAReviewPage.Entry(file: file, market: result.market.id, document: result.document, findings: result.findings)])
                    }
                    summaries.append(AdaptSummary.text(file: file, result: result, outputs: outputs))
                }
            } catch {
                failures.append(ExitStatus.report(error))
            }
        }
        if let worst = ExitStatus.worst(failures) {
            batch.discard()
            reports?.discard()
            Console.note("nothing written: \(failures.count) of \(files.count) document(s) failed")
            throw worst
        }
        do {
            try reports?.finish()
            try batch.commit()
            try reports?.commit()
        } catch {
            batch.discard()
            reports?.discard()
            throw ExitStatus.report(error)
        }
        Console.out(summaries.joined(separator: "\n"))
        if let report { Console.out("report: \(report)") }
        if let reportHtml { Console.out("review page: \(reportHtml)") }
        if qa, errorFindings { throw ExitStatus.invalid }
    }
}
