/// A comment attached to a unit for the translator (XLIFF `<note>`).
public struct Note: Hashable, Sendable, Codable {
    public enum AppliesTo: String, Hashable, Sendable, Codable { case source, target }

    public var id: String?
    /// A free label such as `l10n:adaptation` or `l10n:context`.
    public var category: String?
    /// 1 (highest) to 10, as XLIFF 2 defines it.
    public var priority: Int?
    public var appliesTo: AppliesTo?
    public var text: String

    public init(text: String, id: String? = nil, category: String? = nil, priority: Int? = nil, appliesTo: AppliesTo? = nil) {
        self.text = text
        self.id = id
        self.category = category
        self.priority = priority
        self.appliesTo = appliesTo
    }
}
