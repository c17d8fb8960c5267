import L10nCore

/// Runs the market's rules over every segment's source: applies the changes (units, numbers,
/// currency, dates, spelling), collects advisories (electrical, certifications, tone), and
/// leaves a note on each unit so the translator sees why its text differs from the original.
///
/// Rules all look at the *original* text; their matches are then merged, earlier rules in
/// ``rules`` winning overlaps, so no rule ever re-reads another rule's output (a converted
/// "15,8 m" must not be re-parsed as the US number 158).
public struct AdaptationEngine: Sendable {
    public var rules: [any AdaptationRule]

    public init(rules: [any AdaptationRule] = AdaptationEngine.builtInRules) {
        self.rules = rules
    }

    /// The result of adapting a document.
    public struct Result: Sendable {
        public var document: Document
        public var adaptations: [Adaptation]
        /// What was deliberately left alone, and why (conventions, both systems given).
        public var kept: [KeptSpan] = []
    }

    /// One segment's adapted content, what was done to it and what was deliberately kept.
    public struct SegmentResult: Sendable {
        public var content: Content
        public var adaptations: [Adaptation]
        public var kept: [KeptSpan]
    }

    public func adapt(_ document: Document, context: AdaptationContext) -> Result {
        let active = rules.filter { type(of: $0).applies(to: context) }
        var context = context
        let texts = document.units.flatMap { $0.segments.filter { !$0.isIgnorable }.map { Self.flatten($0.source) } }
        context.page = PageAnalysis(texts, rules: active, context: context)
        var copy = document
        var all: [Adaptation] = []
        var kept: [KeptSpan] = []
        var advisedOnce = Set<String>()
        // Bare figures in a table under a label that names their unit ("Chest (in)"), and the
        // label: converted together, before the rules see anything else.
        let table = TableUnits(document, engine: self, rules: active, context: context)
        for u in copy.units.indices {
            var notes: [Note] = []
            if let rewrite = table.rewrites[u], let s = copy.units[u].segments.firstIndex(where: { !$0.isIgnorable }) {
                copy.units[u].segments[s].source = rewrite.source
                copy.markSourceRewritten(unit: copy.units[u].id, segment: copy.units[u].segments[s].id)
                all.append(rewrite.adaptation)
                notes.append(Self.note(for: rewrite.adaptation))
                // A cell's figures are done; a label's name still goes through the rules (spelling).
                if !copy.units[u].translate { copy.units[u].notes += notes; continue }
            }
            for s in copy.units[u].segments.indices where !copy.units[u].segments[s].isIgnorable {
                let segment = copy.units[u].segments[s]
                let key = "\(copy.units[u].id)-\(segment.id)"
                let result = adaptSegment(segment.source, key: key, rules: active, context: context)
                if result.content != segment.source {
                    copy.units[u].segments[s].source = result.content
                    copy.markSourceRewritten(unit: copy.units[u].id, segment: segment.id)
                }
                // A certification advisory says the same of every segment that cites marks
                // ("Brazil requires INMETRO…"), a regional mains advisory the same of every
                // segment that repeats the rating: once per document is enough.
                let adaptations = result.adaptations.filter { a in
                    !Self.isOncePerDocument(a) || advisedOnce.insert(a.note).inserted
                }
                all += adaptations
                kept += result.kept
                notes += adaptations.map(Self.note(for:)) + result.kept.map(Self.note(for:))
            }
            copy.units[u].notes += notes
        }
        return Result(document: copy, adaptations: all, kept: kept)
    }

    /// One segment's adapted content and what was done to it.
    public func adapt(_ content: Content, key: String, rules: [any AdaptationRule], context: AdaptationContext) -> (Content, [Adaptation]) {
        let result = adaptSegment(content, key: key, rules: rules, context: context)
        return (result.content, result.adaptations)
    }

    /// One segment's adapted content, what was done to it and what was deliberately kept: the
    /// rules' own keeps, and every code or trade size on which the engine dropped a match.
    public func adaptSegment(_ content: Content, key: String, rules: [any AdaptationRule], context: AdaptationContext) -> SegmentResult {
        // Codes become U+FFFC so rules see the text around them but can never match across them.
        let flat = Self.flatten(content)
        // Codes and names (UL 94 V-0, 225/45 R17 94W, 27.5 in wheels) are no rule's business,
        // advisories included.
        var context = context
        context.analysis = SegmentAnalysis(flat, market: context.market)
        let conventions = context.market.conventions
        let protected = conventions.untouchable(in: flat, market: context.market, context: context)
        var matches: [RuleMatch] = []
        var keeps: [RuleKeep] = []
        for rule in rules {
            let review = rule.review(flat, context: context)
            keeps += review.kept
            for match in review.matches {
                guard !flat[match.range].contains("\u{FFFC}") else { continue }
                if let guarded = protected.first(where: { $0.range.overlaps(match.range) && (match.replacement != nil || $0.entry.silencesAdvisories == true) }) {
                    keeps.append(RuleKeep(range: guarded.range, entry: guarded.entry, in: conventions))
                    continue
                }
                // Changes may not overlap a change already claimed; advisories may overlap anything.
                if match.replacement != nil, matches.contains(where: { $0.replacement != nil && $0.range.overlaps(match.range) }) { continue }
                matches.append(match)
            }
        }
        matches.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.rule < $1.rule }
        let adaptations = matches.map {
            Adaptation(segment: key, rule: $0.rule, kind: $0.kind, before: String(flat[$0.range]), after: $0.replacement, note: $0.note)
        }
        let kept = Self.kept(keeps, in: flat, segment: key)
        let edits = matches.filter { $0.replacement != nil }
        guard !edits.isEmpty else { return SegmentResult(content: content, adaptations: adaptations, kept: kept) }

        // Rebuild the runs: text with the edits applied, codes in their places.
        var result = ""
        var cursor = flat.startIndex
        for edit in edits {
            result += flat[cursor..<edit.range.lowerBound]
            result += edit.replacement ?? ""
            cursor = edit.range.upperBound
        }
        result += flat[cursor...]
        var codes = content.codes.makeIterator()
        var runs: [Content.Run] = []
        var text = String.UnicodeScalarView()
        for scalar in result.unicodeScalars {
            if scalar == "\u{FFFC}", let code = codes.next() {
                runs.append(.text(String(text)))
                text = String.UnicodeScalarView()
                runs.append(.code(code))
            } else {
                text.append(scalar)
            }
        }
        runs.append(.text(String(text)))
        return SegmentResult(content: Content(runs), adaptations: adaptations, kept: kept)
    }

    /// The content as rules read it: text, with each code as U+FFFC.
    static func flatten(_ content: Content) -> String {
        var flat = ""
        for run in content.runs {
            switch run {
            case .text(let t): flat += t
            case .code: flat += "\u{FFFC}"
            }
        }
        return flat
    }

    /// Advisories that say the same wherever they are raised: certification requirements and
    /// regional mains ratings ("rated for 220 V, it runs where the mains is 220 V…").
    static func isOncePerDocument(_ a: Adaptation) -> Bool {
        a.after == nil && (a.kind == .certification || a.rule == "electrical.regional")
    }

    /// Keeps in text order, each span and reason once (a tyre code may stop the unit and the
    /// number rule alike), none across a code.
    static func kept(_ keeps: [RuleKeep], in flat: String, segment: String) -> [KeptSpan] {
        var seen = Set<RuleKeep>()
        return keeps.filter { !flat[$0.range].contains("\u{FFFC}") && seen.insert($0).inserted }
            .sorted { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.source < $1.source }
            .map { KeptSpan(segment: segment, text: String(flat[$0.range]), reason: $0.reason, source: $0.source, convention: $0.convention) }
    }

    static func note(for a: Adaptation) -> Note {
        Note(text: a.noteText, category: "l10n:adaptation", priority: a.isAdvisory ? 1 : 5, appliesTo: .source)
    }

    /// "kept \"27.5 x 2.4\": <why> (conventions/bicycles.yaml)": tells the translator the span
    /// was left alone on purpose, so it is not "fixed" by hand.
    static func note(for k: KeptSpan) -> Note {
        Note(text: k.noteText, category: "l10n:kept", priority: 8, appliesTo: .source)
    }
}
