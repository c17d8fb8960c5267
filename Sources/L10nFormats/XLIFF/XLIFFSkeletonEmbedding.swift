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

    /// The base64 text, with line breaks and chunk-splitting comments, ready to append raw.
    static func encodedBody(_ skeleton: Skeleton, indent: String) throws -> [UInt8] {
        let json = try skeleton.encoded()
        let base64 = json.base64EncodedData()
        var out: [UInt8] = []
        out.reserveCapacity(base64.count + base64.count / 70 + 64)
        base64.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let p = raw.bindMemory(to: UInt8.self)
            var i = 0, line = 0
            out.append(0x0A)
            while i < p.count {
                let end = min(i + 76, p.count)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<end]))
                out.append(0x0A)
                i = end
                line += 1
                if line % linesPerChunk == 0 && i < p.count { out.append(contentsOf: "<!---->\n".utf8) }
            }
        }
        out.append(contentsOf: indent.utf8)
        return out
    }

    /// The skeleton from the base64 text of its element (comments already dropped by the parser).
    static func decode(_ text: String, file: String, line: Int) throws -> Skeleton {
        guard let json = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
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
