import Foundation

/// The industry conventions l10n knows (bundled `Resources/Conventions/*.yaml`, plus or
/// overridden by `<markets-dir>/conventions/`), and the one place rules ask what to leave alone.
///
/// Two questions, both answered from data:
/// - ``keeping(_:in:market:)``: does a quantity keep its unit here ("27.5 in wheels",
///   "50 mm lens", "a 2-ton heat pump")? Entries with `units` answer by cue words around it.
/// - ``codeSpans(in:market:)``: which spans are codes or names that no rule may touch
///   ("UL 94 V-0", "225/45 R17 94W", "G 1/2", "29er")? Entries with a `pattern` answer; the
///   engine drops every change and advisory that overlaps one.
///
/// Cue words are compiled once, at load, into the same two windows for every entry (a few
/// words after the quantity; a few characters before it in the same clause, never across a
/// line break, so a table row's header does not leak into the next row).
public struct Conventions: Hashable, Sendable {
    public private(set) var entries: [Convention]
    /// Entry id → the file it came from (`conventions/bicycles.yaml` for a bundled one, the path
    /// for one from `--markets-dir`), for notes, `kept` entries and errors.
    public private(set) var files: [String: String]
    private let matchers: [Matcher]
    /// Where each entry's `pattern` matches (UTF-8 offsets; empty when its topic is absent), by
    /// text and matcher: the same for every market, which only picks the entries it keeps.
    private let patternHits = TextMemo<[[Range<Int>]?]>()
    /// Whether each entry's cues hold around a quantity (nil: not asked yet), by text and
    /// quantity: the same for every market, which only picks the entries it keeps.
    private let cueHits = TextMemo<[QuantityKey: [Bool?]]>()

    /// An entry's compiled form.
    private struct Matcher: Sendable {
        let entry: Int
        let units: Set<String>
        let values: Set<Double>
        let after: LazyExpression?
        let before: LazyExpression?
        let pattern: LazyExpression?
        /// One of the entry's `topic` words anywhere in the text.
        let topic: LazyExpression?
    }

    public static let empty = Conventions(compiled: [], files: [:], matchers: [])

    /// The bundled conventions; empty only if the build lost them (a test checks they load).
    public static let bundled: Conventions = (try? load(userDirectory: nil)) ?? .empty

    private init(compiled entries: [Convention], files: [String: String], matchers: [Matcher]) {
        self.entries = entries
        self.files = files
        self.matchers = matchers
    }

    /// Compiles `entries` (in order); `origin(i)` names file and index for errors. The
    /// expressions of entries for which `checked(i)` is true (the bundled files, which the tests
    /// compile: ``compileAll()``) are compiled when first used; the others now.
    init(entries: [Convention], files: [String: String], origin: (Int) -> (file: String, index: Int), checked: (Int) -> Bool = { _ in false }) throws {
        var matchers: [Matcher] = []
        for (i, e) in entries.enumerated() {
            let (file, index) = origin(i)
            let lazy = checked(i)
            func compile(_ pattern: String, key: String, options: NSRegularExpression.Options) throws -> LazyExpression {
                if lazy { return LazyExpression(pattern: pattern, options: options) }
                do { return try LazyExpression(compiling: pattern, options: options) } catch {
                    throw MarketDataError(file: file, keyPath: "entries[\(index)].\(key)", message: "is not a valid regular expression: \(pattern)")
                }
            }
            let after = try e.after.map { try compile(Self.afterPattern($0, gap: e.gap ?? 2), key: "after", options: .caseInsensitive) }
            let before = try e.before.map { try compile(Self.beforePattern($0, within: e.within ?? 20), key: "before", options: .caseInsensitive) }
            let pattern = try e.pattern.map { try compile($0, key: "pattern", options: []) }
            let topic = try e.topic.map { try compile(Self.topicPattern($0), key: "topic", options: .caseInsensitive) }
            matchers.append(Matcher(entry: i, units: Set(e.units ?? []), values: Set(e.values ?? []), after: after, before: before, pattern: pattern, topic: topic))
        }
        self.init(compiled: entries, files: files, matchers: matchers)
    }

    /// Compiles every expression now; throws naming the file and key of the first that does not
    /// compile (the test that checks the bundled files calls it).
    func compileAll() throws {
        for m in matchers {
            for (key, lazy) in [("after", m.after), ("before", m.before), ("pattern", m.pattern), ("topic", m.topic)] {
                guard let lazy, lazy.expression == nil else { continue }
                throw MarketDataError(file: files[entries[m.entry].id] ?? "", keyPath: "\(entries[m.entry].id).\(key)", message: "is not a valid regular expression: \(lazy.pattern)")
            }
        }
    }

    public static func == (a: Conventions, b: Conventions) -> Bool { a.entries == b.entries && a.files == b.files }
    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }

    public func entry(_ id: String) -> Convention? { entries.first { $0.id == id } }

    // MARK: questions

    /// The entry that keeps `e` as written in `market`, if any: one for its unit whose cue words
    /// surround it (codes are ``codeSpans(in:market:)``). Any kept match wins over one the
    /// market does not keep (a false conversion costs more than a missed one).
    func keeping(_ e: QuantityExpression, in text: String, market: MarketProfile) -> Convention? {
        let key = QuantityKey(e)
        let known = cueHits.value(for: text)
        var holds = known?[key] ?? Array(repeating: nil, count: matchers.count)
        var learned = false
        var windows: (after: String?, before: String?) = (nil, nil)
        defer {
            if learned {
                var updated = known ?? [:]
                updated[key] = holds
                cueHits.remember(updated, for: text)
            }
        }
        for i in matchers.indices {
            let m = matchers[i]
            guard m.pattern == nil, m.units.contains(e.unitID), entries[m.entry].isKept(by: market) else { continue }
            let answer: Bool
            if let remembered = holds[i] {
                answer = remembered
            } else {
                answer = Self.cues(of: m, hold: e, in: text, windows: &windows)
                holds[i] = answer
                learned = true
            }
            if answer { return entries[m.entry] }
        }
        return nil
    }

    /// Whether `m`'s cues (topic, words after or before, values) hold around `e` in `text`: what
    /// ``keeping(_:in:market:)`` asks of an entry once the market keeps it. `windows` keeps the
    /// text after and before `e` between entries.
    private static func cues(of m: Matcher, hold e: QuantityExpression, in text: String, windows: inout (after: String?, before: String?)) -> Bool {
        if let topic = m.topic?.expression, !occurs(topic, in: text) { return false }
        if m.after == nil && m.before == nil && m.values.isEmpty { return true }
        let ns = text as NSString
        if let r = m.after?.expression {
            let window = windows.after ?? window(ns, from: NSMaxRange(e.range), length: 60)
            windows.after = window
            if occurs(r, in: window) { return true }
        }
        if let r = m.before?.expression {
            let window = windows.before ?? window(ns, upTo: e.range.location, length: 40)
            windows.before = window
            if occurs(r, in: window) { return true }
        }
        if !m.values.isEmpty, e.isSingle, let atom = e.atoms.first, atom.number.fractionDigits == 1,
           m.values.contains(atom.number.magnitude), let s = atom.spelling,
           UnitLexicon.spellings[s].isMark || UnitLexicon.spellings[s].pattern.contains("inch") {
            return true
        }
        return false
    }

    /// What of a quantity ``cues(of:hold:in:windows:)`` reads: a remembered answer is for the
    /// same place, unit and first figure.
    private struct QuantityKey: Hashable {
        let range: Range<Int>
        let unit: String
        let isSingle: Bool
        let first: SourceNumber?
        let spelling: Int?

        init(_ e: QuantityExpression) {
            range = e.range.location..<NSMaxRange(e.range)
            unit = e.unitID
            isSingle = e.isSingle
            first = e.atoms.first?.number
            spelling = e.atoms.first?.spelling
        }
    }

    /// Spans of `text` that are codes or names in `market`, with their entries.
    public func codeSpans(in text: String, market: MarketProfile) -> [(range: Range<String.Index>, entry: Convention)] {
        guard text.containsASCIIDigit else { return [] }
        var known = patternHits.value(for: text) ?? Array(repeating: nil, count: matchers.count)
        var learned = false
        var spans: [(Range<String.Index>, Convention)] = []
        for i in matchers.indices where matchers[i].pattern != nil && entries[matchers[i].entry].isKept(by: market) {
            let hits: [Range<Int>]
            if let remembered = known[i] {
                hits = remembered
            } else {
                hits = Self.patternHits(matchers[i], in: text)
                known[i] = hits
                learned = true
            }
            for r in hits { spans.append((text.range(utf8Offsets: r), entries[matchers[i].entry])) }
        }
        if learned { patternHits.remember(known, for: text) }
        return spans
    }

    /// Where `m`'s pattern matches `text`, as UTF-8 offsets; none when its topic is not there.
    private static func patternHits(_ m: Matcher, in text: String) -> [Range<Int>] {
        guard let pattern = m.pattern?.expression else { return [] }
        if let topic = m.topic?.expression, !occurs(topic, in: text) { return [] }
        return hits(pattern, in: text).compactMap { Range($0, in: text).map { text.utf8Offsets(of: $0) } }
    }

    /// Everything no rule may change in `text`: code spans, and quantities kept as trade sizes
    /// ("27.5 in wheels", "1/2\" NPT"), which are names written as their standard writes them
    /// (industry units such as "172.5 mm" cranks keep their unit but still take the market's
    /// decimal mark), each with the entry that protects it (whose `silencesAdvisories` says
    /// whether advisories go too).
    /// With `context`, the code spans and quantities the engine already found in `text` are reused.
    public func untouchable(in text: String, market: MarketProfile, context: AdaptationContext? = nil) -> [(range: Range<String.Index>, entry: Convention)] {
        var spans = context?.codeSpans(in: text) ?? codeSpans(in: text, market: market)
        guard entries.contains(where: { $0.kind == .tradeSize && $0.units != nil }), text.containsASCIIDigit else { return spans }
        for e in context?.quantities(in: text) ?? QuantityScanner().scan(text) {
            if let entry = keeping(e, in: text, market: market), entry.kind == .tradeSize, let range = Range(e.range, in: text) { spans.append((range, entry)) }
        }
        return spans
    }

    // MARK: compiling cue words

    /// Up to `n` words (or sizes such as `2"`) between the quantity and the cue word.
    private static func words(_ n: Int) -> String { #"(?:"# + letter + #"(?-i:[\p{L}\-])*\s+|&\s+|\d+(?:/\d+)?(?:"|″|-inch)?\s+){0,"# + "\(n)}?" }

    /// A letter, matched without case folding: the cue patterns are case-insensitive, and ICU
    /// builds the case closure of every `\p{L}` it compiles that way (a quarter of a
    /// millisecond each, for a closure that adds only a few non-letters such as U+0345), which made loading the
    /// conventions a third of a one-page `adapt`.
    private static let letter = #"(?-i:\p{L})"#

    /// A cue word as a pattern: literal, any run of spaces for a space, and a plural `s`/`es`.
    private static func cue(_ word: String) -> String {
        let escaped = NSRegularExpression.escapedPattern(for: word).replacingOccurrences(of: " ", with: #"\s+"#)
        return word.last?.isLetter == true ? escaped + "(?:s|es)?" : escaped
    }

    static func afterPattern(_ cues: [String], gap: Int) -> String {
        #"^\s*(?:-|\()?\s*"# + words(gap) + "(?:" + cues.map(cue).joined(separator: "|") + ")(?!" + letter + ")"
    }

    static func beforePattern(_ cues: [String], within: Int) -> String {
        "(?<!" + letter + ")(?:" + cues.map(cue).joined(separator: "|") + ")(?!" + letter + #")(?-i:[^.\n,;]){0,"# + "\(within)}$"
    }

    /// Any of the topic words, whole words (a plural `s`/`es` allowed), anywhere in the text.
    static func topicPattern(_ words: [String]) -> String {
        "(?<!" + letter + ")(?:" + words.map(cue).joined(separator: "|") + ")(?!" + letter + ")"
    }

    static func occurs(_ r: NSRegularExpression, in s: String) -> Bool {
        r.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length)) != nil
    }

    private static func hits(_ r: NSRegularExpression, in s: String) -> [NSRange] {
        r.matches(in: s, range: NSRange(location: 0, length: (s as NSString).length)).map(\.range)
    }

    static func window(_ text: NSString, from start: Int, length: Int) -> String {
        let s = text.substring(with: NSRange(location: start, length: min(length, text.length - start)))
        return s.firstIndex(where: \.isNewline).map { String(s[..<$0]) } ?? s
    }

    static func window(_ text: NSString, upTo end: Int, length: Int) -> String {
        let start = max(0, end - length)
        let s = text.substring(with: NSRange(location: start, length: end - start))
        return s.lastIndex(where: \.isNewline).map { String(s[s.index(after: $0)...]) } ?? s
    }
}
