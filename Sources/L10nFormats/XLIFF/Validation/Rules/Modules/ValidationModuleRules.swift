/// Validation module (`val:`, XLIFF 2 §5.8; validation.sch).
enum ValidationModuleRules: XLIFFRuleGroup {
    static let ruleKind = XLIFFValidationRule(
        "xliff.val.rule", "A <val:rule> has exactly one of isPresent, isNotPresent, startsWith, endsWith, or custom attributes from another namespace.")
    static let occurs = XLIFFValidationRule("xliff.val.occurs", "occurs is only used with isPresent.")
    static let existsInSource = XLIFFValidationRule("xliff.val.exists-in-source", "existsInSource is used with exactly one of isPresent, startsWith or endsWith.")
    static let disabled = XLIFFValidationRule("xliff.val.disabled", "disabled=\"yes\" is not used on rules of the file-level <val:validation>.")

    static let rules = [ruleKind, occurs, existsInSource, disabled]

    private static let kinds = ["isPresent", "isNotPresent", "startsWith", "endsWith"]

    static func check(_ context: inout ValidationContext) {
        let ns = XLIFFNamespace.validation
        for rule in context.allElements where rule.isElement("rule", in: ns) {
            let native = kinds.filter(rule.has)
            let custom = rule.attributes.filter { $0.namespace != nil && $0.namespace != ns && $0.namespace != XLIFFNamespace.xml }
            if native.count + (custom.isEmpty ? 0 : 1) != 1 {
                let found = native + (custom.isEmpty ? [] : ["custom attributes"])
                let what = found.isEmpty ? "none" : found.joined(separator: ", ")
                context.report(rule, "<val:rule> must define exactly one check (isPresent, isNotPresent, startsWith, endsWith or a custom attribute); found \(what)", rule: ruleKind)
            }
            if rule.has("occurs") && !rule.has("isPresent") {
                context.report(rule, "<val:rule> has occurs without isPresent", rule: occurs)
            }
            if rule.has("existsInSource") && ["isPresent", "startsWith", "endsWith"].filter(rule.has).count != 1 {
                context.report(rule, "<val:rule> has existsInSource without exactly one of isPresent, startsWith or endsWith", rule: existsInSource)
            }
            if rule["disabled"] == "yes", rule.parent?.parent?.isCore("file") ?? false {
                context.report(rule, "<val:rule> at file level cannot be disabled", rule: disabled)
            }
        }
    }
}
