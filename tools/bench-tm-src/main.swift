// bench-tm: the translation memory at scale (a benchmark, not a test; see tools/bench-tm).
//
// Generates a deterministic bilingual corpus of product-copy-like sentences (Zipf-distributed
// vocabulary, families of near-identical sentences as catalogues have), writes it as TMX,
// imports it through the same path as `l10n tm import` (streaming TMX reader, transactional
// batches), then times lookups in process and checks the candidate index's recall: for a sample
// of queries, the best lookup score must equal the best a scan of every unit finds (≥ 75).
import Foundation
import L10nCore
import L10nMemory

struct Options {
    var units = 1_000_000
    var queries = 1000
    var recallSample = 50
    var seed: UInt64 = 1
    var work: String?
    /// Reuse the TMX and memory of an earlier run with the same size and seed (lookups only).
    var reuse = false

    init(_ arguments: [String]) {
        var i = 1
        func value() -> String {
            i += 1
            guard i < arguments.count else { fatalError("missing value for \(arguments[i - 1])") }
            return arguments[i]
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--units": units = Int(value())!
            case "--queries": queries = Int(value())!
            case "--recall-sample": recallSample = Int(value())!
            case "--seed": seed = UInt64(value())!
            case "--work": work = value()
            case "--reuse": reuse = true
            case "-h", "--help":
                print("usage: bench-tm [--units N] [--queries N] [--recall-sample N] [--seed N] [--work DIR] [--reuse]")
                exit(0)
            default: fatalError("unknown option \(arguments[i])")
            }
            i += 1
        }
    }
}

/// SplitMix64: the same corpus for the same seed on every machine.
struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// A vocabulary with Zipf-distributed frequencies: function words first, then generated words.
struct Vocabulary {
    let words: [String]
    private let cumulative: [Double]

    init(size: Int, random: inout Random) {
        let head = "the a with for and of to in on up per by from is are this that it includes fits delivers supports".split(separator: " ").map(String.init)
        let syllables = ["ka", "lo", "mi", "ne", "ra", "tu", "so", "vi", "de", "pa", "len", "tor", "mas", "ver", "quin", "dal", "ros", "bel", "fur", "gon"]
        var words = head
        var seen = Set(head)
        while words.count < size {
            var w = ""
            for _ in 0..<(2 + random.below(3)) { w += syllables[random.below(syllables.count)] }
            if seen.insert(w).inserted { words.append(w) }
        }
        self.words = words
        var total = 0.0
        cumulative = (1...size).map { total += 1 / Double($0); return total }
    }

    func pick(_ random: inout Random) -> String {
        let x = random.unit() * cumulative.last!
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return words[lo]
    }
}

func sentence(_ vocabulary: Vocabulary, _ random: inout Random) -> [String] {
    var words = (0..<(5 + random.below(14))).map { _ in vocabulary.pick(&random) }
    if random.below(3) == 0 { words.insert(String(1 + random.below(500)), at: random.below(words.count)) }
    return words
}

func mutate(_ words: [String], _ vocabulary: Vocabulary, _ random: inout Random, edits: Int) -> [String] {
    var w = words
    for _ in 0..<edits {
        switch random.below(3) {
        case 0: w[random.below(w.count)] = vocabulary.pick(&random)
        case 1: w.insert(vocabulary.pick(&random), at: random.below(w.count + 1))
        default: if w.count > 3 { w.remove(at: random.below(w.count)) }
        }
    }
    return w
}

func text(_ words: [String]) -> String {
    guard let first = words.first else { return "" }
    return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ") + "."
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let options = Options(CommandLine.arguments)
let work = options.work.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory.appendingPathComponent("bench-tm-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
let en = LanguageTag("en-US")!, pt = LanguageTag("pt-BR")!
var random = Random(state: options.seed)
let vocabulary = Vocabulary(size: 30_000, random: &random)

// 1. Corpus → TMX.
let tmx = work.appendingPathComponent("corpus-\(options.units).tmx").path
var sources: [[String]] = []
sources.reserveCapacity(options.units)
let database = work.appendingPathComponent("memory-\(options.units).sqlite").path
let reusing = options.reuse && FileManager.default.fileExists(atPath: database)
let writeTime = try await seconds {
    let writer = try TMXWriter(path: reusing ? work.appendingPathComponent("discard.tmx").path : tmx, sourceLanguage: en)
    while sources.count < options.units {
        let base = sentence(vocabulary, &random)
        let family = [base] + (0..<random.below(3)).map { _ in mutate(base, vocabulary, &random, edits: 1 + random.below(2)) }
        for words in family where sources.count < options.units {
            let n = sources.count
            sources.append(words)
            if reusing { continue }
            try writer.write(TranslationUnit(source: Content(text: text(words)), target: Content(text: "pt " + text(words) + " \(n)"),
                                             sourceLanguage: en, targetLanguage: pt))
        }
    }
    try writer.finish()
}
let tmxBytes = (try? FileManager.default.attributesOfItem(atPath: tmx)[.size] as? NSNumber)?.intValue ?? 0
print(String(format: "corpus: %d units, TMX %.0f MB written in %.1f s", options.units, Double(tmxBytes) / 1_048_576, writeTime))

// 2. Import, as `l10n tm import` does (its default batches of 10,000 units).
let store: SQLiteMemoryStore
if reusing {
    store = try SQLiteMemoryStore(path: database, create: false)
    print("import: reusing \(database)")
} else {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
    store = try SQLiteMemoryStore(path: database)
    var summary = ImportSummary(file: tmx)
    let importTime = try await seconds { summary = try await MemoryImporter(store: store).importTMX(at: URL(fileURLWithPath: tmx)) }
    let dbBytes = (try FileManager.default.attributesOfItem(atPath: database)[.size] as? NSNumber)?.intValue ?? 0
    print(String(format: "import: %d units in %.1f s = %.0f units/s; database %.0f MB", summary.added, importTime,
                 Double(summary.added) / importTime, Double(dbBytes) / 1_048_576))
}

// 3. Lookups: near-duplicates of stored sentences (most have a fuzzy or exact match) and new ones.
var queries: [Content] = []
for i in 0..<options.queries {
    let base = sources[random.below(sources.count)]
    let words = i % 10 == 9 ? sentence(vocabulary, &random) : mutate(base, vocabulary, &random, edits: random.below(4))
    queries.append(Content(text: text(words)))
}
var latencies: [Double] = []
var best: [Int?] = []
for query in queries {
    var result: [MemoryCandidate] = []
    let t = try await seconds { result = try await store.lookup(MemoryQuery(source: query, sourceLanguage: en, targetLanguage: pt), limit: 5, threshold: 75) }
    latencies.append(t * 1000)
    best.append(result.first?.score)
}
latencies.sort()
if !latencies.isEmpty {
print(String(format: "lookup (in process, top 5, threshold 75): p50 %.2f ms, p99 %.2f ms, max %.2f ms; %d of %d queries matched",
             percentile(latencies, 0.5), percentile(latencies, 0.99), latencies.last!, best.compactMap { $0 }.count, queries.count))
}  // --queries 0: import only (as for `tools/callgrind`)

// 4. Recall against brute force on a sample: one pass over every stored unit.
let sample = Array(queries.prefix(options.recallSample))
let sampleTexts = sample.map { MatchText($0, language: en) }
/// The best score of each sample query over every stored unit (nonisolated, like the store's scan).
func bruteForceBest(_ store: SQLiteMemoryStore, _ sample: [Content], _ sampleTexts: [MatchText]) async throws -> [Int] {
    var best = [Int](repeating: 0, count: sample.count)
    try await store.forEachUnit(sourceLanguage: en, targetLanguage: pt) { unit in
        let stored = MatchText(unit.source, language: en)
        for (i, q) in sampleTexts.enumerated() {
            // Exact pruning: a length ratio below 0.75 cannot score 75.
            let (a, b) = (q.words.count, stored.words.count)
            guard 4 * min(a, b) >= 3 * max(a, b) else { continue }
            let s = MatchScorer.score(query: sample[i], queryText: q, stored: unit.source, storedText: stored,
                                      storedTarget: unit.target, sameContext: false).score
            if s > best[i] { best[i] = s }
        }
    }
    return best
}
var bruteBest = [Int](repeating: 0, count: sample.count)
let bruteTime = sample.isEmpty ? 0 : try await seconds { bruteBest = try await bruteForceBest(store, sample, sampleTexts) }
var expected = 0, found = 0
for (i, brute) in bruteBest.enumerated() where brute >= 75 {
    expected += 1
    if best[i] == brute { found += 1 }
}
print(String(format: "recall: %d of %d sampled queries with a brute-force best ≥ 75 got that score from the index (%.1f%%); scan took %.0f s",
             found, expected, expected == 0 ? 100 : 100 * Double(found) / Double(expected), bruteTime))
