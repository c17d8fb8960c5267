import Foundation

/// Size and Length Restriction module (`slr:`, XLIFF 2 §5.7; size_restriction.sch). The XSD
/// types most of these attributes as plain strings, so their syntax is checked here.
enum SizeRestrictionRules: XLIFFRuleGroup {
    static let sizeInfo = XLIFFValidationRule("xliff.slr.size-info", "slr:sizeInfo and slr:sizeInfoRef are not used on the same element.")
    static let isolated = XLIFFValidationRule(
        "xliff.slr.isolated", "slr:equivStorage, slr:sizeInfo and slr:sizeInfoRef on an <ec> only when it is isolated.")
    static let value = XLIFFValidationRule(
        "xliff.slr.value",
        "slr:equivStorage and slr:sizeInfo are non-negative integers under the standard profiles (and never a non-integer number); slr:sizeRestriction and slr:storageRestriction are '*', 'n', 'n,m' or 'n,*'.")
    static let sizeInfoRef = XLIFFValidationRule(
        "xliff.slr.size-info-ref", "slr:sizeInfoRef names an element inside an <slr:data> that is a sibling of the element or of one of its ancestors.")

    static let profile = XLIFFValidationRule(
        "xliff.slr.profile",
        "slr:sizeRestriction and slr:storageRestriction are measured under the generalProfile and storageProfile of the file's <slr:profiles> (a warning: without one, no tool checks them).")

    static let rules = [sizeInfo, isolated, value, sizeInfoRef, profile]

    static func check(_ context: inout ValidationContext) {
        let ns = XLIFFNamespace.sizeRestriction
        for element in context.allElements {
            let attributes = element.attributes.filter { $0.namespace == ns }
            guard !attributes.isEmpty, !(element.namespace == ns) else { continue }
            let names = Set(attributes.map(\.name))
            if names.contains("sizeInfo") && names.contains("sizeInfoRef") {
                context.report(element, "<\(element.name)> has both slr:sizeInfo and slr:sizeInfoRef", rule: sizeInfo)
            }
            if element.isCore("ec") && element["isolated"] != "yes" {
                for name in ["equivStorage", "sizeInfo", "sizeInfoRef"] where names.contains(name) {
                    context.report(element, "\(element.label) has slr:\(name) but is not isolated", rule: isolated)
                }
            }
            for attribute in attributes {
                switch attribute.name {
                case "equivStorage", "sizeInfo":
                    let profile = declaredProfile(attribute.name == "sizeInfo" ? "generalProfile" : "storageProfile", for: element)
                    if !isSize(attribute.value, profile: profile) {
                        let under = profile.map { "profile \($0)" } ?? "any standard profile"
                        context.report(element, "slr:\(attribute.name) '\(attribute.value)' is not a non-negative integer, as \(under) requires", rule: value)
                    }
                case "sizeRestriction", "storageRestriction":
                    let profileName = attribute.name == "sizeRestriction" ? "generalProfile" : "storageProfile"
                    let profile = declaredProfile(profileName, for: element)
                    if profile?.isEmpty ?? true {
                        // The module's default profile is empty, which disables restriction checking.
                        context.report(element, "slr:\(attribute.name) on \(element.label) has no \(profileName) in the file's <slr:profiles>: no tool checks it",
                                       rule: Self.profile, severity: .warning)
                    }
                    if !isRestriction(attribute.value) {
                        context.report(element, "slr:\(attribute.name) '\(attribute.value)' is not '*', 'n', 'n,m' or 'n,*'", rule: value)
                    }
                case "sizeInfoRef":
                    if !resolves(attribute.value, from: element) {
                        context.report(element, "slr:sizeInfoRef '\(attribute.value)' names nothing in an <slr:data> beside this element or its ancestors", rule: sizeInfoRef)
                    }
                default:
                    break
                }
            }
        }
    }

    /// Profiles whose sizes are counts of code points or bytes.
    private static let integerProfiles: Set<String> = ["xliff:codepoints", "xliff:utf8", "xliff:utf16", "xliff:utf32"]

    /// The profile an `<slr:profiles>` of the enclosing file declares, if any.
    private static func declaredProfile(_ attribute: String, for element: XMLElementRef) -> String? {
        let file = element.isCore("file") ? element : element.enclosingFile
        return file?.children.first { $0.isElement("profiles", in: XLIFFNamespace.sizeRestriction) }?[attribute]
    }

    /// Under a standard profile a size is a non-negative integer. Under an unknown or undeclared
    /// profile the value's form is the profile's business, but a number is still a count of
    /// units, so a decimal or negative number is never a size. (The TC's suites accept
    /// `sizeInfo="some info"` without profiles and reject `sizeInfo="25.5"`.)
    private static func isSize(_ s: String, profile: String?) -> Bool {
        if isNonNegativeInteger(s) { return true }
        if let profile, integerProfiles.contains(profile) { return false }
        return Double(s.trimmingCharacters(in: .whitespaces)) == nil
    }

    private static func isNonNegativeInteger(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }

    private static func isRestriction(_ s: String) -> Bool {
        if s == "*" { return true }
        let parts = s.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1: return isNonNegativeInteger(parts[0])
        case 2: return isNonNegativeInteger(parts[0]) && (parts[1] == "*" || isNonNegativeInteger(parts[1]))
        default: return false
        }
    }

    private static func resolves(_ id: String, from element: XMLElementRef) -> Bool {
        var current: XMLElementRef? = element
        while let c = current, let parent = c.parent {
            for data in parent.children where data.isElement("data", in: XLIFFNamespace.sizeRestriction) {
                if data.descendants.contains(where: { $0["id"] == id || $0.attribute("id", in: XLIFFNamespace.xml) == id }) { return true }
            }
            current = parent
        }
        return false
    }
}
