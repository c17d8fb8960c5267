import Foundation
import Yams

/// The shape of a market profile: which keys exist at each level and which values are allowed.
/// `Codable` alone would ignore a misspelt key silently; this names it.
enum MarketSchema {
    static let topLevel: Set<String> = ["id", "name", "language", "locale", "currency", "measurement", "electrical", "certifications", "spelling", "tone", "dates"]
    static let nested: [String: Set<String>] = [
        "measurement": ["system", "convert", "keep", "convertWhen"],
        "electrical": ["voltages", "frequency", "plugs", "plugStandard", "regionalVoltages", "regionalFrequencies", "everyRegionWords", "summary"],
        "tone": ["address", "superlatives", "comparatives", "exclamationRun", "allCaps", "emoji", "note"],
        "dates": ["order", "separator", "pattern", "longPattern"],
    ]
    static let regimeKeys: Set<String> = ["required", "authority", "note", "match"]
    static let categories: Set<String> = [
        "electrical-safety", "radio", "emc", "energy-efficiency", "food-contact", "toys", "pv-inverter",
        "hazardous-substances", "machinery", "medical",
    ]
    static let keepContexts: Set<String> = ["screen-diagonal", "pipe-thread", "wheel-size", "tire-size", "btu-rating", "lumber-nominal"]
    static let spellings: Set<String> = ["en-US", "en-GB", "en-CA", "en-AU", "en-IN", "en-NZ", "en-IE", "en-SG"]

    /// Unknown keys, at any level.
    static func check(_ node: Node, file: String) throws {
        guard let mapping = node.mapping else {
            throw MarketDataError(file: file, keyPath: "", message: "must be a mapping of keys to values")
        }
        try checkKeys(mapping, allowed: topLevel, path: "", file: file)
        for (key, allowed) in nested {
            if let child = mapping[key]?.mapping { try checkKeys(child, allowed: allowed, path: key, file: file) }
        }
        for (i, entry) in (mapping["measurement"]?.mapping?["convertWhen"]?.sequence ?? []).enumerated() {
            if let entry = entry.mapping { try checkKeys(entry, allowed: ["from", "to", "cues"], path: "measurement.convertWhen[\(i)]", file: file) }
        }
        if let certs = mapping["certifications"]?.mapping {
            try checkKeys(certs, allowed: categories, path: "certifications", file: file)
            for (key, value) in certs {
                if let regime = value.mapping, let name = key.string {
                    try checkKeys(regime, allowed: regimeKeys, path: "certifications.\(name)", file: file)
                }
            }
        }
    }

    private static func checkKeys(_ mapping: Node.Mapping, allowed: Set<String>, path: String, file: String) throws {
        for (key, _) in mapping {
            guard let name = key.string else {
                throw MarketDataError(file: file, keyPath: path, message: "keys must be strings")
            }
            guard allowed.contains(name) else {
                let prefix = path.isEmpty ? name : "\(path).\(name)"
                throw MarketDataError(file: file, keyPath: prefix, message: "unknown key; expected one of \(allowed.sorted().joined(separator: ", "))")
            }
        }
    }

    /// Values that decode but make no sense.
    static func checkValues(_ p: MarketProfile, file: String) throws {
        func fail(_ path: String, _ message: String) -> MarketDataError { MarketDataError(file: file, keyPath: path, message: message) }
        guard p.id.range(of: "^[a-z]{2,3}$", options: .regularExpression) != nil else { throw fail("id", "must be 2–3 lower-case letters, got '\(p.id)'") }
        guard p.language.range(of: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", options: .regularExpression) != nil else { throw fail("language", "is not a BCP 47 tag: '\(p.language)'") }
        guard p.locale.range(of: "^[a-z]{2,3}(_[A-Za-z0-9]{2,8})*(@[a-z]+=[A-Za-z0-9-]+(;[a-z]+=[A-Za-z0-9-]+)*)?$", options: .regularExpression) != nil else { throw fail("locale", "is not an ICU locale id: '\(p.locale)'") }
        guard p.currency.range(of: "^[A-Z]{3}$", options: .regularExpression) != nil else { throw fail("currency", "is not an ISO 4217 code: '\(p.currency)'") }
        for (from, to) in p.measurement.convert.sorted(by: { $0.key < $1.key }) {
            guard let source = MeasureUnit.byID[from] else { throw fail("measurement.convert.\(from)", "unknown unit '\(from)'") }
            guard let target = MeasureUnit.byID[to] else { throw fail("measurement.convert.\(from)", "unknown unit '\(to)'") }
            guard source.quantity == target.quantity else {
                throw fail("measurement.convert.\(from)", "converts \(source.quantity.rawValue) to \(target.quantity.rawValue)")
            }
        }
        for (i, rule) in (p.measurement.convertWhen ?? []).enumerated() {
            let path = "measurement.convertWhen[\(i)]"
            guard let source = MeasureUnit.byID[rule.from] else { throw fail(path + ".from", "unknown unit '\(rule.from)'") }
            guard let target = MeasureUnit.byID[rule.to] else { throw fail(path + ".to", "unknown unit '\(rule.to)'") }
            guard source.quantity == target.quantity else { throw fail(path, "converts \(source.quantity.rawValue) to \(target.quantity.rawValue)") }
            guard !rule.cues.isEmpty, rule.cues.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw fail(path + ".cues", "must list the words that say what the sentence is about")
            }
        }
        for (i, keep) in p.measurement.keep.enumerated() where !keepContexts.contains(keep) {
            throw fail("measurement.keep[\(i)]", "unknown context '\(keep)'; expected one of \(keepContexts.sorted().joined(separator: ", "))")
        }
        guard !p.electrical.voltages.isEmpty, p.electrical.voltages.allSatisfy({ (50...400).contains($0) }) else {
            throw fail("electrical.voltages", "must list mains voltages between 50 and 400 V")
        }
        guard [50, 60].contains(p.electrical.frequency) else { throw fail("electrical.frequency", "must be 50 or 60") }
        if let regional = p.electrical.regionalVoltages, regional.count < 2 || !regional.allSatisfy(p.electrical.voltages.contains) {
            throw fail("electrical.regionalVoltages", "must list two or more of electrical.voltages")
        }
        if let regional = p.electrical.regionalFrequencies, Set(regional) != [50, 60] || !regional.contains(p.electrical.frequency) {
            throw fail("electrical.regionalFrequencies", "must be [50, 60] (both in use by region, one of them electrical.frequency)")
        }
        if let words = p.electrical.everyRegionWords {
            guard p.electrical.regionalVoltages != nil || p.electrical.regionalFrequencies != nil else {
                throw fail("electrical.everyRegionWords", "needs electrical.regionalVoltages or electrical.regionalFrequencies (the regions the words cover)")
            }
            for (i, word) in words.enumerated() where word.range(of: #"^\p{L}[\p{L}\- ]*\p{L}$"#, options: .regularExpression) == nil {
                throw fail("electrical.everyRegionWords[\(i)]", "'\(word)' is not a word (letters, hyphens and spaces)")
            }
        }
        for (i, plug) in p.electrical.plugs.enumerated() where plug.range(of: "^[A-O]$", options: .regularExpression) == nil {
            throw fail("electrical.plugs[\(i)]", "'\(plug)' is not an IEC plug type letter (A–O)")
        }
        if let spelling = p.spelling, !spellings.contains(spelling) {
            throw fail("spelling", "unknown variant '\(spelling)'; expected one of \(spellings.sorted().joined(separator: ", "))")
        }
        guard p.tone.exclamationRun >= 0 else { throw fail("tone.exclamationRun", "must be 0 or more") }
        guard !p.dates.pattern.isEmpty, !p.dates.longPattern.isEmpty else { throw fail("dates.pattern", "must not be empty") }
    }
}
