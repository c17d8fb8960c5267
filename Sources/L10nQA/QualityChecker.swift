import L10nCore

/// Runs QA checks over every translated segment of a document: the pipeline's check stage takes
/// it as a ``DocumentCheck``. Severities can be overridden and checks disabled by id (per market
/// or project); untranslated segments and untouched prefilled copies are not checked.
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

    public func check(_ document: Document, context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        var pairs: [SegmentPair] = []
        for unit in document.units {
            for segment in unit.segments where segment.isTranslated {
                guard let target = segment.target else { continue }
                let pair = SegmentPair(key: "\(unit.id)-\(segment.id)", source: segment.source, target: target)
                pairs.append(pair)
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
        return findings
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
