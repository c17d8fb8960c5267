import L10nCore

/// Runs QA checks over every translated segment of a document: the pipeline's check stage takes
/// it as a ``DocumentCheck``. Severities can be overridden and checks disabled by id (per market
/// or project), and accepted per unit or segment in the XLIFF (``QASuppression``); untranslated
/// segments and untouched prefilled copies are not checked.
public struct QualityChecker: DocumentCheck {
    public var checks: [any QACheck]
    public var documentChecks: [any QADocumentCheck]
    /// Check id → severity to report instead of the default.
    public var severities: [String: Severity]
    public var disabled: Set<String>

    public init(checks: [any QACheck] = QAChecks.builtIn, documentChecks: [any QADocumentCheck] = QAChecks.builtInDocument,
                severities: [String: Severity] = [:], disabled: Set<String> = []) {
        self.checks = checks
        self.documentChecks = documentChecks
        self.severities = severities
        self.disabled = disabled
    }

    public var id: String { "qa" }

    /// Findings of every check, except those a unit's `l10n:qa-suppress` note accepts
    /// (``QASuppression``).
    public func check(_ document: Document, context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        var pairs: [SegmentPair] = []
        var suppressions: [String: (QASuppression, segment: String)] = [:]  // by pair key, where any
        for unit in document.units {
            let suppression = QASuppression(unit)
            for segment in unit.segments where segment.isTranslated {
                guard let target = segment.target else { continue }
                let pair = SegmentPair(key: "\(unit.id)-\(segment.id)", source: segment.source, target: target)
                pairs.append(pair)
                if !suppression.isEmpty { suppressions[pair.key] = (suppression, segment.id) }
                findings += check(pair, context: context)
            }
        }
        for check in documentChecks {
            let description = type(of: check).description
            guard !disabled.contains(description.id) else { continue }
            let severity = severities[description.id] ?? description.defaultSeverity
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

    /// The findings for one pair, with severities applied.
    public func check(_ pair: SegmentPair, context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for check in checks {
            let description = type(of: check).description
            guard !disabled.contains(description.id) else { continue }
            let severity = severities[description.id] ?? description.defaultSeverity
            for issue in check.check(pair, context: context) {
                findings.append(Finding(check: description.id, severity: severity, message: issue.message, segment: pair.key))
            }
        }
        return findings
    }
}
