import CICU

/// One ICU break iterator (owned; closed on deinit). Not thread-safe: use through a
/// ``ResourcePool``.
final class ICUBreakIterator {
    enum Kind { case sentence, word }

    private let handle: OpaquePointer

    init?(kind: Kind, locale: String) {
        guard let h = l10n_break_iterator_open(kind == .word ? Int32(L10N_BREAK_WORD) : Int32(L10N_BREAK_SENTENCE), locale) else { return nil }
        handle = h
    }

    private init(handle: OpaquePointer) { self.handle = handle }

    deinit { l10n_break_iterator_close(handle) }

    /// Boundaries of `text` (UTF-16, ascending, excluding 0, including the end), or nil on an
    /// ICU error. `text` only needs to live for the duration of the call.
    func boundaries(in text: UnsafeBufferPointer<UInt16>) -> [Int]? {
        guard let base = text.baseAddress, !text.isEmpty else { return [] }
        guard l10n_break_iterator_set_text(handle, base, Int32(text.count)) == 0 else { return nil }
        var out: [Int] = []
        var b = l10n_break_iterator_next(handle)
        while b >= 0 {
            out.append(Int(b))
            b = l10n_break_iterator_next(handle)
        }
        // Detach from the caller's buffer so nothing can read it after it is gone.
        var empty: UInt16 = 0
        _ = l10n_break_iterator_set_text(handle, &empty, 0)
        return out
    }
}
