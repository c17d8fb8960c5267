import Foundation

/// How the `l10n` process asks glibc's malloc to hold memory (the library leaves that to the
/// program embedding it).
///
/// glibc gives blocks from 128 KB up pages of their own, returned when freed, but raises that
/// threshold each time the process frees such a block (up to 32 MB). After the first page of a
/// run, a document's large arrays and output buffers therefore come from the heap, where they
/// fragment it and stay. A fixed threshold keeps them on pages of their own (growing one is a
/// `mremap`, not a copy): on the 10 MB bench corpus, peak RSS over 123 Markdown pages 76.4 →
/// 71.0 MB and over 123 HTML pages 60.8 → 58.5 MB, with no more instructions (`tools/callgrind`)
/// and the same CPU time (2026-12-04, `docs/performance-plan.md`).
enum MemoryPolicy {
    static let mmapThreshold: Int32 = 256 * 1024

    static func apply() {
        #if os(Linux)
        // `mallopt` is declared in <malloc.h>, which Swift's Glibc module does not export: it is
        // looked up by name. -3 is `M_MMAP_THRESHOLD` in glibc's ABI.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(-3, mmapThreshold)
        #endif
    }
}
