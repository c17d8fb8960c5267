/// Inline codes (XLIFF 2 core §4.7, Schematron F5, F6, F8, F9, F14–F17, F25): pairing of
/// `sc`/`ec`, references to original data, duplicated codes, code points and types.
enum InlineCodeRules: XLIFFRuleGroup {
    static let pairing = XLIFFValidationRule(
        "xliff.sc-ec-pairing",
        "A non-isolated <sc> has exactly one later <ec startRef> on the same side of the unit and vice versa; isolated ones have none; an <ec> uses id when isolated and startRef otherwise.")
    static let hints = XLIFFValidationRule(
        "xliff.sc-ec-hints", "An <sc> and its <ec> have the same canCopy, canDelete, canOverlap and canReorder (firstNo on <sc> pairs with no on <ec>).")
    static let dir = XLIFFValidationRule("xliff.dir", "dir is set on an <ec> only when it is isolated.")
    static let dataRef = XLIFFValidationRule(
        "xliff.dataref", "dataRef, dataRefStart and dataRefEnd name a <data> of the same unit (or match); dataRefStart and dataRefEnd come together.")
    static let copyOf = XLIFFValidationRule(
        "xliff.copy-of", "copyOf names an inline code of the same unit that may be copied (canCopy is not no), and a copy has no original data of its own.")
    static let cp = XLIFFValidationRule("xliff.cp", "<cp hex> encodes a code point that XML cannot carry as a character (and at most 10FFFF).")
    static let typeSubType = XLIFFValidationRule(
        "xliff.type-subtype", "subType needs type; xlf: subtypes are the defined ones (xlf:lb, xlf:pb, xlf:b, xlf:i, xlf:u with type fmt; xlf:var with type ui).")
    static let pcNesting = XLIFFValidationRule(
        "xliff.pc-nesting",
        "A spanning code that cannot overlap (<pc> by default, or canOverlap=\"no\") encloses no start or end code whose partner is outside it (a warning: it is an editing hint, and the TC's own in-out files break it).")

    static let rules = [pairing, hints, dir, dataRef, copyOf, cp, typeSubType, pcNesting]

    static func check(_ context: inout ValidationContext) {
        for scope in context.inlineScopes {
            for side in [InlineScope.Side.source, .target] {
                checkPairs(scope.inline(side), side: side, into: &context)
            }
            checkDataRefs(scope, into: &context)
            checkCopyOf(scope, into: &context)
        }
        for element in context.allElements where element.isInline {
            if element.name == "cp" { checkCodePoint(element, into: &context) }
            checkType(element, into: &context)
        }
    }

    // MARK: - sc / ec

    private static func checkPairs(_ inline: [XMLElementRef], side: InlineScope.Side, into context: inout ValidationContext) {
        let codes = inline.filter { $0.name == "sc" || $0.name == "ec" }
        var partner: [XMLElementRef: XMLElementRef] = [:]
        for (i, code) in codes.enumerated() {
            let isolated = code["isolated"] == "yes"
            if code.name == "sc" {
                guard let id = code["id"] else { continue }
                let ends = codes[(i + 1)...].filter { $0.name == "ec" && $0["startRef"] == id }
                if isolated {
                    let anywhere = codes.filter { $0.name == "ec" && $0["startRef"] == id }
                    if let end = anywhere.first {
                        context.report(code, "\(code.label) is isolated=\"yes\" but the <ec> on line \(end.line) closes it in the same \(side.rawValue) of the unit", rule: pairing)
                    }
                } else if ends.count != 1 {
                    let why = ends.isEmpty ? "no later <ec startRef=\"\(id)\">" : "\(ends.count) <ec startRef=\"\(id)\">"
                    context.report(code, "\(code.label) is not isolated but has \(why) in the \(side.rawValue) of the unit; set isolated=\"yes\" if it ends elsewhere", rule: pairing)
                } else {
                    partner[code] = ends[0]
                }
            } else {
                let id = code["id"], startRef = code["startRef"]
                if isolated && (id == nil || startRef != nil) {
                    context.report(code, "isolated \(code.label) must use id, not startRef", rule: pairing)
                } else if !isolated && (startRef == nil || id != nil) {
                    context.report(code, "\(code.label) is not isolated: it must use startRef and no id (or set isolated=\"yes\")", rule: pairing)
                }
                if !isolated && code.has("dir") {
                    context.report(code, "dir is only allowed on an isolated <ec>", rule: dir)
                }
                if !isolated, let startRef {
                    let starts = codes[..<i].filter { $0.name == "sc" && $0["id"] == startRef && $0["isolated"] != "yes" }
                    if starts.count != 1 {
                        context.report(code, "\(code.label) has no earlier non-isolated <sc id=\"\(startRef)\"> in the \(side.rawValue) of the unit", rule: pairing)
                    }
                }
            }
        }
        for (start, end) in partner.sorted(by: { $0.key.index < $1.key.index }) {
            checkHints(start, end, into: &context)
        }
        checkOverlap(inline, partner: partner, into: &context)
    }

    private static func checkHints(_ start: XMLElementRef, _ end: XMLElementRef, into context: inout ValidationContext) {
        for name in ["canCopy", "canDelete", "canOverlap", "canReorder"] {
            let s = start.flag(name), e = end.flag(name)
            let consistent = name == "canReorder" && s == "firstNo" ? e == "no" : s == e
            if !consistent {
                context.report(end, "\(name)=\"\(e)\" on \(end.label) does not match \(name)=\"\(s)\" on its <sc> (line \(start.line))", rule: hints)
            }
        }
    }

    /// canOverlap: a `pc` (default no) or an `sc` with canOverlap="no" must not enclose half of a pair.
    private static func checkOverlap(_ inline: [XMLElementRef], partner: [XMLElementRef: XMLElementRef], into context: inout ValidationContext) {
        var startOf: [XMLElementRef: XMLElementRef] = [:]
        for (s, e) in partner { startOf[e] = s }
        let position = Dictionary(uniqueKeysWithValues: inline.enumerated().map { ($1, $0) })
        for (i, element) in inline.enumerated() {
            if element.name == "pc" && element.flag("canOverlap", default: "no") == "no" {
                let inside = Set(element.descendants)
                for code in element.descendants where code.isCore("sc") || code.isCore("ec") {
                    let other = code.name == "sc" ? partner[code] : startOf[code]
                    if let other, !inside.contains(other) {
                        context.report(code, "\(code.label) inside \(element.label) is paired with a code outside it, but the <pc> cannot overlap (canOverlap is no)", rule: pcNesting, severity: .warning)
                    }
                }
            } else if element.name == "sc" && element["canOverlap"] == "no", let end = partner[element], let j = position[end] {
                for code in inline[(i + 1)..<j] where code.name == "sc" || code.name == "ec" {
                    let other = code.name == "sc" ? partner[code] : startOf[code]
                    if let other, let k = position[other], k < i || k > j {
                        context.report(code, "\(code.label) is paired across the bounds of \(element.label), which has canOverlap=\"no\"", rule: pcNesting, severity: .warning)
                    }
                }
            }
        }
    }

    // MARK: - Original data

    private static func checkDataRefs(_ scope: InlineScope, into context: inout ValidationContext) {
        let ids = Set(scope.data.compactMap { $0["id"] })
        let owner = scope.isUnit ? "unit" : "match"
        for element in scope.inline(.source) + scope.inline(.target) {
            for name in ["dataRef", "dataRefStart", "dataRefEnd"] {
                guard let ref = element[name] else { continue }
                if !ids.contains(ref) {
                    let why = scope.data.isEmpty ? "the \(owner) has no <originalData>" : "no <data id=\"\(ref)\"> in the \(owner)'s <originalData>"
                    context.report(element, "\(name)=\"\(ref)\" of \(element.label) points nowhere: \(why)", rule: dataRef)
                }
            }
            if element.name == "pc" && element.has("dataRefStart") != element.has("dataRefEnd") {
                context.report(element, "\(element.label) must have both dataRefStart and dataRefEnd, or neither", rule: dataRef)
            }
        }
    }

    private static func checkCopyOf(_ scope: InlineScope, into context: inout ValidationContext) {
        let all = scope.inline(.source) + scope.inline(.target)
        for element in all {
            guard let ref = element["copyOf"] else { continue }
            if element.has("dataRef") || element.has("dataRefStart") || element.has("dataRefEnd") {
                context.report(element, "\(element.label) has copyOf and also its own original data (dataRef…); use one or the other", rule: copyOf)
            }
            guard let base = all.first(where: { $0["id"] == ref && $0.isCode }) else {
                context.report(element, "copyOf=\"\(ref)\" of \(element.label) names no inline code of this \(scope.isUnit ? "unit" : "match")", rule: copyOf)
                continue
            }
            if base["canCopy"] == "no" {
                context.report(element, "copyOf=\"\(ref)\" copies \(base.label) (line \(base.line)), which has canCopy=\"no\"", rule: copyOf)
            }
        }
    }

    // MARK: - Single elements

    private static func checkCodePoint(_ element: XMLElementRef, into context: inout ValidationContext) {
        guard let hex = element["hex"], let value = UInt32(hex, radix: 16) else { return }  // the XSD checks the syntax
        let allowedInXML = value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
        // C1 controls other than U+0085 are discouraged in XML 1.0 and "restricted" in XML 1.1: <cp> may carry them.
        let discouraged = (0x7F...0x84).contains(value) || (0x86...0x9F).contains(value)
        if value > 0x10FFFF {
            context.report(element, "<cp hex=\"\(hex)\"> is beyond U+10FFFF", rule: cp)
        } else if allowedInXML && !discouraged {
            context.report(element, "<cp hex=\"\(hex)\"> encodes a character XML can carry directly; <cp> is only for characters XML cannot", rule: cp)
        }
    }

    private static let subTypeTypes: [String: String] = [
        "xlf:lb": "fmt", "xlf:pb": "fmt", "xlf:b": "fmt", "xlf:i": "fmt", "xlf:u": "fmt", "xlf:var": "ui",
    ]

    private static func checkType(_ element: XMLElementRef, into context: inout ValidationContext) {
        guard let subType = element["subType"] else { return }
        guard let type = element["type"] else {
            context.report(element, "\(element.label) has subType '\(subType)' but no type", rule: typeSubType)
            return
        }
        guard subType.hasPrefix("xlf:") else { return }
        if let required = subTypeTypes[subType] {
            if type != required {
                context.report(element, "subType '\(subType)' requires type '\(required)', not '\(type)'", rule: typeSubType)
            }
        } else {
            context.report(element, "subType '\(subType)' uses the reserved xlf: prefix but is not a defined value", rule: typeSubType)
        }
    }
}
