import L10nCore

/// What a rule group sees: the document, its version, and where to put findings.
struct ValidationContext {
    let root: XMLElementRef
    let version: XLIFFVersion
    let file: String
    let options: XLIFFValidator.Options
    private(set) var findings: [Finding] = []

    init(root: XMLElementRef, version: XLIFFVersion, file: String, options: XLIFFValidator.Options) {
        self.root = root
        self.version = version
        self.file = file
        self.options = options
    }

    /// All elements of the document, root first, in document order (computed once).
    lazy var allElements: [XMLElementRef] = [root] + root.descendants

    /// Every unit and translation candidate, with its inline content (computed once).
    lazy var inlineScopes: [InlineScope] = InlineScope.all(in: allElements)

    mutating func report(_ rule: XLIFFValidationRule, _ message: String, at element: XMLElementRef?, severity: Severity = .error) {
        findings.append(Finding(
            check: rule.id, severity: severity, message: message,
            location: SourceLocation(file: file, line: element?.line)))
    }

    /// The same, in the order that reads well in rule code: where, what, which rule.
    mutating func report(_ element: XMLElementRef, _ message: String, rule: XLIFFValidationRule, severity: Severity = .error) {
        report(rule, message, at: element, severity: severity)
    }
}

/// A set of related rules, checked together because they walk the same parts of a document.
protocol XLIFFRuleGroup: Sendable {
    /// Every rule the group can report, for the catalog.
    static var rules: [XLIFFValidationRule] { get }
    /// True when the group applies to documents of `version`.
    static func applies(to version: XLIFFVersion) -> Bool
    static func check(_ context: inout ValidationContext)
}

extension XLIFFRuleGroup {
    static func applies(to version: XLIFFVersion) -> Bool { version.isVersion2 }
}
