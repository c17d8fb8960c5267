import Foundation
@testable import L10nFormats
import Testing

/// cmark-gfm parses with ``CmarkNodeArena``: its `calloc`ed blocks come from a few chunks that go
/// back at once after the parse, its `realloc`ed buffers stay with malloc. A page must parse
/// whole whatever the chunks, and nothing may outlive the parse but the one kept chunk.
@Suite struct CmarkNodeArenaTests {
    /// Thousands of list items (more nodes than one chunk holds) and a 300 KB word (one text
    /// node whose literal is a block larger than `largeBlock`, so it gets a chunk of its own).
    @Test func aPageNeedingManyChunksAndALargeBlockParsesWhole() throws {
        let items = 12_000
        let longWord = String(repeating: "a", count: 300_000)
        var page = ""
        for n in 0..<items { page += "- item \(n) with `code` and *emphasis*\n" }
        page += "\n\(longWord)\n"
        let tree = try MarkdownSyntaxTree.parse(Array(page.utf8))

        #expect(tree.nodes.filter { $0.kind == .item }.count == items)
        #expect(tree.nodes.filter { $0.kind == .code }.count == items)
        let longest = tree.nodes.filter { $0.kind == .text }.map { tree.literal(of: $0).count }.max()
        #expect(longest == longWord.utf8.count)
        let last = try #require(tree.nodes.last { $0.kind == .text && tree.literal(of: $0).count > 1000 })
        #expect(tree.literal(of: last).allSatisfy { $0 == UInt8(ascii: "a") })

        MarkdownSyntaxTree.cmarkLock.lock()
        defer { MarkdownSyntaxTree.cmarkLock.unlock() }
        #expect(CmarkNodeArena.chunkCount <= 1)
    }

    /// The allocator on its own, as cmark calls it: zeroed blocks from the arena, large ones in a
    /// chunk of their own, an arena block resized moves to malloc with its bytes, malloc's
    /// pointers are freed by malloc, and a reset returns every chunk but one.
    @Test func theAllocatorHandsOutZeroedBlocksAndGivesChunksBack() throws {
        MarkdownSyntaxTree.cmarkLock.lock()
        defer { MarkdownSyntaxTree.cmarkLock.unlock() }
        let mem = CmarkNodeArena.allocator.pointee

        let small = try #require(mem.calloc(3, 40))
        #expect(UnsafeRawBufferPointer(start: small, count: 120).allSatisfy { $0 == 0 })
        #expect(CmarkNodeArena.owns(small))
        #expect(Int(bitPattern: small) % 16 == 0)
        small.storeBytes(of: 0x5A5A_5A5A, as: UInt32.self)

        let large = try #require(mem.calloc(1, CmarkNodeArena.largeBlock + 10))
        #expect(CmarkNodeArena.owns(large))
        #expect(UnsafeRawBufferPointer(start: large, count: CmarkNodeArena.largeBlock + 10).allSatisfy { $0 == 0 })

        let moved = try #require(mem.realloc(small, 400))
        #expect(!CmarkNodeArena.owns(moved))
        #expect(moved.load(as: UInt32.self) == 0x5A5A_5A5A)
        mem.free(moved)  // malloc's: freed by malloc

        let grown = try #require(mem.realloc(nil, 64))  // cmark's buffers: malloc's
        #expect(!CmarkNodeArena.owns(grown))
        mem.free(grown)
        mem.free(large)  // the arena's: a no-op until the reset
        #expect(CmarkNodeArena.owns(large))

        var fill: [UnsafeMutableRawPointer] = []
        while fill.count < 30_000 { fill.append(try #require(mem.calloc(1, 100))) }  // > one chunk
        #expect(CmarkNodeArena.chunkCount >= 3)
        #expect(mem.calloc(Int.max, 2) == nil)  // overflow: refused, as calloc does

        CmarkNodeArena.reset()
        #expect(CmarkNodeArena.chunkCount == 1)
        #expect(!CmarkNodeArena.owns(large))
        #expect(!CmarkNodeArena.owns(fill[0]))  // an older chunk: gone
        #expect(CmarkNodeArena.owns(fill[fill.count - 1]))  // the newest: kept, empty
        let again = try #require(mem.calloc(1, 16))
        #expect(CmarkNodeArena.owns(again))
        CmarkNodeArena.reset()
    }
}
