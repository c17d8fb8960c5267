import Foundation
import L10nCore

/// How the ``Skeleton`` travels inside the XLIFF, so `merge` needs nothing but the XLIFF file.
///
/// The skeleton JSON (``Skeleton/encoded()``) is written as base64: XML parsers normalise CR and
/// cannot carry some characters, base64 survives any XML tool untouched. Lines are 76 characters,
/// and every ~3.8 MB an empty comment `<!---->` splits the text node, because libxml2 (without
/// `XML_PARSE_HUGE`, which we refuse for untrusted input) rejects text nodes over 10 MB.
///
/// - XLIFF 2.x: `<skeleton><l10n:skeleton xmlns:l10n="urn:x-l10n:skeleton:1" version="1"
///   format="markdown" encoding="base64">…</l10n:skeleton></skeleton>`.
/// - XLIFF 1.2: `<header><skl><internal-file form="base64">…</internal-file></skl></header>`; the
///   format id travels in `<file datatype>` (`html`, or `x-` + id, e.g. `x-markdown`).
enum XLIFFSkeletonEmbedding {
    static let namespace = "urn:x-l10n:skeleton:1"
    static let elementName = "skeleton"
    static let linesPerChunk = 50_000

    /// Appends the skeleton as base64 text (lines of 76, chunk-splitting comments), ready to sit
    /// inside its element. Encodes straight into `out`: no intermediate `Data` copies.
    static func appendBody(_ skeleton: Skeleton, indent: String, to out: inout XMLOutput) {
        let json = SkeletonJSON.encode(skeleton)
        let lineLength = 76
        let encodedCount = (json.count + 2) / 3 * 4
        // The skeleton, plus room for the units that follow (about 3 bytes of XLIFF per source byte).
        out.reserve(encodedCount + encodedCount / lineLength + 64 + (encodedCount / (lineLength * linesPerChunk) + 1) * 8
                    + skeleton.original.count * 3)
        let table: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        out.newline()
        json.withUnsafeBufferPointer { p in
            table.withUnsafeBufferPointer { t in
                var line: [UInt8] = []
                line.reserveCapacity(lineLength + 1)
                var i = 0, lines = 0
                let n = p.count
                while i < n {
                    // One line: 57 input bytes → 76 characters.
                    line.removeAll(keepingCapacity: true)
                    let end = min(i + lineLength / 4 * 3, n)
                    while i + 3 <= end {
                        let v = UInt32(p[i]) << 16 | UInt32(p[i + 1]) << 8 | UInt32(p[i + 2])
                        line.append(t[Int(v >> 18)]); line.append(t[Int(v >> 12 & 63)])
                        line.append(t[Int(v >> 6 & 63)]); line.append(t[Int(v & 63)])
                        i += 3
                    }
                    if i < end {
                        let rest = end - i
                        let v = UInt32(p[i]) << 16 | (rest > 1 ? UInt32(p[i + 1]) << 8 : 0)
                        line.append(t[Int(v >> 18)]); line.append(t[Int(v >> 12 & 63)])
                        line.append(rest > 1 ? t[Int(v >> 6 & 63)] : UInt8(ascii: "=")); line.append(UInt8(ascii: "="))
                        i = end
                    }
                    line.append(0x0A)
                    out.append(line)
                    lines += 1
                    if lines % linesPerChunk == 0 && i < n { out.raw("<!---->\n") }
                }
            }
        }
        out.raw(indent)
    }

    /// The skeleton from the base64 text of its element (comments already dropped by the parser).
    static func decode(_ text: String, file: String, line: Int) throws -> Skeleton {
        // Only the line breaks and indentation we (or a pretty-printing tool) put in are skipped;
        // anything else that is not base64 means the skeleton was damaged.
        var compact = [UInt8]()
        compact.reserveCapacity(text.utf8.count)
        for b in text.utf8 where b != 0x20 && b != 0x0A && b != 0x0D && b != 0x09 { compact.append(b) }
        guard let json = Data(base64Encoded: Data(compact)) else {
            throw FormatError(.invalidSkeleton, "the embedded skeleton is not valid base64", at: SourceLocation(file: file, line: line))
        }
        do {
            return try Skeleton.decode(json)
        } catch let error as FormatError {
            var e = error
            e.message = "embedded skeleton: " + e.message
            if e.location == nil { e.location = SourceLocation(file: file, line: line) }
            throw e
        } catch {
            throw FormatError(.invalidSkeleton, "the embedded skeleton is not valid l10n skeleton JSON (\(error))", at: SourceLocation(file: file, line: line))
        }
    }

    static func missing(file: String, line: Int?) -> FormatError {
        FormatError(.invalidSkeleton, "not written by l10n extract: no skeleton (merge needs the <l10n:skeleton> / <internal-file> that `l10n extract` embeds)",
                    at: SourceLocation(file: file, line: line))
    }
}
