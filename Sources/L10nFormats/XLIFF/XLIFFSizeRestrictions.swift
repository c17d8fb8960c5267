import L10nCore

/// How the writers carry size restrictions (``SizeLimits``, ``SizeProfiles``, ``SizeGroup``).
///
/// XLIFF 2: `xmlns:slr` on the `<file>` (so each `<file>` stands alone), `slr:sizeRestriction` /
/// `slr:storageRestriction` on `<file>`, `<group>` and `<unit>`, `<slr:profiles>` (with
/// `<slr:normalization>`) after the skeleton, and `slr:sizeInfo` / `slr:equivStorage` on the
/// `<ph>` of each protected span of a restricted unit, so other tools count its text as we do.
/// Groups are written only when restricted; their units must be consecutive and groups nested.
///
/// XLIFF 1.2: a unit's general restriction under `xliff:codepoints` as `size-unit="char"` with
/// `maxwidth`/`minwidth`, its storage restriction under `xliff:utf8` as `maxbytes`/`minbytes`.
/// 1.2 has nothing for file or group restrictions, other profiles or normalization: those are
/// left out.
enum XLIFFSizeRestrictions {
    static let prefix = "slr"

    /// Where the restricted groups open and close among a document's units.
    struct GroupLayout {
        /// Groups opening before unit `i`, outer first.
        var opens: [Int: [SizeGroup]] = [:]
        /// How many groups close after unit `i`.
        var closes: [Int: Int] = [:]
        /// Every unit inside some restricted group.
        var grouped: Set<String> = []

        init(_ document: Document) throws {
            guard let groups = document.sizeGroups, !groups.isEmpty else { return }
            var index: [String: Int] = [:]
            for (i, unit) in document.units.enumerated() where index[unit.id] == nil { index[unit.id] = i }
            var ranges: [(range: ClosedRange<Int>, order: Int)] = []
            var ids = Set<String>()
            func fail(_ group: SizeGroup, _ why: String) -> FormatError {
                FormatError(.unsupported, "\(document.original): size-restricted group \"\(group.id)\" \(why)")
            }
            for (order, group) in groups.enumerated() {
                guard InlineCodeLayout.isNMToken(group.id), ids.insert(group.id).inserted else { throw fail(group, "needs a unique XML name token as id") }
                guard !group.units.isEmpty else { continue }
                let positions = try group.units.map { id -> Int in
                    guard let i = index[id] else { throw fail(group, "names unit \"\(id)\", which the document does not have") }
                    return i
                }
                guard let first = positions.first, positions == Array(first..<(first + positions.count)) else {
                    throw fail(group, "holds units that are not consecutive")
                }
                ranges.append((first...(first + positions.count - 1), order))
                grouped.formUnion(group.units)
            }
            // Outer before inner: by start, then the longer first, then as listed.
            ranges.sort { ($0.range.lowerBound, -$0.range.count, $0.order) < ($1.range.lowerBound, -$1.range.count, $1.order) }
            var open: [ClosedRange<Int>] = []
            for (range, order) in ranges {
                while let top = open.last, top.upperBound < range.lowerBound { open.removeLast() }
                if let top = open.last, range.upperBound > top.upperBound { throw fail(groups[order], "overlaps another group without containing it") }
                open.append(range)
                opens[range.lowerBound, default: []].append(groups[order])
                closes[range.upperBound, default: 0] += 1
            }
        }
    }

    /// What `slr:sizeInfo` and `slr:equivStorage` say of a protected span's `<ph>` in a unit under
    /// restriction: the size of its text under the file's standard profiles.
    struct CodeSizes {
        var general: (SizeProfiles.Measure, SizeProfiles.Normalization)?
        var storage: (SizeProfiles.Measure, SizeProfiles.Normalization)?

        /// nil when no standard profile measures anything.
        init?(_ profiles: SizeProfiles?) {
            guard let profiles else { return nil }
            if let m = SizeProfiles.Measure(profile: profiles.general), m == .codePoints,
               let n = SizeProfiles.Normalization(attribute: profiles.generalNormalization) { general = (m, n) }
            if let m = SizeProfiles.Measure(profile: profiles.storage), m != .codePoints,
               let n = SizeProfiles.Normalization(attribute: profiles.storageNormalization) { storage = (m, n) }
            if general == nil && storage == nil { return nil }
        }

        /// `(sizeInfo, equivStorage)` of `code`; nils for codes that are not protected text.
        func sizes(of code: InlineCode) -> (String?, String?) {
            guard code.isProtectedText, let text = code.equiv else { return (nil, nil) }
            return (general.map { String($0.0.count($0.1.apply(text))) }, storage.map { String($0.0.count($0.1.apply(text))) })
        }
    }

    /// The units a restriction covers: their own, a group's or the file's.
    static func restrictedUnits(_ document: Document, groups: GroupLayout) -> Set<String> {
        if document.sizeLimits.map({ !$0.isEmpty }) == true { return Set(document.units.map(\.id)) }
        var ids = groups.grouped
        for unit in document.units where unit.sizeLimits.map({ !$0.isEmpty }) == true { ids.insert(unit.id) }
        return ids
    }

    /// XLIFF 1.2 `trans-unit` attributes for `limits`: `size-unit`, `maxwidth`, `minwidth`,
    /// `maxbytes`, `minbytes` (nil where nothing applies).
    static func xliff12Attributes(_ limits: SizeLimits?, profiles: SizeProfiles?) -> [(String, String?)] {
        guard let limits, let profiles else { return [] }
        var out: [(String, String?)] = []
        if profiles.general == SizeProfiles.codepoints, let size = limits.size.flatMap(SizeRestriction.init), size != SizeRestriction(maximum: nil) {
            out += [("size-unit", "char"), ("maxwidth", size.maximum.map(String.init)), ("minwidth", size.minimum > 0 ? String(size.minimum) : nil)]
        }
        if profiles.storage == SizeProfiles.utf8, let storage = limits.storage.flatMap(SizeRestriction.init), storage != SizeRestriction(maximum: nil) {
            out += [("maxbytes", storage.maximum.map(String.init)), ("minbytes", storage.minimum > 0 ? String(storage.minimum) : nil)]
        }
        return out
    }

    /// A unit's restriction from XLIFF 1.2 `trans-unit` attributes: `maxwidth`/`minwidth` in
    /// `size-unit="char"` (code points) or `"byte"` (UTF-8 bytes), and `maxbytes`/`minbytes`
    /// (UTF-8 bytes, taking precedence over byte widths). Pixels and other units are not size
    /// restrictions a text can be checked against.
    static func xliff12Limits(sizeUnit: String?, maxwidth: String?, minwidth: String?, maxbytes: String?, minbytes: String?) -> SizeLimits? {
        func value(min: String?, max: String?) -> String? {
            switch (min, max) {
            case (nil, nil): return nil
            case (nil, let max?): return max
            case (let min?, nil): return "\(min),*"
            case (let min?, let max?): return "\(min),\(max)"
            }
        }
        let widths = value(min: minwidth, max: maxwidth)
        var limits = SizeLimits()
        switch sizeUnit {
        case "char": limits.size = widths
        case "byte": limits.storage = widths
        default: break
        }
        if let bytes = value(min: minbytes, max: maxbytes) { limits.storage = bytes }
        return limits.isEmpty ? nil : limits
    }
}
