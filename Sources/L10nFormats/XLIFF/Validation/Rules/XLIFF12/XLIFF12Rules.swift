/// Key XLIFF 1.2 requirements beyond its schema: ids that tools match units and codes by.
enum XLIFF12Rules: XLIFFRuleGroup {
    static let uniqueUnitID = XLIFFValidationRule("xliff12.unique-id.trans-unit", "<trans-unit> and <bin-unit> ids are unique within their <file>.")
    static let codePairing = XLIFFValidationRule(
        "xliff12.code-pairing", "<bpt>/<ept> pair by id within one source or target; an <ex> (or <bx>) has its partner with the same rid in the same content.")
    static let targetCodes = XLIFFValidationRule(
        "xliff12.target-codes", "Inline codes in a <target> (<g>, <x>, <bx>, <ex>, <bpt>, <ept>, <ph>, <it>) have the id of a code of the same kind in the <source>.")
    static let segmentMarkers = XLIFFValidationRule(
        "xliff12.mrk-seg", "<mrk mtype=\"seg\"> mids are unique in <seg-source>, and the target's seg markers use those mids.")

    static let rules = [uniqueUnitID, codePairing, targetCodes, segmentMarkers]

    static func applies(to version: XLIFFVersion) -> Bool { version == .v1_2 }

    private static let codeNames: Set<String> = ["g", "x", "bx", "ex", "bpt", "ept", "ph", "it"]

    static func check(_ context: inout ValidationContext) {
        let ns = context.root.namespace
        func is12(_ element: XMLElementRef, _ name: String) -> Bool { element.name == name && element.namespace == ns }
        for file in context.allElements where is12(file, "file") {
            var seen: [String: Int] = [:]
            for unit in file.descendants where is12(unit, "trans-unit") || is12(unit, "bin-unit") {
                guard let id = unit["id"] else { continue }
                if let first = seen[id] {
                    context.report(unit, "<\(unit.name)> id '\(id)' is already used on line \(first) in this <file>", rule: uniqueUnitID)
                } else {
                    seen[id] = unit.line
                }
            }
        }
        for unit in context.allElements where is12(unit, "trans-unit") {
            let contents = unit.children.filter { is12($0, "source") || is12($0, "target") || is12($0, "seg-source") }
            for content in contents { checkPairs(in: content, ns: ns, into: &context) }
            if let source = contents.first(where: { is12($0, "source") }) {
                let sourceCodes = Set(source.descendants.filter { codeNames.contains($0.name) && $0.namespace == ns }.compactMap { c in c["id"].map { "\(c.name)#\($0)" } })
                for target in contents where is12(target, "target") {
                    for code in target.descendants where codeNames.contains(code.name) && code.namespace == ns {
                        guard let id = code["id"], !sourceCodes.contains("\(code.name)#\(id)") else { continue }
                        context.report(code, "<\(code.name) id=\"\(id)\"> in the target has no <\(code.name)> with that id in the source", rule: targetCodes)
                    }
                }
            }
            checkSegments(unit, contents: contents, ns: ns, into: &context)
        }
    }

    private static func checkPairs(in content: XMLElementRef, ns: String?, into context: inout ValidationContext) {
        let codes = content.descendants.filter { $0.namespace == ns }
        for begin in codes where begin.name == "bpt" {
            guard let id = begin["id"] else { continue }
            let ends = codes.filter { $0.name == "ept" && $0["id"] == id }
            if ends.count != 1 {
                context.report(begin, "<bpt id=\"\(id)\"> has \(ends.isEmpty ? "no" : "\(ends.count)") <ept id=\"\(id)\"> in the same <\(content.name)>", rule: codePairing)
            }
        }
        for end in codes where end.name == "ept" {
            guard let id = end["id"], !codes.contains(where: { $0.name == "bpt" && $0["id"] == id }) else { continue }
            context.report(end, "<ept id=\"\(id)\"> has no <bpt id=\"\(id)\"> in the same <\(content.name)>", rule: codePairing)
        }
        for (name, partner) in [("ex", "bx"), ("bx", "ex")] {
            for code in codes where code.name == name {
                guard let rid = code["rid"], !codes.contains(where: { $0.name == partner && $0["rid"] == rid }) else { continue }
                context.report(code, "<\(name) rid=\"\(rid)\"> has no <\(partner) rid=\"\(rid)\"> in the same <\(content.name)>", rule: codePairing)
            }
        }
    }

    private static func checkSegments(_ unit: XMLElementRef, contents: [XMLElementRef], ns: String?, into context: inout ValidationContext) {
        func markers(_ content: XMLElementRef) -> [XMLElementRef] {
            content.descendants.filter { $0.name == "mrk" && $0.namespace == ns && $0["mtype"] == "seg" }
        }
        guard let segSource = contents.first(where: { $0.name == "seg-source" }) else { return }
        var mids: [String: Int] = [:]
        for marker in markers(segSource) {
            guard let mid = marker["mid"] else { continue }
            if let first = mids[mid] {
                context.report(marker, "segment mid '\(mid)' is already used on line \(first) in this <seg-source>", rule: segmentMarkers)
            } else {
                mids[mid] = marker.line
            }
        }
        for target in contents where target.name == "target" {
            var used = Set<String>()
            for marker in markers(target) {
                guard let mid = marker["mid"] else { continue }
                if mids[mid] == nil {
                    context.report(marker, "target segment mid '\(mid)' is not a segment of the <seg-source>", rule: segmentMarkers)
                } else if !used.insert(mid).inserted {
                    context.report(marker, "target segment mid '\(mid)' is used twice", rule: segmentMarkers)
                }
            }
            let missing = mids.keys.filter { !used.contains($0) }.sorted()
            if !used.isEmpty && !missing.isEmpty {
                context.report(target, "target has no segment for seg-source mid(s) \(missing.joined(separator: ", "))", rule: segmentMarkers, severity: .warning)
            }
        }
    }
}
