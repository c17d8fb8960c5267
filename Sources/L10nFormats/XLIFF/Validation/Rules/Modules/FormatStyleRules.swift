/// Format Style module (`fs:`, XLIFF 2 §5.3; fs.sch).
enum FormatStyleRules: XLIFFRuleGroup {
    static let isolated = XLIFFValidationRule("xliff.fs.isolated", "fs:fs and fs:subFs on an <ec> only when it is isolated (its <sc> carries the style).")
    static let subFs = XLIFFValidationRule("xliff.fs.subfs", "fs:subFs is only used together with fs:fs.")

    static let rules = [isolated, subFs]

    static func check(_ context: inout ValidationContext) {
        let ns = XLIFFNamespace.formatStyle
        for element in context.allElements {
            let fs = element.attribute("fs", in: ns), sub = element.attribute("subFs", in: ns)
            guard fs != nil || sub != nil else { continue }
            if element.isCore("ec") && element["isolated"] != "yes" {
                context.report(element, "\(element.label) has fs:\(fs != nil ? "fs" : "subFs") but is not isolated", rule: isolated)
            }
            if sub != nil && fs == nil {
                context.report(element, "<\(element.name)> has fs:subFs without fs:fs", rule: subFs)
            }
        }
    }
}
