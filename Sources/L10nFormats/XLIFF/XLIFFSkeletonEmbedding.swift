import Foundation
import L10nCore

/// How the ``Skeleton`` travels inside the XLIFF, so `merge` needs nothing but the XLIFF file.
///
/// Encoding versions 2 (l10n 0.2) and 3 (written now; it adds subflow units, the `F` lines of
/// the span map): the original bytes are base64'd once (XML parsers normalise CR and cannot carry
/// some characters; base64 survives any XML tool untouched) and the spans are a compact text map
/// (``SkeletonCodec``) that refers to the original by byte offsets. A version-2 map is a valid
/// version-3 map without subflows, so both read the same way; a version newer than this l10n
/// knows is refused with a message naming it.
///
/// - XLIFF 2.x: `<skeleton><l10n:skeleton xmlns:l10n="urn:x-l10n:skeleton:1" version="3"
///   format="markdown"><l10n:original length="…" crc32="…" encoding="base64">…</l10n:original>
///   <l10n:spans>…</l10n:spans></l10n:skeleton></skeleton>`. Code attributes that the unit's
///   inline elements already carry are not repeated in the span map.
/// - XLIFF 1.2: `<header><skl><internal-file form="base64">` holding, base64'd, the line
///   `L10N-SKELETON 3 <length> <crc32>`, the span map, a NUL byte and the original bytes (the
///   strict schema allows only text there); the format id travels in `<file datatype>` (`html`,
///   or `x-` + id).
///
/// The original's length and CRC-32 are checked on reading: the span map refers to the original by
/// offsets, so a damaged original must be refused rather than merged into a wrong document.
///
/// Base64 lines are 76 characters, and every ~3.8 MB an empty comment `<!---->` splits the text
/// node (in the span map too), because libxml2 (without `XML_PARSE_HUGE`, which we refuse for
/// untrusted input) rejects text nodes over 10 MB.
///
/// Version 1 (l10n 0.1) — the skeleton's JSON (``Skeleton/encoded()``) base64'd whole, directly
/// in `<l10n:skeleton version="1" encoding="base64">` or `<internal-file>` — is still read.
enum XLIFFSkeletonEmbedding {
    static let namespace = "urn:x-l10n:skeleton:1"
    static let elementName = "skeleton"
    static let originalElement = "original"
    static let spansElement = "spans"
    static let linesPerChunk = 50_000
    static let lineLength = 76
    /// Span-map text between two chunk-splitting comments.
    static let textChunk = linesPerChunk * (lineLength + 1)
    /// The start of an XLIFF 1.2 `<internal-file>` blob in encoding version 2.
    static let blobMagic = Array("L10N-SKELETON ".utf8)

    // MARK: - Writing

    /// `<l10n:skeleton …>…</l10n:skeleton>` for XLIFF 2.x, starting at the current position and
    /// ending with a newline. `base(span, code)`: what the unit's inline elements say of a code
    /// (see ``SkeletonCodec``). `followedBy`: how many bytes the caller writes after it, reserved
    /// with the skeleton's so the output grows once (grown by doubling as the units followed, a
    /// page's output buffer was twice the XLIFF at the peak of memory).
    static func appendXLIFF2(_ skeleton: Skeleton, format: String, level: Int, base: (Int, Int) -> InlineCode?,
                             followedBy trailing: Int = 0, to out: inout XMLOutput) {
        let spans = SkeletonCodec.encode(skeleton, base: base)
        out.reserve(base64Size(skeleton.original.count) + spans.count + 512 + trailing)
        out.start("l10n:\(elementName)", [
            ("xmlns:l10n", namespace), ("version", String(Skeleton.currentVersion)), ("format", format),
        ])
        out.newline()
        out.indent(level + 1)
        let crc = skeleton.original.withUnsafeBytes { CRC32.checksum($0.bindMemory(to: UInt8.self)) }
        out.start("l10n:\(originalElement)", [
            ("length", String(skeleton.original.count)), ("crc32", CRC32.hex(crc)), ("encoding", "base64"),
        ])
        out.newline()
        skeleton.original.withUnsafeBytes { appendBase64($0.bindMemory(to: UInt8.self), to: &out) }
        out.indent(level + 1)
        out.end("l10n:\(originalElement)")
        out.newline()
        out.indent(level + 1)
        out.start("l10n:\(spansElement)")
        out.newline()
        appendChunkedLines(spans, to: &out)
        out.indent(level + 1)
        out.end("l10n:\(spansElement)")
        out.newline()
        out.indent(level)
        out.end("l10n:\(elementName)")
        out.newline()
    }

    /// The body of XLIFF 1.2's `<internal-file form="base64">`: a newline, the base64 lines, and
    /// `indent` (for the end tag that follows).
    static func appendXLIFF12Body(_ skeleton: Skeleton, indent: String, to out: inout XMLOutput) {
        var blob = blobMagic
        let crc = skeleton.original.withUnsafeBytes { CRC32.checksum($0.bindMemory(to: UInt8.self)) }
        blob.append(contentsOf: "\(Skeleton.currentVersion) \(skeleton.original.count) \(CRC32.hex(crc))\n".utf8)
        blob.append(contentsOf: SkeletonCodec.encode(skeleton, base: { _, _ in nil }))
        blob.append(0)
        blob.append(contentsOf: skeleton.original)
        out.reserve(base64Size(blob.count) + 64)
        out.newline()
        blob.withUnsafeBufferPointer { appendBase64($0, to: &out) }
        out.raw(indent)
    }

    /// Base64 text plus line breaks and chunk comments, for `count` bytes.
    static func base64Size(_ count: Int) -> Int {
        let encoded = (count + 2) / 3 * 4
        return encoded + encoded / lineLength + 1 + (encoded / (lineLength * linesPerChunk) + 1) * 8
    }

    private static let table: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Two base64 characters for every 12 bits, as they lie in memory (first character at the
    /// lower address): a group of three bytes is two look-ups and two stores.
    private static let pairs: [UInt16] = (0..<4096).map { v in
        (UInt16(table[v >> 6]) | UInt16(table[v & 63]) << 8).littleEndian
    }

    /// `p` as base64 lines of 76 characters, each ending with a newline, with a chunk-splitting
    /// comment every ``linesPerChunk`` lines. Encodes straight into `out`.
    static func appendBase64(_ p: UnsafeBufferPointer<UInt8>, to out: inout XMLOutput) {
        let n = p.count
        guard n > 0 else { return }
        out.reserve(base64Size(n))
        table.withUnsafeBufferPointer { t in
            pairs.withUnsafeBufferPointer { pairs in
                out.withAppendingBytes(upTo: base64Size(n)) { dst in
                    let raw = UnsafeMutableRawPointer(dst.baseAddress!)
                    var o = 0
                    var i = 0, lines = 0
                    while i < n {
                        // One line: 57 input bytes → 76 characters.
                        let end = min(i + lineLength / 4 * 3, n)
                        while i + 3 <= end {
                            let v = Int(p[i]) << 16 | Int(p[i + 1]) << 8 | Int(p[i + 2])
                            raw.storeBytes(of: pairs[v >> 12], toByteOffset: o, as: UInt16.self)
                            raw.storeBytes(of: pairs[v & 0xFFF], toByteOffset: o + 2, as: UInt16.self)
                            o += 4
                            i += 3
                        }
                        if i < end {
                            let rest = end - i
                            let v = UInt32(p[i]) << 16 | (rest > 1 ? UInt32(p[i + 1]) << 8 : 0)
                            dst[o] = t[Int(v >> 18)]; dst[o + 1] = t[Int(v >> 12 & 63)]
                            dst[o + 2] = rest > 1 ? t[Int(v >> 6 & 63)] : UInt8(ascii: "="); dst[o + 3] = UInt8(ascii: "=")
                            o += 4
                            i = end
                        }
                        dst[o] = 0x0A
                        o += 1
                        lines += 1
                        if lines % linesPerChunk == 0 && i < n {
                            for b in "<!---->\n".utf8 { dst[o] = b; o += 1 }
                        }
                    }
                    return o
                }
            }
        }
    }

    /// Lines of text (each ending with a newline), with a chunk-splitting comment after the line
    /// that crosses each ``textChunk`` bytes.
    static func appendChunkedLines(_ text: [UInt8], to out: inout XMLOutput) {
        guard text.count > textChunk else { out.append(text); return }
        var start = 0
        while start < text.count {
            var end = min(start + textChunk, text.count)
            while end < text.count, text[end - 1] != 0x0A { end += 1 }
            out.append(text[start..<end])
            if end < text.count { out.raw("<!---->\n") }
            start = end
        }
    }

    // MARK: - Reading

    /// A skeleton as read, with what its span map left to the unit's inline elements (XLIFF 2,
    /// encoding 2: ``SkeletonCodec/complete(_:overrides:base:)``); nil when it is complete.
    struct Read {
        var skeleton: Skeleton
        var overrides: SkeletonCodec.OverrideTable?
        /// True when the span map named no span, so the spans are `u1`, `u2`… in order (see
        /// `XLIFF2Reader.SpanIndex`); false when that is not known.
        var numbered = false
    }

    /// The skeleton of XLIFF 2's `<l10n:skeleton>` element.
    static func decodeXLIFF2(_ element: XMLElement, file: String) throws -> Read {
        let version = element["version"].flatMap { Int($0) } ?? 1
        guard version <= Skeleton.currentVersion else {
            throw FormatError(.unsupported, "embedded skeleton: skeleton version \(version) is newer than this l10n understands (\(Skeleton.currentVersion))",
                              at: SourceLocation(file: file, line: element.line))
        }
        guard version >= 2 else { return Read(skeleton: try decodeVersion1(element.text, file: file, line: element.line)) }
        guard let originalElement = element.first(originalElement, namespace: namespace),
              let spansElement = element.first(spansElement, namespace: namespace) else {
            throw FormatError(.invalidSkeleton, "the embedded skeleton has no <l10n:original> or <l10n:spans>", at: SourceLocation(file: file, line: element.line))
        }
        guard originalElement["encoding"] == nil || originalElement["encoding"] == "base64" else {
            throw FormatError(.invalidSkeleton, "the embedded original has encoding=\"\(originalElement["encoding"]!)\"; l10n writes base64",
                              at: SourceLocation(file: file, line: originalElement.line))
        }
        guard let original = originalElement.withText(base64Data) else {
            throw FormatError(.invalidSkeleton, "the embedded original is not valid base64", at: SourceLocation(file: file, line: originalElement.line))
        }
        try check(original, length: originalElement["length"], crc32: originalElement["crc32"], at: SourceLocation(file: file, line: originalElement.line))
        return try spansElement.withText { text in
            try read(spans: text, original: original, version: version, file: file, line: spansElement.line)
        }
    }

    /// The skeleton of XLIFF 1.2's `<internal-file>` text.
    static func decodeXLIFF12(_ text: String, file: String, line: Int) throws -> Skeleton {
        guard let blob = base64Decode(text) else {
            throw FormatError(.invalidSkeleton, "the embedded skeleton is not valid base64", at: SourceLocation(file: file, line: line))
        }
        guard blob.starts(with: blobMagic) else { return try decodeVersion1JSON(Data(blob), file: file, line: line) }
        let location = SourceLocation(file: file, line: line)
        guard let lineEnd = blob.firstIndex(of: 0x0A) else {
            throw FormatError(.invalidSkeleton, "the embedded skeleton has no version", at: location)
        }
        let header = String(decoding: blob[blobMagic.count..<lineEnd], as: UTF8.self).split(separator: " ").map(String.init)
        guard let first = header.first, let version = Int(first) else {
            throw FormatError(.invalidSkeleton, "the embedded skeleton has no version", at: location)
        }
        guard version <= Skeleton.currentVersion else {
            throw FormatError(.unsupported, "embedded skeleton: skeleton version \(version) is newer than this l10n understands (\(Skeleton.currentVersion))", at: location)
        }
        guard let nul = blob[lineEnd...].firstIndex(of: 0) else {
            throw FormatError(.invalidSkeleton, "the embedded skeleton has no original", at: location)
        }
        try check(blob[(nul + 1)...], length: header.count > 1 ? header[1] : nil, crc32: header.count > 2 ? header[2] : nil, at: location)
        return try blob.withUnsafeBufferPointer { p in
            try read(spans: UnsafeBufferPointer(rebasing: p[(lineEnd + 1)..<nul]), original: Data(buffer: UnsafeBufferPointer(rebasing: p[(nul + 1)...])), version: version,
                     file: file, line: line).skeleton
        }
    }

    /// Refuses an original whose length or CRC-32 is not what the writer recorded.
    private static func check(_ original: some RandomAccessCollection<UInt8>, length: String?, crc32: String?, at location: SourceLocation) throws {
        guard let length, let expectedLength = Int(length), let crc32, let expectedCRC = UInt32(crc32, radix: 16) else {
            throw FormatError(.invalidSkeleton, "the embedded original has no length or checksum", at: location)
        }
        let crc = original.withContiguousStorageIfAvailable { CRC32.checksum($0) } ?? Array(original).withUnsafeBufferPointer { CRC32.checksum($0) }
        guard original.count == expectedLength, crc == expectedCRC else {
            throw FormatError(.invalidSkeleton, "the embedded original is damaged (its length or checksum is not what extract wrote)", at: location)
        }
    }

    private static func read(spans text: UnsafeBufferPointer<UInt8>, original: Data, version: Int, file: String, line: Int) throws -> Read {
        let decoded: SkeletonCodec.Decoded
        do {
            decoded = try original.withUnsafeBytes { try SkeletonCodec.decode(text, original: $0.bindMemory(to: UInt8.self)) }
        } catch let error as SkeletonCodec.Malformed {
            throw FormatError(.invalidSkeleton, "the embedded skeleton's span map is damaged: \(error.message)", at: SourceLocation(file: file, line: line))
        }
        let skeleton = Skeleton(original: original, spans: decoded.spans, version: version)
        do {
            try skeleton.validate()
        } catch var error as FormatError {
            error.message = "embedded skeleton: " + error.message
            if error.location == nil { error.location = SourceLocation(file: file, line: line) }
            throw error
        }
        return Read(skeleton: skeleton, overrides: decoded.overrides, numbered: decoded.numbered)
    }

    /// Encoding version 1: the skeleton's JSON, base64'd.
    static func decodeVersion1(_ text: String, file: String, line: Int) throws -> Skeleton {
        guard let json = base64Decode(text) else {
            throw FormatError(.invalidSkeleton, "the embedded skeleton is not valid base64", at: SourceLocation(file: file, line: line))
        }
        return try decodeVersion1JSON(Data(json), file: file, line: line)
    }

    private static func decodeVersion1JSON(_ json: Data, file: String, line: Int) throws -> Skeleton {
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

    private static let decodeTable: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in table.enumerated() { t[Int(c)] = UInt8(i) }
        for c in [0x20, 0x0A, 0x0D, 0x09] as [UInt8] { t[Int(c)] = 0xFE }  // skipped
        t[Int(UInt8(ascii: "="))] = 0xFD
        return t
    }()

    /// Each byte's digit value already in place for its position in a group of four (first
    /// digit: bits 18–23 … fourth: bits 0–5), and 0xFF000000 for a byte that is not a digit, so a
    /// group is four look-ups and three ORs, and one comparison tells whether all four were digits.
    private static let quadTables: [UInt32] = (0..<4).flatMap { position in
        decodeTable.map { v in v < 64 ? UInt32(v) << (6 * (3 - position)) : 0xFF00_0000 }
    }

    /// Base64 `text`; the line breaks and indentation we (or a pretty-printing tool) put in are
    /// skipped, anything else that is not base64 gives nil (the skeleton was damaged).
    static func base64Decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { p -> [UInt8]? in
            var valid = true
            let out = [UInt8](unsafeUninitializedCapacity: p.count / 4 * 3 + 3) { o, written in
                if let n = base64Decode(p, into: o.baseAddress!) { written = n } else { (valid, written) = (false, 0) }
            }
            return valid ? out : nil
        }
    }

    /// ``base64Decode(_:)`` of text read in place (an element's text in the parsed arena), decoded
    /// straight into the `Data` the skeleton keeps: no string of the text, no copy of the bytes.
    static func base64Data(_ p: UnsafeBufferPointer<UInt8>) -> Data? {
        var data = Data(count: p.count / 4 * 3 + 3)
        let n = data.withUnsafeMutableBytes { base64Decode(p, into: $0.bindMemory(to: UInt8.self).baseAddress!) }
        guard let n else { return nil }
        data.count = n
        return data
    }

    /// Decodes `p` into `o` (room for `p.count / 4 * 3 + 3` bytes); the count written, nil when
    /// `p` is not base64.
    ///
    /// Four digits at a time while four in a row are digits (the whole of a line we wrote but its
    /// end), one at a time otherwise.
    private static func base64Decode(_ p: UnsafeBufferPointer<UInt8>, into o: UnsafeMutablePointer<UInt8>) -> Int? {
        decodeTable.withUnsafeBufferPointer { t -> Int? in
            quadTables.withUnsafeBufferPointer { q -> Int? in
                var n = 0, i = 0
                var quad: UInt32 = 0, count = 0, padding = 0
                let end = p.count
                while i < end {
                    if count == 0, padding == 0 {
                        while end - i >= 4 {
                            let v = q[Int(p[i])] | q[256 + Int(p[i + 1])] | q[512 + Int(p[i + 2])] | q[768 + Int(p[i + 3])]
                            guard v <= 0xFF_FFFF else { break }
                            o[n] = UInt8(truncatingIfNeeded: v >> 16)
                            o[n + 1] = UInt8(truncatingIfNeeded: v >> 8)
                            o[n + 2] = UInt8(truncatingIfNeeded: v)
                            n += 3
                            i += 4
                        }
                        guard i < end else { break }
                    }
                    let v = t[Int(p[i])]
                    i += 1
                    if v < 64 {
                        guard padding == 0 else { return nil }
                        quad = quad << 6 | UInt32(v)
                        count += 1
                        if count == 4 {
                            o[n] = UInt8(quad >> 16)
                            o[n + 1] = UInt8(quad >> 8 & 0xFF)
                            o[n + 2] = UInt8(quad & 0xFF)
                            n += 3
                            quad = 0
                            count = 0
                        }
                    } else if v == 0xFE {
                        continue
                    } else if v == 0xFD {
                        padding += 1
                        guard padding <= 2 else { return nil }
                    } else {
                        return nil
                    }
                }
                switch (count, padding) {
                case (0, 0): break
                case (2, 2), (2, 0):
                    o[n] = UInt8(quad >> 4)
                    n += 1
                case (3, 1), (3, 0):
                    o[n] = UInt8(quad >> 10)
                    o[n + 1] = UInt8(quad >> 2 & 0xFF)
                    n += 2
                default: return nil
                }
                return n
            }
        }
    }

    static func missing(file: String, line: Int?) -> FormatError {
        FormatError(.invalidSkeleton, "not written by l10n extract: no skeleton (merge needs the <l10n:skeleton> / <internal-file> that `l10n extract` embeds)",
                    at: SourceLocation(file: file, line: line))
    }
}
