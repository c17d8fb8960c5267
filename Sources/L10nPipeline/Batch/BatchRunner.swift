import Foundation
import L10nCore

/// `l10n batch`: brings every page of a project up to date for every market.
///
/// Pages are worked on in parallel (`jobs`) and delivered in catalogue order, so messages,
/// reports and outputs never depend on timing. Every output and page record is staged and
/// renamed into place only when the whole run succeeded: a failed run changes no file (machine
/// translations it paid for are in the memory already, so the next run does not pay again).
/// Each delivered page goes to disk at once — its outputs staged, its part of the whole-run
/// reports written (``BatchReportWriter``) — so memory holds the pages in flight and the run's
/// counts, not the catalogue.
package struct BatchRunner: Sendable {
    package let configuration: ProjectConfiguration
    /// The project folder: paths in the project file are relative to it.
    package let directory: String
    /// The project file as the user named it, for messages.
    package let file: String

    package struct Options: Sendable {
        package var shard: BatchShard?
        /// Change nothing; report pages whose outputs are out of date.
        package var check = false
        /// Make every page again, even unchanged ones.
        package var force = false
        package var jobs = OrderedWork.defaultJobs

        package init(shard: BatchShard? = nil, check: Bool = false, force: Bool = false, jobs: Int = OrderedWork.defaultJobs) {
            self.shard = shard
            self.check = check
            self.force = force
            self.jobs = jobs
        }
    }

    /// What the terminal shows as the run goes.
    package enum Event: Sendable {
        case started(pages: Int, markets: [String], inOtherShards: Int)
        case page(done: Int, of: Int, source: String, outcome: String)
    }

    package init(configuration: ProjectConfiguration, directory: String, file: String) {
        self.configuration = configuration
        self.directory = directory
        self.file = file
    }

    /// Reads the project file at `path`; the project folder is the file's folder.
    package static func load(_ path: String) throws -> BatchRunner {
        let data = try InputFile.read(path)
        let configuration = try ProjectConfiguration.decode(data, file: path)
        let folder = (path as NSString).deletingLastPathComponent
        return BatchRunner(configuration: configuration, directory: folder.isEmpty ? "." : folder, file: path)
    }

    /// Every source page of the project (project-relative, sorted): the whole catalogue, before sharding.
    package func sources() -> [String] {
        SourceGlob.files(in: directory, include: configuration.source.include.map(SourceGlob.init),
                         exclude: configuration.source.exclude.map(SourceGlob.init))
    }

    package func run(_ options: Options, environment: [String: String] = ProcessInfo.processInfo.environment,
                     events: @escaping @Sendable (Event) -> Void = { _ in }) async throws -> BatchResult {
        let memory = try await BatchEngine.openMemory(configuration, directory: directory, environment: environment)
        let engine = try BatchEngine(configuration, directory: directory, file: file, environment: environment, memory: memory)
        let all = sources()
        guard !all.isEmpty else {
            throw ProjectConfigurationError(file: file, keyPath: "source.include", message: "matches no file below \(directory == "." ? "the project folder" : directory)")
        }
        let mine = options.shard.map { shard in all.filter(shard.contains) } ?? all
        events(.started(pages: mine.count, markets: configuration.markets, inOtherShards: all.count - mine.count))

        var result = BatchResult(markets: configuration.markets, check: options.check)
        result.glossarySkipped = engine.glossarySkipped
        // The reports' files first (a report that cannot be written fails the run before any
        // page is made), so their folders are made before the outputs': on failure the outputs
        // are discarded first, then the reports, and every folder the run made goes again.
        let reports = options.check ? nil : try openReports(shard: options.shard)
        let batch = OutputBatch()
        func discard() {
            batch.discard()
            reports?.discard()
        }
        var failures: [any Error] = []
        // Pages in flight reserve sentences in catalogue order, per target language (the language
        // each market's pages are translated into, as the localizer picks it).
        let sourceLanguage = LanguageTag(configuration.source.language) ?? LanguageTag("en-US")!
        let order = ReservationOrder(lanes: Dictionary(engine.markets.map { ($0.id, (LanguageTag($0.language) ?? sourceLanguage).rawValue) },
                                                       uniquingKeysWith: { first, _ in first }))
        let jobs = mine.enumerated().map { PageJob(source: $1, engine: engine, order: order, index: $0) }
        do {
            try await OrderedWork.run(jobs, jobs: options.jobs, weight: { outcome in
                if case .made(let files, _, _) = outcome { return files.reduce(0) { $0 + $1.data.count } }
                return 0
            }, work: { (job: PageJob) -> PageJob.Outcome in
                let outcome = await job.run(check: options.check, force: options.force)
                // Done, whatever the outcome: no later page waits for its reservations.
                await order.finish(page: job.index)
                return outcome
            }) { index, outcome in
                let source = jobs[index].source
                var said: String
                switch outcome {
                case .unchanged(let record):
                    result.add(record.report, made: false)
                    if failures.isEmpty, let reports {
                        // Its outputs on disk are the ones its record lists (that is why it is unchanged).
                        try reports.add(record.report) { FileManager.default.contents(atPath: ProjectPaths.resolve($0, in: directory)) }
                    }
                    said = "unchanged"
                case .stale(let reason):
                    result.stale.append(.init(path: source, reason: reason))
                    said = "out of date: \(reason)"
                case .made(let files, let record, let reason):
                    if failures.isEmpty {
                        for file in files { try batch.stage(file.data, to: ProjectPaths.resolve(file.path, in: directory)) }
                        try batch.stage(try record.encoded(), to: ProjectPaths.resolve(jobs[index].recordPath, in: directory))
                        // Its outputs are the files just staged: what will be on disk after the run.
                        try reports?.add(record.report) { path in files.first { $0.path == path }?.data }
                    }
                    result.add(record.report, made: true)
                    result.filesWritten += files.count
                    said = "localized (\(reason))"
                case .failed(let error):
                    failures.append(error)
                    said = "failed: \(error)"
                }
                events(.page(done: index + 1, of: jobs.count, source: source, outcome: said))
            }
            if !failures.isEmpty { throw BatchFailure(errors: failures, pages: jobs.count) }
            prune(sources: all, shard: options.shard, check: options.check, batch: batch, result: &result)
            try writeSiteMap(engine, sources: all, check: options.check, batch: batch, result: &result)
            guard !options.check else {
                discard()
                return result
            }
            // The reports are complete before anything is renamed into place.
            try reports?.finish()
        } catch {
            discard()
            throw error
        }
        do { try batch.commit() } catch { discard(); throw error }
        do { try reports?.commit() } catch { reports?.discard(); throw error }
        return result
    }

    /// Outputs of pages that left the project go, with their records — except an output changed
    /// since it was written, which is somebody's work: it stays, and the run says so.
    private func prune(sources: [String], shard: BatchShard?, check: Bool, batch: OutputBatch, result: inout BatchResult) {
        for (path, record) in OrphanRecords.find(stateFolder: configuration.state, directory: directory, sources: sources, shard: shard) {
            if check {
                result.stale.append(.init(path: record.source, reason: "left the project, but its outputs are still here"))
                continue
            }
            for output in record.outputs {
                let target = ProjectPaths.resolve(output.path, in: directory)
                guard let data = FileManager.default.contents(atPath: target) else { continue }
                if ContentHash.of(data) == output.sha256 {
                    batch.stageRemoval(of: target)
                    result.removed.append(output.path)
                } else {
                    result.keptChanged.append(output.path)
                }
            }
            batch.stageRemoval(of: ProjectPaths.resolve(path, in: directory))
            result.pagesRemoved += 1
        }
    }

    private func writeSiteMap(_ engine: BatchEngine, sources: [String], check: Bool, batch: OutputBatch, result: inout BatchResult) throws {
        guard let site = engine.site, let sitemap = site.site.sitemap else { return }
        let sets = try sources.compactMap { try site.pageSet(for: $0) }
        let xml = Data(try SitemapWriter.write(sets, file: sitemap).utf8)
        let target = ProjectPaths.resolve(sitemap, in: directory)
        if FileManager.default.contents(atPath: target) == xml { return }
        if check {
            result.stale.append(.init(path: sitemap, reason: FileManager.default.fileExists(atPath: target) ? "differs from the catalogue's" : "is missing"))
        } else {
            try batch.stage(xml, to: target)
            result.filesWritten += 1
        }
    }

    /// The whole run's reports, written as the pages come (the shard's pages in a sharded run,
    /// in files named for the shard); nil when the project asks for none.
    private func openReports(shard: BatchShard?) throws -> BatchReportWriter? {
        let reports = configuration.reports
        guard [reports.json, reports.junit, reports.sarif, reports.html].contains(where: { $0 != nil }) else { return nil }
        return try BatchReportWriter(reports) { path in
            guard let shard else { return ProjectPaths.resolve(path, in: directory) }
            let ext = (path as NSString).pathExtension
            let stem = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
            return ProjectPaths.resolve("\(stem).shard-\(shard.index)-of-\(shard.count)" + (ext.isEmpty ? "" : ".\(ext)"), in: directory)
        }
    }
}

/// One or more pages could not be localized: nothing was written.
package struct BatchFailure: L10nError {
    package var errors: [any Error]
    package var pages: Int

    package var description: String {
        "\(errors.count) of \(pages) page(s) failed; nothing was written"
    }

    /// The most severe of the pages' own categories.
    package var exitCategory: ExitCategory {
        ExitCategory.worst(errors.map { ($0 as? any L10nError)?.exitCategory ?? .software }) ?? .software
    }
}
