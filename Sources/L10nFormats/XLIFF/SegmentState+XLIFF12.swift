import L10nCore

/// XLIFF 1.2 `state` (on `<target>`) ↔ ``SegmentState``.
///
/// Written: initial → `needs-translation` (a prefilled copy of the source, not translated yet), translated → `translated`, reviewed → `signed-off`, final → `final`.
/// Read: `new`, `needs-translation`, `needs-l10n`, `needs-adaptation` → initial;
/// `translated`, `needs-review-translation`, `needs-review-l10n`, `needs-review-adaptation` →
/// translated (a translation exists, review pending); `signed-off` → reviewed; `final` → final;
/// `x-…` and unknown values → no state.
extension SegmentState {
    var xliff12Value: String {
        switch self {
        case .initial: return "needs-translation"
        case .translated: return "translated"
        case .reviewed: return "signed-off"
        case .final: return "final"
        }
    }

    init?(xliff12Value value: String) {
        switch value {
        case "new", "needs-translation", "needs-l10n", "needs-adaptation": self = .initial
        case "translated", "needs-review-translation", "needs-review-l10n", "needs-review-adaptation": self = .translated
        case "signed-off": self = .reviewed
        case "final": self = .final
        default: return nil
        }
    }

    /// Workflow order, for picking the least advanced state of a unit's segments.
    var rank: Int {
        switch self {
        case .initial: return 0
        case .translated: return 1
        case .reviewed: return 2
        case .final: return 3
        }
    }
}
