import Foundation

/// Checks raw input bytes before any parser sees them, so bad input gets a precise message.
public enum TextInput {
    /// The bytes as UTF-8 text, or an error naming the file, line and byte where it goes wrong:
    /// empty input, UTF-16/32 (with a BOM), binary data (NUL bytes), invalid UTF-8.
    public static func decodeUTF8(_ bytes: Data, file: String) throws -> String {
        guard !bytes.isEmpty else {
            throw FormatError(.emptyInput, "the file is empty: nothing to localize", at: SourceLocation(file: file, byteOffset: 0))
        }
        let b = [UInt8](bytes.prefix(4))
        if b.count >= 2, (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) {
            throw FormatError(.invalidEncoding, "the file is UTF-16 (it starts with a UTF-16 byte-order mark); convert it to UTF-8", at: SourceLocation(file: file, line: 1, column: 1, byteOffset: 0))
        }
        // One pass each over raw bytes (Data's own iteration checks exclusivity per byte):
        // NUL search, then the standard library's validating decode; the byte-by-byte scan
        // below only runs to place an error.
        let decoded = bytes.withUnsafeBytes { raw -> (nul: Int?, text: String?) in
            let p = raw.bindMemory(to: UInt8.self)
            if let base = raw.baseAddress, let hit = memchr(base, 0, raw.count) {
                return (base.distance(to: UnsafeRawPointer(hit)), nil)
            }
            return (nil, String(validating: p, as: UTF8.self))
        }
        if let offset = decoded.nul {
            throw FormatError(.binaryInput, "the file looks binary (NUL byte at byte \(offset)), not text", at: SourceLocation.at(byteOffset: offset, in: bytes, file: file))
        }
        if let text = decoded.text { return text }
        guard let bad = firstInvalidUTF8(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        throw FormatError(.invalidEncoding, String(format: "invalid UTF-8 (byte 0x%02X at byte offset %d); save the file as UTF-8", bytes[bytes.startIndex + bad], bad),
                          at: SourceLocation.at(byteOffset: bad, in: bytes, file: file))
    }

    /// The offset of the first byte that is not part of a well-formed UTF-8 sequence.
    public static func firstInvalidUTF8(_ bytes: Data) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            let p = raw.bindMemory(to: UInt8.self)
            let n = p.count
            var i = 0
            while i < n {
                let c = p[i]
                if c < 0x80 { i += 1; continue }
                var need = 0
                var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
                switch c {
                case 0xC2...0xDF: need = 1
                case 0xE0: need = 2; lo = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: need = 2
                case 0xED: need = 2; hi = 0x9F
                case 0xF0: need = 3; lo = 0x90
                case 0xF1...0xF3: need = 3
                case 0xF4: need = 3; hi = 0x8F
                default: return i
                }
                guard i + need < n else { return i }
                if p[i + 1] < lo || p[i + 1] > hi { return i }
                for k in 2..<(need + 1) where p[i + k] < 0x80 || p[i + k] > 0xBF { return i }
                i += need + 1
            }
            return nil
        }
    }
}
