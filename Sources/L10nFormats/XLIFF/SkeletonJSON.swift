import Foundation
import L10nCore

/// A fast writer for the skeleton's JSON: the same bytes as ``Skeleton/encoded()`` (sorted keys,
/// unescaped slashes, nil fields left out, `Data` as base64), produced directly into a byte
/// buffer. `JSONEncoder` spent most of the time when writing XLIFF for large corpora; a test keeps
/// both byte-identical, and the reader still decodes with `Skeleton.decode`.
enum SkeletonJSON {
    static func encode(_ skeleton: Skeleton) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(estimatedSize(skeleton))
        out.append(contentsOf: #"{"original":""#.utf8)
        out.append(contentsOf: skeleton.original.base64EncodedData())
        out.append(contentsOf: #"","spans":["#.utf8)
        for (i, span) in skeleton.spans.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"codes":["#.utf8)
            for (k, code) in span.codes.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: #"{"canDelete":"#.utf8)
                out.append(contentsOf: (code.canDelete ? "true" : "false").utf8)
                key("data", &out); string(code.data, &out)
                if let display = code.display { key("display", &out); string(display, &out) }
                if let equiv = code.equiv { key("equiv", &out); string(equiv, &out) }
                key("id", &out); string(code.id, &out)
                key("isolated", &out); out.append(contentsOf: (code.isolated ? "true" : "false").utf8)
                key("kind", &out); string(code.kind.rawValue, &out)
                if let subType = code.subType { key("subType", &out); string(subType, &out) }
                if let type = code.type { key("type", &out); string(type.rawValue, &out) }
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
            key("end", &out); int(span.end, &out)
            key("parts", &out); out.append(UInt8(ascii: "["))
            for (k, part) in span.parts.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: #"{"end":"#.utf8); int(part.end, &out)
                key("id", &out); string(part.id, &out)
                if let rewritten = part.rewritten { key("rewritten", &out); out.append(contentsOf: (rewritten ? "true" : "false").utf8) }
                key("start", &out); int(part.start, &out)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
            key("start", &out); int(span.start, &out)
            if let type = span.type { key("type", &out); string(type, &out) }
            key("unit", &out); string(span.unit, &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: #"],"version":"#.utf8)
        int(skeleton.version, &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// An upper estimate of the encoded size, so the buffer grows once.
    static func estimatedSize(_ skeleton: Skeleton) -> Int {
        var n = skeleton.original.count / 3 * 4 + 64
        for span in skeleton.spans {
            n += 96 + span.unit.utf8.count + (span.type?.utf8.count ?? 0) + span.parts.count * 64
            for code in span.codes {
                n += 140 + code.id.utf8.count + code.data.utf8.count * 2 + (code.display?.utf8.count ?? 0) * 2
                    + (code.equiv?.utf8.count ?? 0) * 2 + (code.subType?.utf8.count ?? 0)
            }
        }
        return n
    }

    @inline(__always) private static func key(_ name: StaticString, _ out: inout [UInt8]) {
        out.append(contentsOf: #",""#.utf8)
        out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(contentsOf: #"":"#.utf8)
    }

    @inline(__always) private static func int(_ value: Int, _ out: inout [UInt8]) {
        guard value > 0 else {
            if value == 0 { out.append(UInt8(ascii: "0")) } else { out.append(contentsOf: String(value).utf8) }
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { d in
            var v = value, i = d.count
            while v > 0 { i -= 1; d[i] = UInt8(ascii: "0") + UInt8(v % 10); v /= 10 }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[i...]))
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private static func string(_ s: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { p in
            var run = 0
            for i in 0..<p.count {
                let b = p[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<i])) }
                run = i + 1
                out.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(b)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default: out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            if p.count > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<p.count])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}
