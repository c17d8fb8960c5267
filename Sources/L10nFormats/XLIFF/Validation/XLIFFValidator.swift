import Foundation
import L10nCore
import L10nXML

/// Checks XLIFF 1.2, 2.0, 2.1 and 2.2 documents: well-formedness, the OASIS schemas, and the
/// processing requirements the schemas cannot express (unique ids, code pairing, references…).
///
/// The engine of `l10n validate`. Safe to share across threads; each call is independent.
///
/// ```swift
/// let result = XLIFFValidator().validate(data, file: "de.xlf")
/// for finding in result.findings { print(finding.location!, finding.check, finding.message) }
/// ```
public struct XLIFFValidator: Sendable {
    public struct Options: Hashable, Sendable {
        /// Fragment-identifier prefixes registered for extensions, prefix → namespace
        /// (`tbx` → `urn:iso:std:iso:30042:ed-1:v1:en`). Unknown prefixes in `#…` references are errors.
        public var extensionFragmentPrefixes: [String: String]
        /// Whether to validate against the bundled XSDs (the processing rules run either way).
        public var checkSchema: Bool
        /// The XML safety policy and limits the file is parsed under.
        public var xmlPolicy: XMLPolicy

        public init(extensionFragmentPrefixes: [String: String] = Options.registeredExtensionPrefixes, checkSchema: Bool = true,
                    xmlPolicy: XMLPolicy = .standard) {
            self.extensionFragmentPrefixes = extensionFragmentPrefixes
            self.checkSchema = checkSchema
            self.xmlPolicy = xmlPolicy
        }

        /// Extension prefixes registered with the XLIFF TC that l10n knows by default.
        public static let registeredExtensionPrefixes: [String: String] = ["tbx": "urn:iso:std:iso:30042:ed-1:v1:en"]
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Validates `data` (the bytes of an XLIFF file); `file` names it in findings.
    public func validate(_ data: Data, file: String) -> XLIFFValidationResult {
        var findings: [Finding] = []
        let document: XMLTreeDocument
        do {
            document = try XMLTreeDocument.parse(data, file: file, policy: options.xmlPolicy)
        } catch {
            let refusal = (error as? FormatError) ?? FormatError(.malformed, "\(error)")
            let rule: XLIFFValidationRule
            switch refusal.code {
            case .forbiddenConstruct: rule = DocumentRules.entityDeclaration
            case .tooLarge: rule = DocumentRules.tooLarge
            default: rule = DocumentRules.wellFormed
            }
            findings.append(Finding(check: rule.id, severity: .error, message: refusal.message,
                                    location: refusal.inFile(file).location))
            return XLIFFValidationResult(file: file, version: nil, findings: findings)
        }
        let tree = XMLTree(document)
        guard let root = tree.root else {
            return XLIFFValidationResult(file: file, version: nil, findings: [
                Finding(check: DocumentRules.wellFormed.id, severity: .error, message: "document has no root element",
                        location: SourceLocation(file: file, line: 1)),
            ])
        }
        guard let version = XLIFFVersion.detect(rootName: root.name, namespace: root.namespace, version: root["version"]) else {
            let ns = root.namespace.map { " in namespace \($0)" } ?? ""
            return XLIFFValidationResult(file: file, version: nil, findings: [
                Finding(check: DocumentRules.version.id, severity: .error,
                        message: "root element <\(root.name)>\(ns) is not an XLIFF 1.2, 2.0, 2.1 or 2.2 document",
                        location: SourceLocation(file: file, line: root.line)),
            ])
        }
        if options.checkSchema {
            findings += schemaFindings(document, root: root, version: version, file: file)
        }
        var context = ValidationContext(root: root, version: version, file: file, options: options)
        for group in Self.ruleGroups where group.applies(to: version) {
            group.check(&context)
        }
        findings += context.findings
        return XLIFFValidationResult(file: file, version: version, findings: Self.sorted(findings))
    }

    /// Every rule the validator can report, sorted by id.
    public static var rules: [XLIFFValidationRule] {
        (DocumentRules.rules + ruleGroups.flatMap { $0.rules }).sorted { $0.id < $1.id }
    }

    static let ruleGroups: [any XLIFFRuleGroup.Type] = [
        IdentifierRules.self, StructureRules.self, LanguageRules.self, InlineCodeRules.self,
        EditingHintRules.self, AnnotationRules.self, FragmentIdentifierRules.self, ExtensionRules.self,
        MatchesRules.self, GlossaryRules.self, FormatStyleRules.self, MetadataRules.self,
        ResourceDataRules.self, SizeRestrictionRules.self, ValidationModuleRules.self, ChangeTrackingRules.self,
        XLIFF12Rules.self,
    ]

    // MARK: - Schema

    private func schemaFindings(_ document: XMLTreeDocument, root: XMLElementRef, version: XLIFFVersion, file: String) -> [Finding] {
        if version == .v1_2 && root.namespace == nil {
            return [Finding(check: DocumentRules.schema.id, severity: .warning,
                            message: "XLIFF 1.x root has no namespace (\(XLIFFNamespace.core12)); schema validation skipped",
                            location: SourceLocation(file: file, line: root.line))]
        }
        let set = SchemaSet.forVersion(version)
        switch SchemaValidation.validate(document, against: set) {
        case .failure(let error):
            return [Finding(check: DocumentRules.schemaUnavailable.id, severity: .error, message: error.message,
                            location: SourceLocation(file: file))]
        case .success(let issues) where issues.isEmpty:
            return []
        case .success(let strictIssues):
            guard version == .v1_2 else { return Self.findings(strictIssues, rule: DocumentRules.schema, severity: .error, file: file) }
            // XLIFF 1.2: the transitional schema still accepts deprecated constructs; they are
            // warnings, and only what transitional rejects too is an error.
            switch SchemaValidation.validate(document, against: .xliff12Transitional) {
            case .failure(let error):
                return [Finding(check: DocumentRules.schemaUnavailable.id, severity: .error, message: error.message,
                                location: SourceLocation(file: file))]
            case .success(let issues) where issues.isEmpty:
                return Self.findings(strictIssues, rule: DocumentRules.strictSchema, severity: .warning, file: file)
            case .success(let issues):
                return Self.findings(issues, rule: DocumentRules.schema, severity: .error, file: file)
            }
        }
    }

    private static func findings(_ issues: [SchemaValidation.Issue], rule: XLIFFValidationRule, severity: Severity, file: String) -> [Finding] {
        issues.map { Finding(check: rule.id, severity: severity, message: SchemaValidation.readable($0.message),
                             location: SourceLocation(file: file, line: $0.line)) }
    }

    /// Deterministic order: line, then check id, then message; duplicates dropped.
    private static func sorted(_ findings: [Finding]) -> [Finding] {
        var seen = Set<Finding>()
        return findings.filter { seen.insert($0).inserted }.sorted { a, b in
            let la = a.location?.line ?? 0, lb = b.location?.line ?? 0
            if la != lb { return la < lb }
            if a.check != b.check { return a.check < b.check }
            return a.message < b.message
        }
    }
}
