/// The check each invalid conformance file should trigger, from the rule its name describes.
enum ExpectedChecks {
    static func check(for name: String) -> String? { nil }
}
