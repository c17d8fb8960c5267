import L10nCore

/// Runs QA checks over every translated segment of a document: the pipeline's check stage takes
/// it as a ``DocumentCheck``. Severities can be overridden and checks disabled by id, for the run
/// and per market (``QAOverrides``), and accepted per unit or segment in the XLIFF
/// (``QASuppression``); untranslated segments and untouched prefilled copies are not checked.
/// Size restrictions (``QAScopeCheck``) are checked once per restricted unit, group and file.
public struct QualityChecker: DocumentCheck {
    public var checks: [any QACheck]
    public var documentChecks: [any QADocumentCheck]
    /// Check id → severity to report instead of the default.
    public var severities: [String: Severity]
    public var disabled: Set<String>
    /// Market id → what changes for that market's targets (`qa.markets` in a project file),
    /// applied when the context names the market.
    public var markets: [String: QAOverrides]

    public init(checks: [any QACheck] = QAChecks.builtIn, documentChecks: [any QADocumentCheck] = QAChecks.builtInDocument,
                severities: [String: Severity] = [:], disabled: Set<String> = [], markets: [String: QAOverrides] = [:]) {
        self.checks = checks
        self.documentChecks = documentChecks
        self.severities = severities
        self.disabled = disabled
        self.markets = markets
    }

    public var id: String { "qa" }

    /// The severities and disabled checks in force for `market`'s targets: the run's, changed by
    /// the market's overrides (a market's severity for a check the run disables turns it on for
    /// that market; a market's disable wins over everything).
    public func settings(for market: String?) -> (severities: [String: Severity], disabled: Set<String>) {
        guard let market, let overrides = markets[market] else { return (severities, disabled) }
        return (severities.merging(overrides.severities) { $1 },
                disabled.subtracting(overrides.severities.keys).union(overrides.disabled))
    }

    /// Applies `severities` and `disabled` over everything already set, for every market too:
    /// settings given last (the command line's, over a project file's) win.
    public mutating func override(severities: [String: Severity], disabled: Set<String>) {
        for (id, level) in severities {
            self.severities[id] = level
            self.disabled.remove(id)
            for m in markets.keys { markets[m]?.severities[id] = level; markets[m]?.disabled.remove(id) }
        }
        for id in disabled {
            self.disabled.insert(id)
            for m in markets.keys { markets[m]?.severities[id] = nil; markets[m]?.disabled.insert(id) }
        }
    }

    /// Findings of every check, except those a unit's `l10n:qa-suppress` note accepts
    /// (``QASuppression``).
    public func check(_ document: Document, context: CheckContext) -> [Finding] {
        let settings = settings(for: context.market)
        var findings: [Finding] = []
        var pairs: [SegmentPair] = []
        var suppressions: [String: (QASuppression, segment: String)] = [:]  // by pair key, where any
        // Ids and severities resolved once per document, not per check per segment.
        let allChecks = Self.active(checks, settings: settings)
        let scopeChecks = document.hasSizeRestrictions ? Self.active(checks.filter { $0 is any QAScopeCheck }, settings: settings) : []
        let pseudoChecks = Self.active(checks.filter { !type(of: $0).description.judgesLanguage }, settings: settings)
        // A pseudo-translation keeps the source's figures as written.
        var pseudoContext = context
        pseudoContext.sourceFiguresAreFinal = true
        pairs.reserveCapacity(document.units.reduce(0) { $0 + $1.segments.count })
        // Units and segments read in place: a copy of each retains and releases all its fields.
        document.units.withUnsafeBufferPointer { units in
            for u in units.indices {
                let suppression = units[u].notes.isEmpty ? QASuppression() : QASuppression(units[u])
                units[u].segments.withUnsafeBufferPointer { segments in
                    for s in segments.indices where segments[s].isTranslated {
                        guard let target = segments[s].target else { continue }
                        let pair = SegmentPair(key: "\(units[u].id)-\(segments[s].id)", source: segments[s].source, target: target)
                        if !suppression.isEmpty { suppressions[pair.key] = (suppression, segments[s].id) }
                        let pseudo = segments[s].provenance?.isPseudoLocalization == true
                        findings += check(pair, with: pseudo ? pseudoChecks : allChecks, context: pseudo ? pseudoContext : context)
                        pairs.append(pair)
                    }
                }
                guard !scopeChecks.isEmpty else { continue }
                let unit = units[u]
                if let limits = unit.sizeLimits, !limits.isEmpty,
                   let pair = Self.scopePair([unit], limits: limits, profiles: document.sizeProfiles,
                                             name: unit.translatableSegments.count > 1 ? "unit \(unit.id) (\(unit.translatableSegments.count) segments)" : "the target") {
                    findings += check(pair, with: scopeChecks, context: context)
                }
                if let inline = unit.inlineSizeLimits {
                    for pair in Self.spanPairs(unit, inline, profiles: document.sizeProfiles) { findings += check(pair, with: scopeChecks, context: context) }
                }
                if let markers = unit.markerRestrictions {
                    for pair in Self.markerPairs(unit, markers, profiles: document.sizeProfiles) { findings += check(pair, with: scopeChecks, context: context) }
                }
            }
        }
        if !scopeChecks.isEmpty {
            var byID: [String: TextUnit] = [:]
            for unit in document.units where byID[unit.id] == nil { byID[unit.id] = unit }
            for group in document.sizeGroups ?? [] where !group.limits.isEmpty {
                let units = group.units.compactMap { byID[$0] }
                if let pair = Self.scopePair(units, limits: group.limits, profiles: document.sizeProfiles,
                                             name: "group \(group.id) (\(units.count) units)") {
                    findings += check(pair, with: scopeChecks, context: context)
                }
            }
            if let limits = document.sizeLimits, !limits.isEmpty,
               let pair = Self.scopePair(document.units, limits: limits, profiles: document.sizeProfiles,
                                         name: "the file (\(document.units.count) units)") {
                findings += check(pair, with: scopeChecks, context: context)
            }
        }
        for check in documentChecks {
            let description = type(of: check).description
            guard !settings.disabled.contains(description.id) else { continue }
            let severity = settings.severities[description.id] ?? description.defaultSeverity
            for (key, issue) in check.check(pairs, context: context) {
                findings.append(Finding(check: description.id, severity: severity, message: issue.message, segment: key))
            }
        }
        guard !suppressions.isEmpty else { return findings }
        return findings.filter { finding in
            guard let key = finding.segment, let (suppression, segment) = suppressions[key] else { return true }
            return !suppression.suppresses(finding.check, segment: segment)
        }
    }

    /// Whether `document` went through `adapt` (its units carry adaptation notes), so its
    /// sources' figures are already written the market's way.
    public static func wasAdapted(_ document: Document) -> Bool {
        document.units.contains { unit in unit.notes.contains { $0.category == "l10n:adaptation" } }
    }

    /// What a restriction on `units` as a whole is checked on: their sources and targets joined
    /// (a segment without a target as merge writes it, by its source), placed at the first
    /// translated segment. nil when nothing in them is translated: untranslated units are not
    /// checked.
    static func scopePair(_ units: [TextUnit], limits: SizeLimits, profiles: SizeProfiles?, name: String) -> SegmentPair? {
        guard let (unit, segment) = units.lazy.compactMap({ u in u.segments.first(where: \.isTranslated).map { (u, $0) } }).first else { return nil }
        return SegmentPair(key: "\(unit.id)-\(segment.id)", source: Content(units.flatMap(\.source.runs)),
                           target: Content(units.flatMap(\.effectiveTarget.runs)), size: SizeScope(limits: limits, profiles: profiles, name: name))
    }

    /// What restrictions on inline spans are checked on: in each translated segment whose source
    /// and target both hold the span, its content (between its opening code and the closing
    /// code of the same id), in the order of the span ids. A span the translation dropped is
    /// `codes.parity`'s to report.
    static func spanPairs(_ unit: TextUnit, _ limits: [String: SizeLimits], profiles: SizeProfiles?) -> [SegmentPair] {
        var pairs: [SegmentPair] = []
        for segment in unit.segments where segment.isTranslated {
            guard let target = segment.target else { continue }
            for id in limits.keys.sorted() where !limits[id]!.isEmpty {
                guard let sourceSpan = span(id, in: segment.source), let targetSpan = span(id, in: target) else { continue }
                pairs.append(SegmentPair(key: "\(unit.id)-\(segment.id)", source: sourceSpan, target: targetSpan,
                                         size: SizeScope(limits: limits[id]!, profiles: profiles, name: "span \(id)")))
            }
        }
        return pairs
    }

    /// What restrictions on annotations are checked on: in each translated segment, what the
    /// marker holds in the source and in the target. A marker the translation dropped is not
    /// measured (an annotation is no markup merge writes).
    static func markerPairs(_ unit: TextUnit, _ markers: [MarkerRestriction], profiles: SizeProfiles?) -> [SegmentPair] {
        markers.compactMap { m in
            guard !m.limits.isEmpty, let target = m.target,
                  unit.segments.contains(where: { $0.id == m.segment && $0.isTranslated }) else { return nil }
            return SegmentPair(key: "\(unit.id)-\(m.segment)", source: m.source, target: target,
                               size: SizeScope(limits: m.limits, profiles: profiles, name: "marker \(m.marker)"))
        }
    }

    /// The content between the opening code `id` and its closing code; nil when either is missing.
    static func span(_ id: String, in content: Content) -> Content? {
        var runs: [Content.Run] = []
        var inside = false
        for run in content.runs {
            if case .code(let code) = run, code.id == id {
                if code.kind == .open && !inside { inside = true; continue }
                if code.kind == .close && inside { return Content(runs) }
            }
            if inside { runs.append(run) }
        }
        return nil
    }

    /// The findings for one pair, with the severities in force for the context's market.
    public func check(_ pair: SegmentPair, context: CheckContext) -> [Finding] {
        check(pair, with: Self.active(checks, settings: settings(for: context.market)), context: context)
    }

    /// A check that is not disabled, with the id and severity it reports under.
    private struct ActiveCheck {
        var check: any QACheck
        var id: String
        var severity: Severity
    }

    /// `checks` less the disabled ones, in order, with their severities in force.
    private static func active(_ checks: [any QACheck], settings: (severities: [String: Severity], disabled: Set<String>)) -> [ActiveCheck] {
        checks.compactMap { check in
            let description = type(of: check).description
            guard !settings.disabled.contains(description.id) else { return nil }
            return ActiveCheck(check: check, id: description.id, severity: settings.severities[description.id] ?? description.defaultSeverity)
        }
    }

    private func check(_ pair: SegmentPair, with checks: [ActiveCheck], context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        // Read in place: copying an `ActiveCheck` out retains its existential and its id.
        checks.withUnsafeBufferPointer { checks in
            for c in checks.indices {
                for issue in checks[c].check.check(pair, context: context) {
                    findings.append(Finding(check: checks[c].id, severity: checks[c].severity, message: issue.message, segment: pair.key))
                }
            }
        }
        return findings
    }
}
