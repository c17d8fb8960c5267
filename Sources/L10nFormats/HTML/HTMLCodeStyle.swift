import L10nCore

/// What the inline codes of one HTML element name carry besides their data: type, subType,
/// display per kind, and equiv. The same for every tag of that name, so ``HTMLUnitExtractor``
/// makes it once per name.
struct HTMLCodeStyle: Sendable {
    var type: InlineCode.CodeType
    var subType: String?
    var openDisplay: String
    var closeDisplay: String
    var standaloneDisplay: String
    var equiv: String?
}
