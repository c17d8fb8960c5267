import L10nCore

/// Runs quality checks over the document with its targets; their findings join the job's.
public struct CheckStage: PipelineStage {
    public var checks: [any DocumentCheck]
    public var name: StageName { .check }

    public init(checks: [any DocumentCheck]) {
        self.checks = checks
    }

    public func run(_ job: inout LocalizationJob) async throws {
        let document = try job.requireDocument(for: .check)
        // With a market, the adapt stage wrote the source's figures the market's way.
        let context = CheckContext(sourceLanguage: job.source.language, targetLanguage: job.targetLanguage, market: job.market?.id,
                                   sourceFiguresAreFinal: job.market != nil)
        for check in checks {
            job.findings += check.check(document, context: context)
        }
    }
}
