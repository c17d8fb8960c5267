/// Byte-level XML escaping for the writers. Works on UTF-8 bytes directly (no per-character
/// `String` work) so a 50 MB corpus is written at memory speed.
enum XMLEscaping {
    /// Whether `v` may appear in an XML 1.0 document at all (production [2] `Char`).
    static func isXMLChar(_ v: UInt32) -> Bool {
        switch v {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Appends `s` escaped for element content. `<`, `&`, `>` become entities; CR becomes
    /// `&#13;` because parsers turn a raw CR (and CRLF) into LF. A character XML cannot carry
    /// (C0 controls, U+FFFE, U+FFFF) is handed to `onInvalid`, which appends its replacement.
    static func appendText(_ s: String, to out: inout [UInt8], onInvalid: (UInt32, inout [UInt8]) -> Void) {
        append(s, attribute: false, to: &out, onInvalid: onInvalid)
    }

    /// Appends `s` escaped for a double-quoted attribute value. Tab, LF and CR become character
    /// references (attribute-value normalisation would turn them into spaces); characters XML
    /// cannot carry become U+FFFD, since attributes have no `<cp>`.
    static func appendAttribute(_ s: String, to out: inout [UInt8]) {
        append(s, attribute: true, to: &out) { _, out in out.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
    }

    /// `s` with characters XML cannot carry replaced by U+FFFD (for note text, which has no `<cp>`).
    static func replacingInvalid(_ s: String) -> String {
        // Only C0 controls (but tab, LF, CR) and U+FFFE/U+FFFF (EF BF BE/BF) are invalid.
        let suspicious = s.withUTF8Bytes { p in
            p.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF }
        }
        guard suspicious, s.unicodeScalars.contains(where: { !isXMLChar($0.value) }) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { isXMLChar($0.value) ? $0 : "\u{FFFD}" }))
    }

    private static func append(_ s: String, attribute: Bool, to out: inout [UInt8], onInvalid: (UInt32, inout [UInt8]) -> Void) {
        s.withUTF8Bytes { p in
            let n = p.count
            var run = 0  // start of the pending run of bytes copied unchanged
            var i = 0
            @inline(__always) func flush(_ upTo: Int) {
                if upTo > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<upTo])) }
            }
            while i < n {
                let b = p[i]
                if b >= 0x3F && b != 0xEF { i += 1; continue }  // fast path: nothing to escape
                switch b {
                case UInt8(ascii: "<"): flush(i); out.append(contentsOf: "&lt;".utf8); i += 1; run = i
                case UInt8(ascii: ">"): flush(i); out.append(contentsOf: "&gt;".utf8); i += 1; run = i
                case UInt8(ascii: "&"): flush(i); out.append(contentsOf: "&amp;".utf8); i += 1; run = i
                case UInt8(ascii: "\""):
                    if attribute { flush(i); out.append(contentsOf: "&quot;".utf8); run = i + 1 }
                    i += 1
                case 0x09:
                    if attribute { flush(i); out.append(contentsOf: "&#9;".utf8); run = i + 1 }
                    i += 1
                case 0x0A:
                    if attribute { flush(i); out.append(contentsOf: "&#10;".utf8); run = i + 1 }
                    i += 1
                case 0x0D: flush(i); out.append(contentsOf: "&#13;".utf8); i += 1; run = i
                case 0x00..<0x20: flush(i); onInvalid(UInt32(b), &out); i += 1; run = i
                case 0xEF where i + 2 < n && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF):
                    flush(i); onInvalid(p[i + 2] == 0xBE ? 0xFFFE : 0xFFFF, &out); i += 3; run = i
                default: i += 1
                }
            }
            flush(n)
        }
    }
}
