import Foundation

/// `--shard 3/8`: the third of eight stable shares of a batch's pages, for a CI matrix.
///
/// A page belongs to the shard its path hashes to (SHA-256, not Swift's seeded `hashValue`), so
/// its shard never depends on which other pages exist, the machine or the run: adding a page
/// moves no other page, and the shards together are exactly the whole catalogue. All markets of
/// a page go to the same shard, so its hreflang set is written by one runner.
package struct BatchShard: Hashable, Sendable, CustomStringConvertible {
    /// 1-based.
    package let index: Int
    package let count: Int

    package init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    package func contains(_ relativePath: String) -> Bool {
        Self.shard(of: relativePath, count: count) == index
    }

    /// The 1-based shard of `relativePath` among `count`.
    package static func shard(of relativePath: String, count: Int) -> Int {
        let hex = ContentHash.of(Data(relativePath.utf8))
        let prefix = UInt64(hex.prefix(16), radix: 16) ?? 0
        return Int(prefix % UInt64(count)) + 1
    }

    package var description: String { "\(index)/\(count)" }
}
