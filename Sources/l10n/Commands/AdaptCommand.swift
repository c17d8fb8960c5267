import ArgumentParser
import Foundation
import L10nAdapt
import L10nCore
import L10nFormats
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
            """)

    @Option(name: [.customShort("m"), .long], parsing: .singleValue, help: ArgumentHelp("Market id (br, de, jp, uk, us…; see `l10n markets list`). Repeat for several.", valueName: "id"))
    var market: [String]

    @Argument(help: ArgumentHelp("Markdown (.md) or HTML (.html) product pages.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Translation backend: none (targets left empty) or pseudo.", valueName: "backend"))
    var backend: AdaptOptions.Backend = .none

    @Option(name: [.customShort("o"), .customLong("out")], help: ArgumentHelp("Output folder (default: beside each input).", valueName: "dir"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Write the JSON report here.", valueName: "file.json"))
    var report: String?

    @Option(name: [.customShort("s"), .long], help: ArgumentHelp("The language of the input files.", valueName: "tag"))
    var sourceLanguage: LanguageTag = LanguageTag("en-US")!

    @Option(name: [.customShort("t"), .long], help: ArgumentHelp("Override the market's target language.", valueName: "tag"))
    var targetLanguage: LanguageTag?

    @Option(name: .long, help: ArgumentHelp("XLIFF version to write (1.2 for older CAT tools).", valueName: "version"))
    var xliffVersion: XLIFFVersion = .v2_1

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Outputs to write: document, xliff, html-fragment; repeat or separate with commas (default: document,xliff).", valueName: "formats"))
    var format: [String] = ["document,xliff"]

    /// The outputs `--format` names.
    var outputs: Set<AdaptOptions.Output> {
        get throws {
            var set = Set<AdaptOptions.Output>()
            for name in format.flatMap({ $0.split(separator: ",") }) {
                guard let output = AdaptOptions.Output(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
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

    @OptionGroup var segmentation: SegmentationOptions

    func validate() throws {
        if market.isEmpty { throw ValidationError("name at least one market with --market (see `l10n markets list`)") }
        _ = try outputs
    }

    func run() async throws {
        let catalog: MarketCatalog
        let markets: [MarketProfile]
        do {
            catalog = try MarketCatalog.load(userDirectory: marketsDir)
            markets = try market.flatMap { $0.split(separator: ",").map(String.init) }.map { try catalog.market($0) }
        } catch {
            throw ExitStatus.report(error)
        }
        var exchangeRates: ExchangeRates?
        if let rates {
            do {
                let data = try InputFile.read(rates)
                exchangeRates = try ExchangeRates.parse(TextInput.decodeUTF8(data, file: rates), file: rates)
            } catch {
                throw ExitStatus.report(error)
            }
        }
        let options = AdaptOptions(
            backend: backend, outputs: try outputs, xliffVersion: xliffVersion, keepOriginalUnits: keepOriginalUnits,
            categories: Set(category), allowRawHTML: allowRawHTML, rates: exchangeRates)
        let adapter: Adapter
        do {
            adapter = Adapter(extractor: try Engine.extractor(srx: segmentation.srx, segment: !segmentation.noSegmentation),
                              merger: DocumentMerger(formats: Engine.formats))
        } catch {
            throw ExitStatus.report(error)
        }

        var entries: [AdaptReport.Entry] = []
        // Each output is staged (written to a temporary file) as soon as it is made, so memory
        // follows one document, not the batch; nothing becomes visible before the commit.
        let batch = OutputBatch()
        var summaries: [String] = []
        var failures: [ExitCode] = []
        for file in files {
            for market in markets {
                let target = targetLanguage ?? LanguageTag(market.language) ?? sourceLanguage
                do {
                    let outcome = try await adapter.adapt(path: file, market: market, sourceLanguage: sourceLanguage, targetLanguage: target, options: options)
                    let ext = URL(fileURLWithPath: file).pathExtension
                    var outputs = AdaptReport.Outputs()
                    func place(_ data: Data?, _ ext: String) throws -> String? {
                        guard let data else { return nil }
                        let path = OutputNaming.path(OutputNaming.localizedFileName(for: file, language: target.rawValue, extension: ext), besides: file, in: out)
                        if failures.isEmpty { try batch.stage(data, to: path) }
                        return path
                    }
                    outputs.document = try place(outcome.localized, ext)
                    outputs.xliff = try place(outcome.xliff, "xlf")
                    outputs.htmlFragment = try place(outcome.htmlFragment, "fragment.html")
                    entries.append(AdaptReport.Entry(
                        source: file, market: market.id, sourceLanguage: sourceLanguage.rawValue, targetLanguage: target.rawValue,
                        outputs: outputs, segments: outcome.document.segmentCount,
                        adaptations: outcome.adaptations.map(AdaptReport.ReportedAdaptation.init),
                        findings: outcome.findings.map(AdaptReport.ReportedFinding.init)))
                    summaries.append(AdaptSummary.text(file: file, market: market, target: target, outcome: outcome, outputs: outputs))
                } catch {
                    failures.append(ExitStatus.report(error))
                }
            }
        }
        if let worst = ExitStatus.worst(failures) {
            batch.discard()
            Console.note("nothing written: \(failures.count) of \(files.count * markets.count) document × market run(s) failed")
            throw worst
        }
        do {
            if let report { try batch.stage(AdaptReport(documents: entries).encoded(), to: report) }
            try batch.commit()
        } catch {
            batch.discard()
            throw ExitStatus.report(error)
        }
        Console.out(summaries.joined(separator: "\n"))
        if let report { Console.out("report: \(report)") }
    }
}

extension AdaptOptions.Backend: ExpressibleByArgument {}
