/// Editing hints on inline codes (XLIFF 2 core §4.7.2, Schematron F10, F20, F30, F31): what a
/// translator may do with a code, and the non-reorderable sequences that start at `firstNo`.
enum EditingHintRules: XLIFFRuleGroup {
    static let reorderContext = XLIFFValidationRule(
        "xliff.can-reorder", "A code with canReorder no or firstNo also has canCopy=\"no\" and canDelete=\"no\".")
    static let sequence = XLIFFValidationRule(
        "xliff.non-reorderable-sequence",
        "A code with canReorder=\"no\" follows the firstNo or no code of its sequence, and the sequence is unchanged (same order, same enclosing <pc>) in the target.")
    static let canDelete = XLIFFValidationRule(
        "xliff.can-delete", "A source code with canDelete=\"no\" is still present in the unit's targets once a segment has a <target>.")

    static let rules = [reorderContext, sequence, canDelete]

    static func check(_ context: inout ValidationContext) {
        for element in context.allElements where element.isCode {
            let reorder = element.flag("canReorder")
            if reorder == "no" || reorder == "firstNo", element.flag("canCopy") != "no" || element.flag("canDelete") != "no" {
                context.report(element, "\(element.label) has canReorder=\"\(reorder)\" but canCopy and canDelete are not both \"no\"", rule: reorderContext)
            }
        }
        for unit in context.allElements where unit.isCore("unit") {
            let scope = InlineScope.unit(unit)
            for side in [InlineScope.Side.source, .target] {
                checkSequenceStarts(codes(in: scope.contents(side)), into: &context)
            }
            for part in scope.parts where part.isCore("segment") {
                checkTargetSequence(part, into: &context)
            }
            checkDeletions(scope, into: &context)
        }
    }

    /// Codes (`ph`, `pc`, `sc`, `ec`) of some content, in document order.
    private static func codes(in contents: [XMLElementRef]) -> [XMLElementRef] {
        contents.flatMap { $0.descendants.filter(\.isCode) }
    }

    /// Identity of a code across source and target: name plus id (or startRef for a closing `ec`).
    private static func key(_ code: XMLElementRef) -> String {
        "\(code.name)#\(code["id"] ?? ("→" + (code["startRef"] ?? "")))"
    }

    private static func checkSequenceStarts(_ codes: [XMLElementRef], into context: inout ValidationContext) {
        for (i, code) in codes.enumerated() where code.flag("canReorder") == "no" {
            let previous = i > 0 ? codes[i - 1] : nil
            if let previous, ["no", "firstNo"].contains(previous.flag("canReorder")) { continue }
            let why = previous.map { "follows \($0.label) (line \($0.line)), which can be reordered" } ?? "starts a sequence"
            context.report(code, "\(code.label) has canReorder=\"no\" but \(why); a non-reorderable sequence starts with canReorder=\"firstNo\"", rule: sequence)
        }
    }

    private static func checkTargetSequence(_ segment: XMLElementRef, into context: inout ValidationContext) {
        guard let source = segment.coreChildren("source").first, let target = segment.coreChildren("target").first else { return }
        let sourceCodes = codes(in: [source]), targetCodes = codes(in: [target])
        let targetIndex = Dictionary(targetCodes.enumerated().map { (key($1), $0) }, uniquingKeysWith: { a, _ in a })
        for (i, code) in sourceCodes.enumerated() where code.flag("canReorder") == "no" {
            guard let j = targetIndex[key(code)] else { continue }  // a deletion: canDelete's business
            let counterpart = targetCodes[j]
            let sourcePrevious = i > 0 ? key(sourceCodes[i - 1]) : nil
            let targetPrevious = j > 0 ? key(targetCodes[j - 1]) : nil
            let sourceParent = enclosingPC(of: code, within: source).map(key)
            let targetParent = enclosingPC(of: counterpart, within: target).map(key)
            if sourcePrevious != targetPrevious || sourceParent != targetParent {
                context.report(counterpart, "\(counterpart.label) is part of a non-reorderable sequence but was moved in the target", rule: sequence)
            }
        }
    }

    private static func enclosingPC(of code: XMLElementRef, within content: XMLElementRef) -> XMLElementRef? {
        var current = code.parent
        while let c = current, c != content {
            if c.isCore("pc") { return c }
            current = c.parent
        }
        return nil
    }

    private static func checkDeletions(_ scope: InlineScope, into context: inout ValidationContext) {
        let inTargets = Set(codes(in: scope.targets).map(key))
        for part in scope.parts where part.isCore("segment") && !part.coreChildren("target").isEmpty {
            for code in codes(in: part.coreChildren("source")) where code["canDelete"] == "no" && !inTargets.contains(key(code)) {
                context.report(code, "\(code.label) has canDelete=\"no\" but is missing from the target", rule: canDelete)
            }
        }
    }
}
