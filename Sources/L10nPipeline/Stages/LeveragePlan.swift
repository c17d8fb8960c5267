import L10nCore

/// The leverage stage's work on one document, split around the memory's answer so that an async
/// stage and a synchronous caller (`extract --tm`) share it: the queries (each translatable
/// segment without a target, with its neighbours), then the matches applied.
struct LeveragePlan {
    private var positions: [(unit: Int, segment: Int)] = []
    private var asked: [Int] = []
    private(set) var queries: [MemoryQuery] = []
    let sourceLanguage: LanguageTag

    init?(_ document: Document, targetLanguage: LanguageTag, market: String?) {
        guard let sourceLanguage = LanguageTag(document.sourceLanguage) else { return nil }
        self.sourceLanguage = sourceLanguage
        // Units nobody translates (figures alone) are neither looked up nor anyone's neighbours.
        for (u, unit) in document.units.enumerated() where unit.translate {
            for (s, segment) in unit.segments.enumerated() where !segment.isIgnorable { positions.append((u, s)) }
        }
        func source(_ i: Int) -> Content? {
            guard positions.indices.contains(i) else { return nil }
            return document.units[positions[i].unit].segments[positions[i].segment].source
        }
        for (i, p) in positions.enumerated() where document.units[p.unit].segments[p.segment].target == nil {
            asked.append(i)
            queries.append(MemoryQuery(source: source(i)!, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                       previous: source(i - 1), next: source(i + 1), market: market))
        }
    }

    /// The quality to ask the memory for: low enough to count the fuzzy bands.
    static func askedQuality(_ minimumQuality: Int) -> Int { min(minimumQuality, LeverageCounts.lowestBand) }

    /// How many matches below the fill quality a segment offers its translator (OmegaT and
    /// Trados show a handful; more is noise in a review file).
    static let candidateLimit = 3

    /// Fills the targets of matches at or above `minimumQuality` (state `translated`, provenance
    /// `tm` with the quality) and counts every asked segment; where the best match is below it,
    /// up to ``candidateLimit`` matches are offered as translation candidates instead.
    func apply(_ matches: [[MemoryMatch]], to document: inout Document, minimumQuality: Int, file: String) throws -> LeverageCounts {
        guard matches.count == queries.count else {
            throw PipelineError(.misassembled, "the translation memory answered \(matches.count) of \(queries.count) lookups", file: file)
        }
        var counts = LeverageCounts()
        for ((i, found), query) in zip(zip(asked, matches), queries) {
            let best = found.first
            counts.count(quality: best?.quality, source: query.source, language: sourceLanguage)
            guard let best else { continue }
            let p = positions[i]
            guard best.quality >= minimumQuality else {
                // Below what fills a target: offered to the translator, each with the source it is of.
                let segment = document.units[p.unit].segments[p.segment].id
                for match in found.prefix(Self.candidateLimit) {
                    guard let source = match.matchedSource, let target = match.matchedTarget else { continue }
                    var origin = Provenance(origin: .memory, matchQuality: match.quality).token
                    if case .machine = match.origin { origin = Provenance(origin: match.origin).token }
                    document.units[p.unit].candidates.append(
                        TranslationCandidate(segment: segment, source: source, target: target, similarity: match.quality, origin: origin))
                }
                continue
            }
            document.units[p.unit].segments[p.segment].target = best.target
            document.units[p.unit].segments[p.segment].state = .translated
            document.units[p.unit].segments[p.segment].provenance = Provenance(origin: .memory, matchQuality: best.quality)
            counts.filled += 1
        }
        return counts
    }
}
