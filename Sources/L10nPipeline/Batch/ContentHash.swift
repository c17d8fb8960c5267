import Crypto
import Foundation

/// SHA-256 over a sequence of labelled parts, as lower-case hex: what decides whether a page
/// must be made again (its bytes, the project settings, the market data, the engine version)
/// and whether an output on disk is still the one the last run wrote.
///
/// Each part is length-prefixed, so ("ab", "c") and ("a", "bc") never hash alike.
package struct ContentHash {
    private var hasher = SHA256()

    package init() {}

    package mutating func add(_ label: String, _ bytes: some DataProtocol) {
        for part in [Data(label.utf8), Data(bytes)] {
            var count = UInt64(part.count).littleEndian
            withUnsafeBytes(of: &count) { hasher.update(bufferPointer: $0) }
            hasher.update(data: part)
        }
    }

    package mutating func add(_ label: String, _ text: String) { add(label, Data(text.utf8)) }

    package func finalize() -> String {
        hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The hash of one byte string.
    package static func of(_ bytes: some DataProtocol) -> String {
        var hash = ContentHash()
        hash.add("", bytes)
        return hash.finalize()
    }
}
