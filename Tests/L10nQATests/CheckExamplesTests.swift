import Foundation
import L10nCore
import L10nAdapt
import L10nGlossary
import L10nQA
import Testing

/// Runs every built-in check's own examples (``CheckDescription``): the one test a new check
/// needs. Each example also runs in two variants that must not change the outcome: wrapped in an
/// extra paired inline code, and with multi-byte text put in front of source and target (after
/// any leading whitespace), which catches checks that mix up character, UTF-16 and byte offsets.
@Suite struct CheckExamplesTests {
    struct Case: Sendable, CustomStringConvertible {
        let check: any QACheck
        let example: CheckExample
        let isPassing: Bool
        var description: String { "\(type(of: check).description.id) \(isPassing ? "passing" : "failing") \(example)" }
    }

    /// The built-in checks and those that live with their data (adaptation rules, glossaries).
    static let checks: [any QACheck] = QAChecks.builtIn + [UnconvertedUnitsCheck(), GlossaryComplianceCheck(termbase: GlossaryComplianceCheck.exampleTermbase)]

    static let passing: [Case] = checks.flatMap { check in type(of: check).description.passing.map { Case(check: check, example: $0, isPassing: true) } }
    static let failing: [Case] = checks.flatMap { check in type(of: check).description.failing.map { Case(check: check, example: $0, isPassing: false) } }

    /// Symbols, a digit and an ideograph outside the BMP (a surrogate pair in UTF-16), closed as
    /// a sentence of its own so sentence-based checks see the example's sentence unchanged; no
    /// lowercase words, which word-based checks would count.
    static let prefix = "→ ✓ \u{2000B} №5. "

    enum Variant: CaseIterable { case plain, wrapped, prefixed }

    static func pair(_ e: CheckExample, _ variant: Variant) -> (SegmentPair, [Int]) {
        var (source, _) = ExampleContent.parse(e.source)
        var (target, markers) = ExampleContent.parse(e.target)
        var size = e.size
        switch variant {
        case .plain: break
        case .wrapped:
            let open = InlineCode(kind: .open, id: "9", data: "<span>", type: .fmt), close = InlineCode(kind: .close, id: "9", data: "</span>", type: .fmt)
            source = Content([.code(open)] + source.runs + [.code(close)])
            target = Content([.code(open)] + target.runs + [.code(close)])
        case .prefixed:
            func insert(_ c: Content) -> (Content, Int) {
                let text = c.readableText
                let lead = text.prefix(while: \.isWhitespace).count
                var runs = c.runs
                if case .text(let t)? = runs.first {
                    let split = t.index(t.startIndex, offsetBy: min(lead, t.count))
                    runs[0] = .text(String(t[..<split]) + prefix + String(t[split...]))
                } else {
                    runs.insert(.text(prefix), at: 0)
                }
                return (Content(runs), lead)
            }
            // A blank target stays blank (and its source as it is): text in front of it would
            // make it a different case.
            guard !target.readableText.allSatisfy(\.isWhitespace) else { break }
            source = insert(source).0
            let (t, lead) = insert(target)
            target = t
            markers = markers.map { $0 >= lead ? $0 + prefix.count : $0 }
            size = raised(size, by: prefix)
        }
        return (SegmentPair(key: "u1-s1", source: source, target: target, size: size), markers)
    }

    /// A size restriction with its limits raised by what `text` adds to a target, counted here
    /// rather than by the check's own code (the prefix is the same in every normalization form).
    static func raised(_ scope: SizeScope?, by text: String) -> SizeScope? {
        guard var scope, let profiles = scope.profiles else { return scope }
        func size(_ profile: String?) -> Int? {
            switch profile {
            case SizeProfiles.codepoints?: return text.unicodeScalars.count
            case SizeProfiles.utf8?: return text.utf8.count
            case SizeProfiles.utf16?: return text.utf16.count * 2
            case SizeProfiles.utf32?: return text.unicodeScalars.count * 4
            default: return nil
            }
        }
        func raise(_ value: String?, by n: Int?) -> String? {
            guard let value, let n, let r = SizeRestriction(value) else { return value }
            return SizeRestriction(minimum: r.minimum + n, maximum: r.maximum.map { $0 + n }).description
        }
        scope.limits.size = raise(scope.limits.size, by: size(profiles.general))
        scope.limits.storage = raise(scope.limits.storage, by: size(profiles.storage))
        return scope
    }

    static func context(_ e: CheckExample) -> CheckContext {
        CheckContext(sourceLanguage: LanguageTag(e.sourceLanguage)!, targetLanguage: LanguageTag(e.targetLanguage)!, market: e.market)
    }

    @Test func everyCheckHasExamplesOfBothKinds() {
        #expect(QAChecks.builtIn.count >= 9)
        for check in QAChecks.builtIn {
            let d = type(of: check).description
            #expect(!d.passing.isEmpty && !d.failing.isEmpty, "\(d.id)")
            #expect(!d.summary.isEmpty && !d.rationale.isEmpty && !d.name.isEmpty, "\(d.id)")
        }
        #expect(Set(QAChecks.descriptions.map(\.id)).count == QAChecks.descriptions.count, "ids are unique")
        #expect(!Self.passing.isEmpty && !Self.failing.isEmpty)
    }

    @Test(arguments: passing)
    func passingExampleRaisesNothing(_ c: Case) {
        for variant in Variant.allCases {
            let (pair, _) = Self.pair(c.example, variant)
            let issues = c.check.check(pair, context: Self.context(c.example))
            #expect(issues.isEmpty, "\(c.example) [\(variant)]: \(issues.map(\.message))")
        }
    }

    @Test(arguments: failing)
    func failingExampleRaisesOneFindingPerMarker(_ c: Case) {
        for variant in Variant.allCases {
            let (pair, markers) = Self.pair(c.example, variant)
            #expect(!markers.isEmpty, "\(c.example): a failing example needs a ⟦ marker")
            let issues = c.check.check(pair, context: Self.context(c.example))
            #expect(issues.count == markers.count, "\(c.example) [\(variant)]: \(issues.map(\.message))")
            for issue in issues {
                guard let offset = issue.offset else { continue }
                #expect(markers.contains(offset), "\(c.example) [\(variant)]: \"\(issue.message)\" at \(offset), markers at \(markers)")
            }
        }
    }

    /// Every file under `Sources/L10nQA/Checks/` is one check in ``QAChecks/builtIn``.
    @Test func theRegistryListsEveryCheckFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Sources/L10nQA/Checks")
        let files = try #require(FileManager.default.subpaths(atPath: folder.path)).filter { $0.hasSuffix("Check.swift") }
        let names = Set(files.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent })
        #expect(!names.isEmpty)
        #expect(names == Set(QAChecks.builtIn.map { String(describing: type(of: $0)) } + QAChecks.builtInDocument.map { String(describing: type(of: $0)) }))
    }

    /// Document checks: `|` separates the segments of an example; one finding per marker, in
    /// the segment that has it, at the marker.
    @Test func documentCheckExamples() {
        var ran = 0
        for check in QAChecks.builtInDocument {
            let d = type(of: check).description
            #expect(!d.passing.isEmpty && !d.failing.isEmpty, "\(d.id)")
            for (example, isPassing) in d.passing.map({ ($0, true) }) + d.failing.map({ ($0, false) }) {
                let sources = example.source.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                let targets = example.target.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                #expect(sources.count == targets.count, "\(example)")
                var pairs: [SegmentPair] = []
                var expected: [(key: String, offset: Int)] = []
                for (i, (s, t)) in zip(sources, targets).enumerated() {
                    let (target, markers) = ExampleContent.parse(t)
                    pairs.append(SegmentPair(key: "u\(i + 1)-s1", source: ExampleContent.parse(s).content, target: target))
                    expected += markers.map { ("u\(i + 1)-s1", $0) }
                }
                let found = check.check(pairs, context: Self.context(example))
                if isPassing {
                    #expect(found.isEmpty, "\(example): \(found.map(\.issue.message))")
                } else {
                    #expect(!expected.isEmpty, "\(example): a failing example needs a ⟦ marker")
                    #expect(found.map(\.key) == expected.map(\.key), "\(example): \(found.map(\.issue.message))")
                    for (f, e) in zip(found, expected) where f.issue.offset != nil { #expect(f.issue.offset == e.offset, "\(example)") }
                }
                ran += 1
            }
        }
        #expect(ran > 0)
    }
}
