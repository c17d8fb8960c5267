import L10nCore

/// A unit, group, file or inline span whose target does not fit its XLIFF size restriction
/// (`slr:sizeRestriction`, `slr:storageRestriction`; 1.2 `maxwidth`, `maxbytes`).
public struct SizeRestrictionCheck: QAScopeCheck {
    static func codepoints(_ size: String, normalization: String? = nil) -> SizeScope {
        SizeScope(limits: SizeLimits(size: size), profiles: SizeProfiles(general: SizeProfiles.codepoints, generalNormalization: normalization))
    }

    static func storage(_ storage: String, _ profile: String) -> SizeScope {
        SizeScope(limits: SizeLimits(storage: storage), profiles: SizeProfiles(storage: profile))
    }

    public static let description = CheckDescription(
        id: "length.size-restriction", name: "Size restriction",
        summary: "A target is longer (or shorter) than the XLIFF size restriction of its unit, group, file or inline span (<pc>, <sc>) allows: code points under xliff:codepoints, bytes under xliff:utf8, xliff:utf16 or xliff:utf32.",
        rationale: "Whoever set the restriction knows a field, a label or a database column that cuts off or rejects longer text; a target over it is broken wherever it is shown. A restriction binds the unit's segments, or a group's or file's units, together, measured as its profile says after the stated normalization; inline codes count nothing, protected spans count their text. Without a profile nothing is checked (XLIFF's default), and third-party profiles are left to their tools; a value the standard profile cannot read is reported rather than ignored.",
        defaultSeverity: .error,
        passing: [
            CheckExample("Add to cart", "In den Warenkorb", size: codepoints("16")),
            CheckExample("Add to cart", "{b}In den Warenkorb{/b}", size: codepoints("16")),
            CheckExample("Size", "Größe", size: storage("7", SizeProfiles.utf8)),
            CheckExample("Cafe", "Cafe\u{301}", size: codepoints("4", normalization: "nfc")),
            CheckExample("See {url}", "Siehe {url}", size: codepoints("30")),
            CheckExample("OK", "OK", size: codepoints("2,*")),
            CheckExample("Add to cart", "In den Warenkorb legen", size: SizeScope(limits: SizeLimits(size: "5"), profiles: nil)),
            CheckExample("Add to cart", "In den Warenkorb legen", size: SizeScope(limits: SizeLimits(size: "{120,20}"), profiles: SizeProfiles(general: "acme:pixels"))),
            CheckExample("Add to cart", "In den Warenkorb legen"),
        ],
        failing: [
            CheckExample("Add to cart", "In den Warenkorb⟦", size: codepoints("10")),
            CheckExample("Size", "Größe⟦", size: storage("8", SizeProfiles.utf16)),
            CheckExample("Size", "サイズ⟦", size: storage("11", SizeProfiles.utf32)),
            CheckExample("Cafe", "Cafe\u{301}⟦", size: codepoints("4")),
            CheckExample("Cafe", "Caf\u{E9}⟦", size: codepoints("4", normalization: "nfd")),
            CheckExample("See {url}", "Siehe {url}⟦", size: codepoints("29")),
            CheckExample("Yes", "Ja⟦", size: codepoints("5,20")),
            CheckExample("Add to cart", "In den Warenkorb⟦⟦",
                         size: SizeScope(limits: SizeLimits(size: "10", storage: "12"), profiles: SizeProfiles(general: SizeProfiles.codepoints, storage: SizeProfiles.utf8))),
            CheckExample("Add to cart", "In den Warenkorb⟦", size: codepoints("zehn")),
        ])

    public init() {}

    /// One issue per restriction the target breaks (or that cannot be read), at its end.
    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        guard let scope = pair.size, let profiles = scope.profiles else { return [] }
        let end = pair.readableTarget.count
        let text = SizeProfiles.measuredText(pair.target)
        var issues: [QAIssue] = []
        for (kind, value, profile, normalization) in [
            ("size restriction", scope.limits.size, profiles.general, profiles.generalNormalization),
            ("storage restriction", scope.limits.storage, profiles.storage, profiles.storageNormalization),
        ] {
            // No profile, or one that is not ours to measure (general profiles count code
            // points, storage profiles bytes): not checked.
            guard let value, let profile, let measure = SizeProfiles.Measure(profile: profile),
                  (kind == "size restriction") == (measure == .codePoints) else { continue }
            guard let restriction = SizeRestriction(value) else {
                issues.append(QAIssue("the \(kind) '\(value)' of \(scope.name) is not '[min,]max' as \(profile) reads it: not checked", at: end))
                continue
            }
            guard let form = SizeProfiles.Normalization(attribute: normalization) else {
                issues.append(QAIssue("slr:normalization '\(normalization ?? "")' is not none, nfc or nfd: the \(kind) of \(scope.name) is not checked", at: end))
                continue
            }
            let size = measure.count(form.apply(text))
            guard !restriction.contains(size) else { continue }
            let how = form == .none ? profile : "\(profile), \(form.rawValue.uppercased())"
            let measured = measure == .codePoints ? "is \(size) \(measure.unit)" : "takes \(size) \(measure.unit)"
            if let maximum = restriction.maximum, size > maximum {
                issues.append(QAIssue("\(scope.name) \(measured), over the limit of \(maximum) (\(kind), \(how))", at: end))
            } else {
                issues.append(QAIssue("\(scope.name) \(measured), under the minimum of \(restriction.minimum) (\(kind), \(how))", at: end))
            }
        }
        return issues
    }
}
