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
    }

    public func adapt(_ document: Document, context: AdaptationContext) -> Result {
        let active = rules.filter { type(of: $0).applies(to: context) }
        var copy = document
        var all: [Adaptation] = []
        for u in copy.units.indices {
            var notes: [Note] = []
            for s in copy.units[u].segments.indices where !copy.units[u].segments[s].isIgnorable {
                let segment = copy.units[u].segments[s]
                let key = "\(copy.units[u].id)-\(segment.id)"
                let (content, adaptations) = adapt(segment.source, key: key, rules: active, context: context)
                if content != segment.source {
                    copy.units[u].segments[s].source = content
                    copy.markSourceRewritten(unit: copy.units[u].id, segment: segment.id)
                }
                all += adaptations
                notes += adaptations.map(Self.note(for:))
            }
            copy.units[u].notes += notes
        }
        return Result(document: copy, adaptations: all)
    }

    /// One segment's adapted content and what was done to it.
    public func adapt(_ content: Content, key: String, rules: [any AdaptationRule], context: AdaptationContext) -> (Content, [Adaptation]) {
        // Codes become U+FFFC so rules see the text around them but can never match across them.
        var flat = ""
        for run in content.runs {
            switch run {
            case .text(let t): flat += t
            case .code: flat += "\u{FFFC}"
            }
        }
        // Codes and names (UL 94 V-0, 225/45 R17 94W, 27.5 in wheels) are no rule's business,
        // advisories included.
        var context = context
        context.analysis = SegmentAnalysis(flat, market: context.market)
        let protected = context.market.conventions.untouchable(in: flat, market: context.market, context: context)
        var matches: [RuleMatch] = []
        for rule in rules {
            for match in rule.matches(in: flat, context: context) {
                guard !flat[match.range].contains("\u{FFFC}"),
                      !protected.contains(where: { $0.range.overlaps(match.range) && (match.replacement != nil || $0.silencesAdvisories) }) else { continue }
                // Changes may not overlap a change already claimed; advisories may overlap anything.
                if match.replacement != nil, matches.contains(where: { $0.replacement != nil && $0.range.overlaps(match.range) }) { continue }
                matches.append(match)
            }
        }
        matches.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.rule < $1.rule }
        let adaptations = matches.map {
            Adaptation(segment: key, rule: $0.rule, kind: $0.kind, before: String(flat[$0.range]), after: $0.replacement, note: $0.note)
        }
        let edits = matches.filter { $0.replacement != nil }
        guard !edits.isEmpty else { return (content, adaptations) }

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
        return (Content(runs), adaptations)
    }

    static func note(for a: Adaptation) -> Note {
        let text = a.after.map { "\(a.rule): \"\(a.before)\" → \"\($0)\". \(a.note)" } ?? "\(a.rule): \"\(a.before)\": \(a.note)"
        return Note(text: text, category: "l10n:adaptation", priority: a.isAdvisory ? 1 : 5, appliesTo: .source)
    }
}
