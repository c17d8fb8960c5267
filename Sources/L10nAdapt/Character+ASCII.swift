extension Character {
    /// 0–9 only: US-style source figures never use other digits.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
