import ArgumentParser
import Foundation
import L10nPipeline

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate XLIFF 2.0/2.1/2.2 and 1.2 files: schema plus the rules the schema cannot express.",
        discussion: """
            Prints one line per problem (file:line: error: [rule] message) and exits 0 when every file is valid, 1 when any is not (65 when a file is not even well-formed XML, 66 when it is missing).
            """)

    @Argument(help: ArgumentHelp("XLIFF files.", valueName: "xliff"))
    var files: [String]

    @Flag(name: .shortAndLong, help: "Print only problems, no summary.")
    var quiet = false

    func run() throws {
        let validator = XLIFFValidator()
        var valid = 0
        var invalid = 0
        var failures: [ExitCode] = []
        for file in files {
            let data: Data
            do { data = try InputFile.read(file) } catch {
                failures.append(ExitStatus.report(error))
                continue
            }
            let findings = validator.validate(data, file: file).findings
            for finding in findings {
                let place = finding.location.map(\.description) ?? file
                Console.out("\(place): \(finding.severity.rawValue): [\(finding.check)] \(finding.message)")
            }
            if findings.contains(where: { $0.severity == .error }) {
                invalid += 1
                if findings.contains(where: { $0.check == "xliff.well-formed" }) { failures.append(ExitStatus.dataError) }
            } else {
                valid += 1
                if !quiet { Console.out("\(file): valid") }
            }
        }
        if !quiet { Console.note("\(valid) of \(files.count) file(s) valid") }
        if let worst = ExitStatus.worst(failures) { throw worst }
        if invalid > 0 { throw ExitStatus.invalid }
    }
}
