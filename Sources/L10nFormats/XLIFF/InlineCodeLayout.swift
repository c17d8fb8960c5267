import L10nCore

/// Decides how the codes of one `<source>`/`<target>` are written: which open/close halves form
/// a well-formed pair that can be one element (`<pc>` in 2.x, `<g>` in 1.2), and which must be
/// written as separate start/end markers (`<sc>`/`<ec>`, `<bx>`/`<ex>`) because the partner is in
/// another segment, outside the unit, or the pairs overlap.
struct InlineCodeLayout {
    /// For each run of a well-formed pair, its partner: the close's index + 1 for an open,
    /// −(the open's index + 1) for a close; 0 elsewhere. Empty when the content has no pair (most
    /// segments): one array instead of a dictionary and two sets per segment with pairs.
    private var partner: [Int] = []

    /// The ids of the well-formed pairs, in order (a handful: searched linearly).
    private(set) var pairedIDs: [String] = []

    /// The index of the close run of the open code at run `i` when the pair is one element.
    @inline(__always) func closeOf(_ i: Int) -> Int? {
        guard i < partner.count, partner[i] > 0 else { return nil }
        return partner[i] - 1
    }

    /// The index of the open run of the close code at run `i` when the pair is one element.
    @inline(__always) func openOf(_ i: Int) -> Int? {
        guard i < partner.count, partner[i] < 0 else { return nil }
        return -partner[i] - 1
    }

    /// Whether the close code at run `i` ends a pair written as one element.
    @inline(__always) func isPairedClose(_ i: Int) -> Bool { i < partner.count && partner[i] < 0 }

    /// - Parameters:
    ///   - allowed: when set, only pairs with these ids may be one element. Targets pass the pairs
    ///     of their source, since XLIFF 2 wants a target code to use the same element as the
    ///     source code with the same id.
    ///   - separate: pairs with these ids are never one element (XLIFF 2 writes an open code that
    ///     carries subflows as `<sc subFlows>`: `<pc>` would need both `subFlowsStart` and `subFlowsEnd`).
    init(_ runs: [Content.Run], allowed: [String]? = nil, separate: [String] = []) {
        guard runs.count > 1 else { return }  // a lone text or code has no pair
        // No open code, no pair (most segments have no paired code at all).
        // By index, reading each run in place: a `for run in runs` loop copies every code out
        // (retaining its strings) to look at its kind.
        var opens = 0
        for i in runs.indices where runs[i].pairableKind == .open { opens += 1 }
        guard opens > 0 else { return }
        var stack: [(id: String, index: Int)] = []
        stack.reserveCapacity(opens)
        for i in runs.indices {
            // The id alone read from the run: binding the code copied all of it out.
            guard let kind = runs[i].pairableKind, kind != .standalone, let id = runs[i].codeID else { continue }
            switch kind {
            case .open:
                stack.append((id, i))
            case .close:
                guard let k = stack.lastIndex(where: { $0.id == id }) else { continue }
                if k == stack.count - 1, allowed?.contains(id) ?? true, !separate.contains(id) {
                    if partner.isEmpty { partner = Array(repeating: 0, count: runs.count) }
                    partner[stack[k].index] = i + 1
                    partner[i] = -(stack[k].index + 1)
                    pairedIDs.append(id)
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
    /// `xlf:var` → `ui`). A subType that is not `prefix:value` is dropped. The type as the enum
    /// (written with `rawValue`), so the writer's record of a code needs no string lookup.
    static func typeAndSubType(_ code: InlineCode) -> (type: InlineCode.CodeType?, subType: String?) {
        let type = code.type
        guard let subType = code.subType else { return (type, nil) }
        guard XLIFF2Writer.isUserDefinedValue(subType) else { return (type, nil) }
        switch xlfValue(subType) {
        case .none: return (type ?? .other, subType)
        case .some(nil): return (type, nil)
        case .some(let required?):
            guard let type else { return (required, subType) }
            return type == required ? (type, subType) : (type, nil)
        }
    }

    /// For an `xlf:` subType, the type it needs (`.some(nil)`: an `xlf:` value XLIFF does not
    /// define); nil for any other prefix. On bytes: `hasPrefix` and a `switch` on strings compare
    /// characters, hundreds of instructions per code.
    private static func xlfValue(_ s: String) -> InlineCode.CodeType?? {
        s.withUTF8Bytes { p -> InlineCode.CodeType?? in
            guard p.count >= 4, p[0] == UInt8(ascii: "x"), p[1] == UInt8(ascii: "l"), p[2] == UInt8(ascii: "f"), p[3] == UInt8(ascii: ":") else {
                return nil
            }
            switch p.count {
            case 5 where p[4] == UInt8(ascii: "b") || p[4] == UInt8(ascii: "i") || p[4] == UInt8(ascii: "u"):
                return .some(.fmt)
            case 6 where (p[4] == UInt8(ascii: "l") || p[4] == UInt8(ascii: "p")) && p[5] == UInt8(ascii: "b"):
                return .some(.fmt)
            case 7 where p[4] == UInt8(ascii: "v") && p[5] == UInt8(ascii: "a") && p[6] == UInt8(ascii: "r"):
                return .some(.ui)
            default:
                return .some(nil)
            }
        }
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
        let ascii: Bool? = s.withUTF8Bytes { p in
            for b in p {
                if b >= 0x80 { return false }
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ":"): continue
                default: return nil
                }
            }
            return true
        }
        guard let ascii else { return false }
        if ascii { return true }
        return s.unicodeScalars.allSatisfy { c in
            c.properties.isAlphabetic || c.properties.numericType != nil || c == "." || c == "-" || c == "_" || c == ":"
                || c.properties.generalCategory == .nonspacingMark || c.properties.generalCategory == .spacingMark
        }
    }
}

extension Content.Run {
    /// The kind of a code that may pair (not isolated), nil for text and isolated halves: read
    /// in place, without copying the code out.
    fileprivate var pairableKind: InlineCode.Kind? {
        guard case .code(let c) = self, !c.isolated else { return nil }
        return c.kind
    }

    /// A code's id, nil for text: read in place.
    fileprivate var codeID: String? {
        guard case .code(let c) = self else { return nil }
        return c.id
    }

    /// A code's original data, nil for text: read in place, for the writer's `<data>` table.
    var codeData: String? {
        guard case .code(let c) = self else { return nil }
        return c.data
    }
}
