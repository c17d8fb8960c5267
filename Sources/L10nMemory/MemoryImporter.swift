import Foundation
import L10nCore
import L10nFormats

/// Fills a store from files: TMX (streamed, stored in transactional batches) and translated
/// XLIFF 2.x or 1.2 (through the XLIFF readers of L10nFormats).
public struct MemoryImporter: Sendable {
    /// Which XLIFF segments are worth keeping.
    public enum XLIFFSelection: Sendable {
        /// `translated`, `reviewed` or `final` targets (`tm import`).
        case translated
        /// Only `reviewed` and `final` targets: what a translator approved (`tm learn`).
        case reviewed
    }

    public var store: any MemoryStore
    /// Units per transaction: a crash loses at most one batch and never half a unit. 10,000 by
    /// default: the candidate index is written once per distinct word of a batch, so small
    /// batches rewrite the same posting blocks many times (`tools/bench-tm` imports this way).
    public var batchSize: Int
    public var project: String?
    public var market: String?
    /// For TMX with `srclang="*all*"`: the language to treat as the source (else every pair).
    public var sourceLanguage: LanguageTag?

    public init(store: any MemoryStore, batchSize: Int = 10_000, project: String? = nil, market: String? = nil, sourceLanguage: LanguageTag? = nil) {
        self.store = store
        self.batchSize = batchSize
        self.project = project
        self.market = market
        self.sourceLanguage = sourceLanguage
    }

    /// Imports by extension: `.tmx`, or `.xlf`/`.xliff`/`.xlf2`.
    public func importFile(at url: URL, selection: XLIFFSelection = .translated) async throws -> ImportSummary {
        switch url.pathExtension.lowercased() {
        case "tmx": return try await importTMX(at: url)
        case "xlf", "xliff", "xlf2", "sdlxliff": return try await importXLIFF(at: url, selection: selection)
        default:
            throw FormatError(.unsupported, "cannot import '.\(url.pathExtension)' into a translation memory: give a .tmx or .xlf file",
                              at: SourceLocation(file: url.path))
        }
    }

    /// What the reader thread hands the store: records when the store takes them (built on the
    /// reader's thread, beside the parse), else units.
    private enum Batch: Sendable {
        case units([TranslationUnit])
        case records([UnitRecord])

        var count: Int {
            switch self {
            case .units(let u): u.count
            case .records(let r): r.count
            }
        }
    }

    /// Reads the TMX on a thread of its own (its parser calls back synchronously) and stores each
    /// batch as it comes, at most two batches ahead of the store. For a store that takes records,
    /// a second thread turns the reader's units into the rows the store writes (``UnitRecord``:
    /// word breaking, keys, stored forms): parsing, building and writing each take a core's
    /// share, where building on the reader's thread left that thread the slowest of two.
    public func importTMX(at url: URL) async throws -> ImportSummary {
        var summary = ImportSummary(file: url.path)
        let handoff = BatchHandoff<Batch, TMXReader.Report>()
        let (batchSize, project, market, sourceLanguage) = (self.batchSize, self.project, self.market, self.sourceLanguage)
        let recordStore = store as? any RecordStore
        let buildsRecords = recordStore != nil
        try await recordStore?.beginBulkImport()
        /// Reads the file, handing `send` its units a batch at a time.
        @Sendable func read(_ send: ([TranslationUnit]) throws -> Void) throws -> TMXReader.Report {
            var pending: [TranslationUnit] = []
            let report = try TMXReader().read(contentsOf: url) { tu in
                for var unit in tu.translationUnits(preferredSource: sourceLanguage) {
                    if unit.project == nil { unit.project = project }
                    if unit.market == nil { unit.market = market }
                    pending.append(unit)
                }
                if pending.count >= batchSize {
                    try send(pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
            try send(pending)
            return report
        }
        handoff.start { handoff in
            guard buildsRecords else { return try read { try handoff.send(.units($0)) } }
            let pipe = BatchPipe<[TranslationUnit], TMXReader.Report>()
            let reader = Thread { pipe.finish(Result { try read { try pipe.put($0) } }) }
            reader.stackSize = 8 << 20
            reader.start()
            do {
                while let units = try pipe.take() { try handoff.send(.records(units.map { UnitRecord($0) })) }
                return try pipe.result()
            } catch {
                pipe.close()
                throw error
            }
        }
        do {
            for try await item in handoff.items {
                switch item {
                case .batch(let batch):
                    // Stopped (Ctrl-C): the batches written so far stay, the rest is not read.
                    try Task.checkCancellation()
                    let added: Int
                    switch batch {
                    case .units(let units): added = try await store.add(units)
                    case .records(let records): added = try await recordStore!.add(records: records)
                    }
                    summary.added += added
                    summary.updated += batch.count - added
                    handoff.consumed()
                case .done(let report):
                    summary.read = report.units
                    summary.skipped = report.skipped.map { ImportSummary.Skipped(line: $0.line, reason: $0.reason) }
                }
            }
            // A cancelled stream ends without an error: an import cut short is not a whole one.
            try Task.checkCancellation()
        } catch {
            handoff.stop()
            try? await recordStore?.endBulkImport()
            throw error
        }
        try await recordStore?.endBulkImport()
        return summary
    }

    private func add(_ batch: [TranslationUnit], to summary: inout ImportSummary) async throws {
        try Task.checkCancellation()
        let added = try await store.add(batch)
        summary.added += added
        summary.updated += batch.count - added
    }

    public func importXLIFF(at url: URL, selection: XLIFFSelection) async throws -> ImportSummary {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw FormatError(.malformed, "cannot read the file: \(error.localizedDescription)", at: SourceLocation(file: url.path))
        }
        var summary = ImportSummary(file: url.path)
        var units: [TranslationUnit] = []
        for document in try XLIFFReader().read(data, file: url.path) {
            units += Self.units(of: document, selection: selection, project: project, market: market, skipped: &summary.skipped)
        }
        summary.read = units.count
        for start in stride(from: 0, to: units.count, by: batchSize) {
            try await add(Array(units[start..<min(start + batchSize, units.count)]), to: &summary)
        }
        return summary
    }

    /// The stored units of one translated document: its selected segments with their neighbours.
    public static func units(of document: Document, selection: XLIFFSelection, project: String? = nil, market: String? = nil,
                             skipped: inout [ImportSummary.Skipped]) -> [TranslationUnit] {
        guard let sourceLanguage = LanguageTag(document.sourceLanguage) else {
            skipped.append(.init(line: nil, reason: "\(document.original): source language '\(document.sourceLanguage)' is not a language tag"))
            return []
        }
        guard let targetLanguage = document.targetLanguage.flatMap(LanguageTag.init) else {
            skipped.append(.init(line: nil, reason: "\(document.original): no usable target language"))
            return []
        }
        // Units nobody translates (`translate="no"`) are no memory's business.
        let segments = document.units.filter(\.translate).flatMap { $0.segments.filter { !$0.isIgnorable } }
        var units: [TranslationUnit] = []
        for (i, segment) in segments.enumerated() {
            guard let target = segment.target, !target.isBlank, segment.isTranslated else { continue }
            let state = segment.state ?? .initial
            switch selection {
            case .translated: guard state != .initial else { continue }
            case .reviewed: guard state == .reviewed || state == .final else { continue }
            }
            units.append(TranslationUnit(
                source: segment.source, target: target, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                previous: i > 0 ? segments[i - 1].source : nil, next: i + 1 < segments.count ? segments[i + 1].source : nil,
                document: document.original, origin: MemoryOrigin(state: segment.state, provenance: segment.provenance),
                project: project, market: market))
        }
        return units
    }
}
