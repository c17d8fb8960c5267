import CCmarkGFM
import Foundation

/// The allocator cmark-gfm parses with: what it `calloc`s — nodes, their literals, the
/// extensions' node data, all of which live until the tree is freed — is carved out of a few
/// large chunks, and freeing such a block is a no-op; the chunks go back at once after the parse.
///
/// Why: cmark allocates each node on its own and frees each again one by one, and on Markdown
/// pages glibc's `calloc` and `free` for those blocks were 7% of `extract`'s instructions
/// (2026-12-04 profile). Blocks cmark grows with `realloc` (its line and content buffers) stay
/// with malloc: a bump allocator would keep every outgrown copy until the end of the parse
/// (cmark-gfm's own arena allocator works that way, and costs more than it saves).
///
/// cmark's allocator interface carries no context, so the arena is process-wide state behind
/// raw pointers (no exclusivity checks on the hot path). It is touched only while
/// ``MarkdownSyntaxTree/cmarkLock`` is held, which serializes every parse: that lock is what
/// makes the `nonisolated(unsafe)` state safe.
enum CmarkNodeArena {
    /// The allocator to hand `cmark_parser_new_with_mem`. It lives as long as the process:
    /// every node keeps a pointer to it.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let mem = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        mem.initialize(to: cmark_mem(calloc: arenaCalloc, realloc: arenaRealloc, free: arenaFree))
        return mem
    }()

    /// Size of a chunk small blocks are carved from.
    static let chunkSize = 1 << 20
    /// Blocks this large get a chunk of their own, so a chunk is never mostly wasted by one big
    /// literal.
    static let largeBlock = chunkSize / 4
    /// A chunk starts with the previous chunk of its list and its own size; a block starts with
    /// its size (for `realloc`). Both are 16 bytes, so blocks stay 16-byte aligned, as malloc's.
    /// Chunks are mapped pages of their own, not malloc's: freed, they go straight back to the
    /// system instead of fragmenting the heap the document model grows into next (peak RSS over
    /// 123 Markdown pages: +2 MB this way, +6 MB with malloc'ed chunks).
    static let header = 16

    /// Frees every chunk but one small one, kept empty for the next parse (most pages fit in
    /// it). Call with the lock held, after the tree and the parser are freed.
    static func reset() {
        let s = state
        var chunk = s.pointee.small.flatMap { previous(of: $0) }
        while let current = chunk { chunk = previous(of: current); release(current) }
        chunk = s.pointee.large
        while let current = chunk { chunk = previous(of: current); release(current) }
        s.pointee.large = nil
        if let kept = s.pointee.small {
            kept.storeBytes(of: nil, as: UnsafeMutableRawPointer?.self)
            s.pointee.cursor = kept + header
        }
    }

    /// How many chunks the arena holds (for tests).
    static var chunkCount: Int {
        var count = 0
        for list in [state.pointee.small, state.pointee.large] {
            var chunk = list
            while let current = chunk { count += 1; chunk = previous(of: current) }
        }
        return count
    }

    /// Whether `pointer` lies in one of the arena's chunks.
    static func owns(_ pointer: UnsafeRawPointer) -> Bool {
        let s = state
        return contains(pointer, list: s.pointee.small) || contains(pointer, list: s.pointee.large)
    }

    /// A zeroed block of `size` bytes, or nil when memory is exhausted (cmark then aborts, as
    /// with its own allocator).
    static func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        let s = state
        let needed = (header + size + 15) & ~15
        if needed < largeBlock {
            if let cursor = s.pointee.cursor, let chunk = s.pointee.small, cursor.distance(to: chunk + chunkSize) >= needed {
                s.pointee.cursor = cursor + needed
                return block(at: cursor, size: size)
            }
            guard let chunk = newChunk(size: chunkSize, after: s.pointee.small) else { return nil }
            s.pointee.small = chunk
            s.pointee.cursor = chunk + header + needed
            return block(at: chunk + header, size: size)
        }
        guard let chunk = newChunk(size: header + needed, after: s.pointee.large) else { return nil }
        s.pointee.large = chunk
        return block(at: chunk + header, size: size)
    }

    /// The size `allocate` was asked for when it returned `pointer`.
    static func size(of pointer: UnsafeRawPointer) -> Int { (pointer - header).load(as: Int.self) }

    // MARK: - State

    struct State {
        /// The newest small chunk (the one blocks are carved from) and the next free byte in it.
        var small: UnsafeMutableRawPointer?
        var cursor: UnsafeMutableRawPointer?
        /// The newest chunk holding one large block.
        var large: UnsafeMutableRawPointer?
    }

    nonisolated(unsafe) static let state: UnsafeMutablePointer<State> = {
        let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State())
        return state
    }()

    private static func previous(of chunk: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
        chunk.load(as: UnsafeMutableRawPointer?.self)
    }

    private static func newChunk(size: Int, after previous: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
        guard let chunk = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              chunk != MAP_FAILED else { return nil }
        chunk.storeBytes(of: previous, as: UnsafeMutableRawPointer?.self)
        (chunk + 8).storeBytes(of: size, as: Int.self)
        return chunk
    }

    private static func release(_ chunk: UnsafeMutableRawPointer) {
        munmap(chunk, (chunk + 8).load(as: Int.self))
    }

    private static func block(at start: UnsafeMutableRawPointer, size: Int) -> UnsafeMutableRawPointer {
        start.storeBytes(of: size, as: Int.self)
        let payload = start + header
        memset(payload, 0, size)
        return payload
    }

    private static func contains(_ pointer: UnsafeRawPointer, list: UnsafeMutableRawPointer?) -> Bool {
        var chunk = list
        while let current = chunk {
            let size = (current + 8).load(as: Int.self)
            if pointer >= UnsafeRawPointer(current) && pointer < UnsafeRawPointer(current + size) { return true }
            chunk = previous(of: current)
        }
        return false
    }
}

private func arenaCalloc(_ count: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
    return overflow ? nil : CmarkNodeArena.allocate(bytes)
}

private func arenaRealloc(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    guard let pointer, CmarkNodeArena.owns(pointer) else { return realloc(pointer, size) }
    // An arena block cmark wants resized moves to malloc (cmark does not do this today).
    guard let moved = malloc(max(size, 1)) else { return nil }
    moved.copyMemory(from: pointer, byteCount: min(CmarkNodeArena.size(of: pointer), size))
    return moved
}

private func arenaFree(_ pointer: UnsafeMutableRawPointer?) {
    guard let pointer, !CmarkNodeArena.owns(pointer) else { return }
    free(pointer)
}
