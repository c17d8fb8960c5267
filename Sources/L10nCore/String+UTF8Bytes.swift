extension String {
    /// Calls `body` with the string's UTF-8 bytes, read in place. `withUTF8` is mutating, so
    /// callers copied the string into a `var` first: a retain and a release on every call, and
    /// the writers and codecs read several strings per code and segment. Every native string
    /// (all strings on Linux) lends its storage; only a bridged one is copied. (Inlinable, so
    /// other modules specialize it: called generically it cost more than the copy it saves.)
    @inlinable @inline(__always)
    package func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
