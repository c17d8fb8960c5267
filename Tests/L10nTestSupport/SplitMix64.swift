/// A tiny seeded random number generator, so generated and mutated test documents are the same
/// on every run (SplitMix64, Steele/Lea/Flood 2014).
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A string of 0…`maxLength` scalars drawn from `alphabet`: random input for tests that
    /// compare a fast path with its reference.
    public mutating func string(from alphabet: [Unicode.Scalar], maxLength: Int) -> String {
        var s = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...maxLength, using: &self) { s.append(alphabet.randomElement(using: &self)!) }
        return String(s)
    }
}
