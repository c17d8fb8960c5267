import CICU

/// CLDR number, currency and unit formatting through ICU number skeletons.
///
/// Foundation's `MeasurementFormatter` does not exist on Linux, and ICU's skeletons give exact
/// control of precision and unit width, so units are formatted here.
public enum NumberFormatting {
    /// `value` formatted with an ICU number skeleton for `locale` (`pt_BR`), or nil when ICU
    /// rejects the skeleton or locale.
    public static func format(_ value: Double, skeleton: String, locale: String) -> String? {
        let skeletonUnits = Array(skeleton.utf16)
        var capacity = 64
        while true {
            var buffer = [UInt16](repeating: 0, count: capacity)
            let length = skeletonUnits.withUnsafeBufferPointer { s in
                buffer.withUnsafeMutableBufferPointer { b in
                    l10n_icu_format_number(locale, s.baseAddress, Int32(s.count), value, b.baseAddress, Int32(capacity))
                }
            }
            if length < 0 { return nil }
            if Int(length) <= capacity { return String(decoding: buffer[0..<Int(length)], as: UTF16.self) }
            capacity = Int(length) + 1
        }
    }
}
