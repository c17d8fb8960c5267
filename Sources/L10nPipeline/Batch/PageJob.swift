import Foundation
import L10nCore

/// One source page of a batch, all its markets: skipped when its record says the outputs on disk
/// are what these inputs make, else localized into the files to write and its new record.
package struct PageJob: Sendable {
    package let source: String
    package let engine: BatchEngine
    /// The order the run's pages reserve sentences for machine translation in, and this page's
    /// place in it (its index in catalogue order): a sentence pages share is paid for by the first.
    package var order: ReservationOrder?
    package var index = 0

    package init(source: String, engine: BatchEngine, order: ReservationOrder? = nil, index: Int = 0) {
        self.source = source
        self.engine = engine
        self.order = order
        self.index = index
    }

    package enum Outcome: Sendable {
        /// Nothing changed since the last run: its record stands.
        case unchanged(PageRecord)
        /// Out of date (only asked in check mode), with the reason.
        case stale(String)
        /// Made again: the files to write (project-relative paths) and the record to keep.
        case made(files: [(path: String, data: Data)], record: PageRecord, reason: String)
        case failed(any Error)
    }

    package var recordPath: String {
        ProjectPaths.normalize(engine.configuration.state + "/" + source + ".json")
    }

    package func run(check: Bool, force: Bool) async -> Outcome {
        do {
            let bytes = try InputFile.read(ProjectPaths.resolve(source, in: engine.directory))
            var hash = ContentHash()
            hash.add("base", engine.baseFingerprint)
            hash.add("source", source)
            hash.add("bytes", bytes)
            let fingerprint = hash.finalize()
            let previous = PageRecord.load(ProjectPaths.resolve(recordPath, in: engine.directory))
            let reason: String
            if let previous {
                if previous.fingerprint != fingerprint {
                    reason = "the page, the project settings, the market data or the engine changed"
                } else if let stale = previous.staleOutput(in: engine.directory) {
                    reason = stale
                } else if !force {
                    return .unchanged(previous)
                } else {
                    reason = "--force"
                }
            } else {
                reason = "not localized yet"
            }
            if check { return .stale(reason) }
            return try await make(bytes, fingerprint: fingerprint, reason: reason)
        } catch {
            return .failed(error)
        }
    }

    private func make(_ bytes: Data, fingerprint: String, reason: String) async throws -> Outcome {
        let configuration = engine.configuration
        let ext = (source as NSString).pathExtension
        var options = engine.options
        options.outputs = engine.outputs(forExtension: ext)
        let language = LanguageTag(configuration.source.language) ?? LanguageTag("en-US")!
        var pipeline = engine.localizer.pipeline(options: options)
        if let order, let cache = engine.localizer.configuration.translationCache {
            pipeline.install(TranslateStage(backend: engine.localizer.configuration.backend,
                                            cache: OrderedTranslationCache(base: cache, order: order, page: index),
                                            sharing: engine.localizer.sharedRequests))
        }
        let localization = try await engine.localizer.run(pipeline, on: SourceDocument(bytes: bytes, name: source, language: language),
                                                          markets: engine.markets)
        let relative = ProjectPaths.relative(source, below: configuration.source.root) ?? source
        let pageSet = try engine.site?.pageSet(for: source)
        var files: [(path: String, data: Data)] = []
        var entries: [AdaptReport.Entry] = []
        for result in localization.results {
            var values = OutputPattern.Values(market: result.market.id, language: result.targetLanguage.rawValue, relativePath: relative)
            values.slug = configuration.site?.slugs[result.market.id]?[values.pageKey]
            func path(_ pattern: String?) -> String? { pattern.map { ProjectPaths.normalize(OutputPattern.expand($0, values)) } }
            let alternates = pageSet?.alternates ?? []
            var outputs = AdaptReport.Outputs()
            if let target = path(configuration.output.document), var document = result.outputs.document {
                // An HTML source's localized document is its served page: it gets the market's
                // lang and the alternates; a fragment (no head to carry them) becomes a whole page.
                if pageSet != nil, engine.site?.pagePattern(forExtension: ext) == configuration.output.document,
                   let html = String(data: document, encoding: .utf8) {
                    let language = result.targetLanguage.rawValue
                    document = Data((SiteHead.isWholePage(html)
                        ? SiteHead.decorate(html, language: language, alternates: alternates)
                        : FragmentSitePage.render(fragment: html, language: language, alternates: alternates)).utf8)
                }
                files.append((target, document))
                outputs.document = target
            }
            if let target = path(configuration.output.xliff), let xliff = result.outputs.xliff {
                files.append((target, xliff))
                outputs.xliff = target
            }
            if let target = path(configuration.output.htmlFragment), let fragment = result.outputs.htmlFragment {
                files.append((target, fragment))
                outputs.htmlFragment = target
            }
            if let pattern = engine.site?.site.markdownPages, ["md", "markdown"].contains(ext.lowercased()),
               let target = path(pattern), let fragment = result.outputs.htmlFragment.flatMap({ String(data: $0, encoding: .utf8) }) {
                files.append((target, Data(FragmentSitePage.render(fragment: fragment, language: result.targetLanguage.rawValue, alternates: alternates).utf8)))
            }
            entries.append(result.reportEntry(source: source, outputs: outputs))
        }
        let record = PageRecord(source: source, fingerprint: fingerprint,
                                outputs: files.map { .init(path: $0.path, sha256: ContentHash.of($0.data)) }, report: entries)
        return .made(files: files, record: record, reason: reason)
    }
}
