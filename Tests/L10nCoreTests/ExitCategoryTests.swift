import Foundation
import L10nCore
import Testing

/// Exit codes come from one source: the README's table and `--help` are generated from
/// ``ExitCategory``; each error type says its own category.
@Suite struct ExitCategoryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theReadmeTableIsTheGeneratedOne() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- exit-codes:start -->\n"))
        let end = try #require(readme.range(of: "\n<!-- exit-codes:end -->", range: start.upperBound..<readme.endIndex))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == ExitCategory.markdownTable,
                "regenerate README's exit-code table from ExitCategory.markdownTable")
    }

    @Test func codesAreTheSysexitsValuesAndRankedBySeverity() {
        #expect(ExitCategory.allCases.map(\.code) == [0, 1, 64, 65, 66, 69, 70, 73, 130])
        #expect(ExitCategory.worst([.usage, .dataError, .noInput]) == .noInput)
        #expect(ExitCategory.worst([.dataError, .software, .cannotCreate]) == .software)
        #expect(ExitCategory.worst([]) == nil)
        #expect(Set(ExitCategory.allCases.map(\.severityRank)).count == ExitCategory.allCases.count)
    }

    @Test func formatErrorsAreBadData() {
        let error: any L10nError = FormatError(.malformed, "broken", at: SourceLocation(file: "a.xlf", line: 3))
        #expect(error.exitCategory == .dataError)
        #expect(error.description == "a.xlf:3: broken")
    }

    @Test func theHelpTableListsEveryCode() {
        let lines = ExitCategory.plainTable.split(separator: "\n")
        #expect(lines.filter { $0.range(of: #"^  [0-9]+ +"#, options: .regularExpression) != nil }.count == ExitCategory.allCases.count)
        #expect(lines.allSatisfy { !$0.contains("`") && $0.count <= 78 })
        #expect(lines[0] == "  0   success")
    }
}
