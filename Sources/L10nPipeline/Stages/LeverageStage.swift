import L10nCore

/// Fills targets from a translation memory before anything is machine-translated: exact (100)
/// and in-context (101) matches, or fuzzy ones when ``minimumQuality`` allows. Each filled
/// target records its provenance (`tm`, with the match quality).
public struct LeverageStage: PipelineStage {
    public var memory: any TranslationMemory
    public var minimumQuality: Int
    public var name: StageName { .leverage }

    public init(memory: any TranslationMemory, minimumQuality: Int = 100) {
        self.memory = memory
        self.minimumQuality = minimumQuality
    }

    public func run(_ job: inout LocalizationJob) async throws {
        var document = try job.requireDocument(for: .leverage)
        guard let sourceLanguage = LanguageTag(document.sourceLanguage) else { return }
        // The translatable segments in document order, for the neighbours of in-context matches.
        var positions: [(unit: Int, segment: Int)] = []
        for (u, unit) in document.units.enumerated() {
            for (s, segment) in unit.segments.enumerated() where !segment.isIgnorable { positions.append((u, s)) }
        }
        func source(_ i: Int) -> Content? {
            guard positions.indices.contains(i) else { return nil }
            return document.units[positions[i].unit].segments[positions[i].segment].source
        }
        var asked: [Int] = []
        var queries: [MemoryQuery] = []
        for (i, p) in positions.enumerated() where document.units[p.unit].segments[p.segment].target == nil {
            asked.append(i)
            queries.append(MemoryQuery(source: source(i)!, sourceLanguage: sourceLanguage, targetLanguage: job.targetLanguage,
                                       previous: source(i - 1), next: source(i + 1), market: job.market?.id))
        }
        guard !queries.isEmpty else { return }
        try Task.checkCancellation()
        let matches = try await memory.bestMatches(for: queries, minimumQuality: minimumQuality)
        guard matches.count == queries.count else {
            throw PipelineError(.misassembled, "the translation memory answered \(matches.count) of \(queries.count) lookups", file: job.source.name)
        }
        for (i, match) in zip(asked, matches) {
            guard let match, match.quality >= minimumQuality else { continue }
            let p = positions[i]
            document.units[p.unit].segments[p.segment].target = match.target
            document.units[p.unit].segments[p.segment].state = .translated
            document.units[p.unit].segments[p.segment].provenance = Provenance(origin: .memory, matchQuality: match.quality)
        }
        job.document = document
    }
}
