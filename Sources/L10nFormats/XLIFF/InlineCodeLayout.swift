import L10nCore

/// Decides how the codes of one `<source>`/`<target>` are written: which open/close halves form
/// a well-formed pair that can be one element (`<pc>` in 2.x, `<g>` in 1.2), and which must be
/// written as separate start/end markers (`<sc>`/`<ec>`, `<bx>`/`<ex>`) because the partner is in
/// another segment, outside the unit, or the pairs overlap.
struct InlineCodeLayout {
    /// Index of an open code's run → index of its close run, for pairs written as one element.
    private(set) var closeOf: [Int: Int] = [:]
    private(set) var pairedCloses: Set<Int> = []

    /// The ids of the well-formed pairs.
    var pairedIDs: Set<String> = []

    /// - Parameter allowed: when set, only pairs with these ids may be one element. Targets pass
    ///   the pairs of their source, since XLIFF 2 wants a target code to use the same element as
    ///   the source code with the same id.
    init(_ runs: [Content.Run], allowed: Set<String>? = nil) {
        var stack: [(id: String, index: Int)] = []
        for (i, run) in runs.enumerated() {
            guard case .code(let c) = run, !c.isolated else { continue }
            switch c.kind {
            case .open:
                stack.append((c.id, i))
            case .close:
                guard let k = stack.lastIndex(where: { $0.id == c.id }) else { continue }
                if k == stack.count - 1, allowed?.contains(c.id) ?? true {
                    closeOf[stack[k].index] = i
                    pairedCloses.insert(i)
                    pairedIDs.insert(c.id)
                }
                // Overlapping pairs (`<b><i></b></i>`): everything opened since is unpaired.
                stack.removeSubrange(k...)
            case .standalone:
                break
            }
        }
    }

    /// XLIFF 2's `type`/`subType` for a code, made legal: `subType` needs `type`, and the `xlf:`
    /// subtypes need their own type (`xlf:b`, `xlf:i`, `xlf:u`, `xlf:lb`, `xlf:pb` → `fmt`;
    /// `xlf:var` → `ui`). A subType that is not `prefix:value` is dropped.
    static func typeAndSubType(_ code: InlineCode) -> (type: String?, subType: String?) {
        var type = code.type?.rawValue
        guard var subType = code.subType else { return (type, nil) }
        let parts = subType.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !subType.contains(where: \.isWhitespace) else { return (type, nil) }
        if parts[0] == "xlf" {
            let required: String?
            switch parts[1] {
            case "b", "i", "u", "lb", "pb": required = "fmt"
            case "var": required = "ui"
            default: required = nil
            }
            guard let required else { return (type, nil) }
            if type == nil { type = required }
            if type != required { return (type, nil) }
            subType = String(subType)
        } else if type == nil {
            type = "other"
        }
        return (type, subType)
    }

    /// XLIFF 1.2 `ctype` for `<g>`/`<bx>` (paired) or `<x>` (standalone).
    static func ctype(_ code: InlineCode) -> String? {
        switch (code.kind, code.subType, code.type) {
        case (.standalone, "xlf:lb"?, _): return "lb"
        case (.standalone, "xlf:pb"?, _): return "pb"
        case (.standalone, _, .image?): return "image"
        case (.open, "xlf:b"?, _), (.close, "xlf:b"?, _): return "bold"
        case (.open, "xlf:i"?, _), (.close, "xlf:i"?, _): return "italic"
        case (.open, "xlf:u"?, _), (.close, "xlf:u"?, _): return "underlined"
        case (.open, _, .link?), (.close, _, .link?): return "link"
        default:
            if let s = code.subType, !s.isEmpty, !s.contains(where: \.isWhitespace) { return "x-" + s }
            return code.type.map { "x-" + $0.rawValue }
        }
    }

    /// Whether `s` is an XML `NMTOKEN` (ids must be).
    static func isNMToken(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { c in
            c.properties.isAlphabetic || c.properties.numericType != nil || c == "." || c == "-" || c == "_" || c == ":"
                || c.properties.generalCategory == .nonspacingMark || c.properties.generalCategory == .spacingMark
        }
    }
}
