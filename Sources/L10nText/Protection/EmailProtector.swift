import Foundation
import L10nCore

/// Protects e-mail addresses (subtype `l10n:email`), with an optional `mailto:` prefix.
///
/// The domain must end in a dot and a letters-only top-level label, so "support@acme" in a
/// social-media handle or "user@host." at a sentence end do not swallow the period.
public struct EmailProtector: SpanProtecting {
    public static let subType = "l10n:email"

    private static let matcher = PatternMatcher(
        #"(?<![\w.+\-])(?:mailto:)?[A-Za-z0-9](?:[A-Za-z0-9._%+\-]*[A-Za-z0-9_%+\-])?@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}\b"#)

    public init() {}

    public func protectedSpans(in text: String) -> [ProtectedSpan] {
        var text = text
        guard text.withUTF8({ p in p.baseAddress.map { memchr($0, Int32(UInt8(ascii: "@")), p.count) != nil } ?? false }) else { return [] }
        return Self.matcher.ranges(in: text).map { ProtectedSpan(range: $0, subType: Self.subType) }
    }

    public func protectedSpans(inUTF8 text: UnsafeBufferPointer<UInt8>) -> [ProtectedByteSpan] {
        guard let base = text.baseAddress, memchr(base, Int32(UInt8(ascii: "@")), text.count) != nil else { return [] }
        return ProtectedByteSpan.spans(of: self, in: String(decoding: text, as: UTF8.self))
    }
}
