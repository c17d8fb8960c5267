import Foundation
import L10nPipeline

/// The short human summary `adapt` prints: advisories first (they need a person), then counts
/// of changes by kind and of deliberate keeps, then what was written.
enum AdaptSummary {
    static func text(file: String, result: MarketLocalization, outputs: AdaptReport.Outputs) -> String {
        let market = result.market
        var lines = ["\(file) → \(market.name) (\(market.id), \(result.targetLanguage)): \(result.document.segmentCount) segment(s)"]
        let advisories = result.adaptations.filter(\.isAdvisory)
        if !advisories.isEmpty {
            lines.append("  \(advisories.count) advisor\(advisories.count == 1 ? "y" : "ies") to review:")
            for a in advisories {
                lines.append("    \(a.segment) [\(a.kind.rawValue)] \"\(a.before)\": \(headline(a.note))")
            }
        }
        let changes = result.adaptations.filter { !$0.isAdvisory }
        if changes.isEmpty {
            lines.append("  no changes")
        } else {
            let counts = AdaptationKind.allCases.compactMap { kind -> String? in
                let n = changes.filter { $0.kind == kind }.count
                return n == 0 ? nil : "\(n) \(kind.rawValue)"
            }
            lines.append("  \(changes.count) change(s): \(counts.joined(separator: ", "))")
        }
        if !result.kept.isEmpty {
            lines.append("  \(result.kept.count) kept on purpose (names, industry units, codes): see `kept` in the report")
        }
        let targets = result.targetOrigins
        if let backend = targets.translation?.backend, backend != NoneBackend.descriptor.id {
            let origins = targets.origins.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            lines.append("  targets: \((origins + (targets.untranslated > 0 ? ["\(targets.untranslated) untranslated"] : [])).joined(separator: ", "))")
        }
        if let leverage = result.leverage {
            let fuzzy = leverage.fuzzy95.segments + leverage.fuzzy85.segments + leverage.fuzzy75.segments
            lines.append("  memory: \(leverage.filled) target(s) filled (\(leverage.inContext.segments) in context, \(leverage.exact.segments) exact), \(fuzzy) fuzzy, \(leverage.none.segments) without a match")
        }
        if let note = targets.translation?.note { lines.append("  \(note)") }
        let failed = result.findings.filter { $0.severity >= .warning }
        if !failed.isEmpty { lines.append("  \(failed.count) finding(s): see the report") }
        let written = [outputs.document, outputs.xliff, outputs.htmlFragment].compactMap { $0 }
        if !written.isEmpty { lines.append("  wrote \(written.joined(separator: ", "))") }
        return lines.joined(separator: "\n")
    }

    /// The note's first sentence, cut to fit a terminal line: the full note is in the XLIFF and
    /// the report.
    static func headline(_ note: String, limit: Int = 110) -> String {
        var first = note
        if let end = note.range(of: #"[.!?](\s|$)"#, options: .regularExpression) { first = String(note[..<end.upperBound]).trimmingCharacters(in: .whitespaces) }
        guard first.count > limit else { return first }
        return String(first.prefix(limit - 1)) + "…"
    }
}
