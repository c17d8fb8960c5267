import CICU

/// A compiled ICU regular expression with its own matcher state (owned; closed on deinit).
///
/// Used instead of NSRegularExpression where a pattern is asked "does it match here?" many times
/// over the same text: on Linux every NSRegularExpression call copies the whole string first,
/// which makes position-by-position SRX evaluation quadratic. Not thread-safe: compile once,
/// then ``clone()`` one matcher per concurrent user.
final class ICURegex {
    /// Why a pattern did not compile, in ICU's words.
    struct CompileError: Error, Sendable {
        var name: String
        /// 1-based line and 0-based UTF-16 column within the pattern, when ICU knows them.
        var line: Int?
        var offset: Int?
    }

    private let handle: OpaquePointer

    init(pattern: String, caseInsensitive: Bool = false) throws(CompileError) {
        var error = l10n_regex_error()
        let units = Array(pattern.utf16)
        let flags: UInt32 = caseInsensitive ? UInt32(L10N_REGEX_CASE_INSENSITIVE) : 0
        let h = units.withUnsafeBufferPointer { buffer in
            l10n_regex_open(buffer.baseAddress, Int32(buffer.count), flags, &error)
        }
        guard let h else {
            let name = withUnsafeBytes(of: error.name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            throw CompileError(
                name: name,
                line: error.line > 0 ? Int(error.line) : nil,
                offset: error.offset >= 0 ? Int(error.offset) : nil)
        }
        handle = h
    }

    private init(handle: OpaquePointer) { self.handle = handle }

    deinit { l10n_regex_close(handle) }

    /// A matcher of its own over the same compiled pattern, or nil when ICU is out of memory.
    func clone() -> ICURegex? {
        l10n_regex_clone(handle).map { ICURegex(handle: $0) }
    }

    /// Sets the subject; `text` must stay valid until the next `setText` (or `clearText`).
    func setText(_ text: UnsafeBufferPointer<UInt16>) {
        if let base = text.baseAddress {
            _ = l10n_regex_set_text(handle, base, Int32(text.count))
        } else {
            clearText()
        }
    }

    /// Forgets the subject, so the matcher holds no pointer into a buffer that is going away.
    func clearText() {
        var empty: UInt16 = 0
        _ = l10n_regex_set_text(handle, &empty, 0)
    }

    /// True when the pattern matches a prefix of `start..<limit` (transparent bounds).
    func matchesPrefix(from start: Int, to limit: Int) -> Bool {
        l10n_regex_looking_at(handle, Int32(start), Int32(limit)) == 1
    }

    /// The first match inside `start..<limit` (transparent bounds; with `anchoring`, the region
    /// edges count as the text's start and end for `^`, `$`, `\A`, `\z`).
    func firstMatch(from start: Int, to limit: Int, anchoring: Bool) -> Range<Int>? {
        var s: Int32 = 0, e: Int32 = 0
        guard l10n_regex_find(handle, Int32(start), Int32(limit), anchoring ? 1 : 0, &s, &e) == 1 else { return nil }
        return Int(s)..<Int(e)
    }

    /// All matches inside `start..<limit`, left to right, not overlapping.
    func allMatches(from start: Int, to limit: Int) -> [Range<Int>] {
        var s: Int32 = 0, e: Int32 = 0
        var out: [Range<Int>] = []
        guard l10n_regex_find(handle, Int32(start), Int32(limit), 0, &s, &e) == 1 else { return out }
        repeat { out.append(Int(s)..<Int(e)) } while l10n_regex_find_next(handle, &s, &e) == 1
        return out
    }

    /// True when the whole of `string` matches (used for SRX language patterns).
    func matchesWhole(_ string: String) -> Bool {
        let units = Array(string.utf16)
        return units.withUnsafeBufferPointer { buffer -> Bool in
            setText(buffer)
            defer { clearText() }
            return l10n_regex_matches(handle) == 1
        }
    }
}
