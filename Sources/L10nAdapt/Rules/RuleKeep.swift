import Foundation

/// A span a rule had something to do with but deliberately left alone (a trade size, an
/// industry unit, a code, both systems already given), with the reason and where it comes
/// from; the engine turns it into a ``KeptSpan``.
public struct RuleKeep: Hashable, Sendable {
    public var range: Range<String.Index>
    public var reason: String
    /// `conventions/bicycles.yaml`, or a rule id for a keep decided in code.
    public var source: String
    public var convention: String?

    public init(range: Range<String.Index>, reason: String, source: String, convention: String? = nil) {
        self.range = range
        self.reason = reason
        self.source = source
        self.convention = convention
    }

    /// A keep because of `entry`, cited by its file in `conventions`.
    public init(range: Range<String.Index>, entry: Convention, in conventions: Conventions) {
        self.init(range: range, reason: entry.rationale, source: conventions.files[entry.id] ?? "conventions", convention: entry.id)
    }
}
