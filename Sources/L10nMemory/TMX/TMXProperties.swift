import L10nCore

/// The `x-l10n-*` properties that carry what TMX has no place for (origin, project, market,
/// in-context neighbours), and OmegaT's `prev`/`next`/`file`, read back on import.
enum TMXProperties {
    static let prefix = "x-l10n-"

    static func l10n(of unit: TranslationUnit) -> [TranslationUnit.Property] {
        var out = [TranslationUnit.Property(type: prefix + "origin", value: unit.origin.rawValue)]
        if let v = unit.project { out.append(.init(type: prefix + "project", value: v)) }
        if let v = unit.market { out.append(.init(type: prefix + "market", value: v)) }
        if let v = unit.document { out.append(.init(type: prefix + "document", value: v)) }
        if let v = unit.previousHash { out.append(.init(type: prefix + "previous-hash", value: v)) }
        if let v = unit.nextHash { out.append(.init(type: prefix + "next-hash", value: v)) }
        return out
    }

    /// Applies the `x-l10n-*` properties of `properties` to `unit` and drops them from its list.
    static func apply(_ properties: [TranslationUnit.Property], to unit: inout TranslationUnit) {
        var any = false
        for p in properties where p.type.hasPrefix(prefix) {
            any = true
            switch p.type.dropFirst(prefix.count) {
            case "origin": unit.origin = MemoryOrigin(p.value) ?? unit.origin
            case "project": unit.project = p.value
            case "market": unit.market = p.value
            case "document": unit.document = p.value
            case "previous-hash": unit.previousHash = p.value
            case "next-hash": unit.nextHash = p.value
            default: break
            }
        }
        if any { unit.properties.removeAll { $0.type.hasPrefix(prefix) } }
    }
}
