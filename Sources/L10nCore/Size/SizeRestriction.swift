/// A restriction under the standard profiles (`xliff:codepoints`, `xliff:utf8`, `xliff:utf16`,
/// `xliff:utf32`): an optional minimum and a maximum, written `[min,]max`, where the maximum may
/// be `*` (none). `"20"` is at most 20, `"5,20"` from 5 to 20, `"5,*"` at least 5, `"*"` anything.
public struct SizeRestriction: Hashable, Sendable, Codable, CustomStringConvertible {
    /// 0 when the value states none.
    public var minimum: Int
    /// nil for `*`.
    public var maximum: Int?

    public init(minimum: Int = 0, maximum: Int?) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Parses `*`, `n`, `n,m` or `n,*` (non-negative integers, ASCII digits only); nil for
    /// anything else.
    public init?(_ value: String) {
        func number(_ s: Substring) -> Int? {
            guard !s.isEmpty, s.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
            return Int(s)
        }
        let parts = value.split(separator: ",", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            if parts[0] == "*" { self.init(maximum: nil); return }
            guard let max = number(parts[0]) else { return nil }
            self.init(maximum: max)
        case 2:
            guard let min = number(parts[0]) else { return nil }
            if parts[1] == "*" { self.init(minimum: min, maximum: nil); return }
            guard let max = number(parts[1]) else { return nil }
            self.init(minimum: min, maximum: max)
        default:
            return nil
        }
    }

    /// The attribute value: `20`, `5,20`, `5,*`, `*`.
    public var description: String {
        let max = maximum.map(String.init) ?? "*"
        return minimum == 0 ? max : "\(minimum),\(max)"
    }

    public func contains(_ size: Int) -> Bool {
        size >= minimum && maximum.map { size <= $0 } ?? true
    }
}
