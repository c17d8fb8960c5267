import L10nCore

/// Who made a stored translation: `human`, `reviewed` (a person approved it) or `mt:<backend>`.
/// A string-backed value so that origins a later version adds read back unchanged.
public struct MemoryOrigin: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ rawValue: String) {
        guard rawValue == "human" || rawValue == "reviewed" || (rawValue.hasPrefix("mt:") && rawValue.count > 3) else { return nil }
        self.rawValue = rawValue
    }

    public static let human = MemoryOrigin(uncheckedRawValue: "human")
    public static let reviewed = MemoryOrigin(uncheckedRawValue: "reviewed")
    public static func machine(_ backend: String) -> MemoryOrigin { MemoryOrigin(uncheckedRawValue: "mt:" + backend) }

    private init(uncheckedRawValue: String) { rawValue = uncheckedRawValue }

    /// The origin a segment of a translated document had: a reviewed or final state counts as
    /// reviewed, a machine provenance keeps its backend, everything else is a person's.
    public init(state: SegmentState?, provenance: Provenance?) {
        if case .machine(let backend)? = provenance?.origin, state != .reviewed, state != .final {
            self = .machine(backend)
        } else if state == .reviewed || state == .final {
            self = .reviewed
        } else {
            self = .human
        }
    }

    /// The pipeline's provenance origin for a target taken from this unit.
    public var provenanceOrigin: Provenance.Origin {
        if rawValue.hasPrefix("mt:") { return .machine(backend: String(rawValue.dropFirst(3))) }
        return .human
    }

    public var description: String { rawValue }
}
