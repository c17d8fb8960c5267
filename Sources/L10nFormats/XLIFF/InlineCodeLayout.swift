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

    /// - Parameters:
    ///   - allowed: when set, only pairs with these ids may be one element. Targets pass the pairs
    ///     of their source, since XLIFF 2 wants a target code to use the same element as the
    ///     source code with the same id.
    ///   - separate: pairs with these ids are never one element (XLIFF 2 writes an open code that
    ///     carries subflows as `<sc subFlows>`: `<pc>` would need both `subFlowsStart` and `subFlowsEnd`).
    init(_ runs: [Content.Run], allowed: Set<String>? = nil, separate: Set<String> = []) {
        guard runs.count > 1 else { return }  // a lone text or code has no pair
        // No open code, no pair (most segments have no paired code at all).
        guard runs.contains(where: { if case .code(let c) = $0 { return c.kind == .open && !c.isolated } else { return false } }) else { return }
        var stack: [(id: String, index: Int)] = []
        for (i, run) in runs.enumerated() {
            guard case .code(let c) = run, !c.isolated else { continue }
            switch c.kind {
            case .open:
                stack.append((c.id, i))
            case .close:
                guard let k = stack.lastIndex(where: { $0.id == c.id }) else { continue }
                if k == stack.count - 1, allowed?.contains(c.id) ?? true, !separate.contains(c.id) {
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
        let type = code.type?.rawValue
        guard let subType = code.subType else { return (type, nil) }
        guard XLIFF2Writer.isUserDefinedValue(subType) else { return (type, nil) }
        if subType.hasPrefix("xlf:") {
            let required: String
            switch subType {
            case "xlf:b", "xlf:i", "xlf:u", "xlf:lb", "xlf:pb": required = "fmt"
            case "xlf:var": required = "ui"
            default: return (type, nil)
            }
            guard let type else { return (required, subType) }
            return type == required ? (type, subType) : (type, nil)
        }
        return (type ?? "other", subType)
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

    /// Whether `s` is an XML `NMTOKEN` (ids must be). ASCII ids, the usual case, are checked
    /// byte by byte; others by Unicode properties (a close approximation of XML's NameChar).
    static func isNMToken(_ s: String) -> Bool {
        guard !s.isEmpty else { return false }
        var ascii = true
        for b in s.utf8 {
            if b >= 0x80 { ascii = false; break }
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ":"): continue
            default: return false
            }
        }
        if ascii { return true }
        return s.unicodeScalars.allSatisfy { c in
            c.properties.isAlphabetic || c.properties.numericType != nil || c == "." || c == "-" || c == "_" || c == ":"
                || c.properties.generalCategory == .nonspacingMark || c.properties.generalCategory == .spacingMark
        }
    }
}
