/// An explicit chain of stages: read → segment → adapt → glossary → leverage → translate → check → write.
///
/// A value: build it with ``standard(_:)`` or by hand, replace or drop a stage, hand it to a
/// ``Localizer`` or run it directly. Stages run in the order given; ``run(_:)`` runs them all,
/// ``run(_:from:)`` the ones at or after a stage (the per-market part of a run whose source was
/// read and segmented once).
public struct Pipeline: Sendable {
    public private(set) var stages: [any PipelineStage]

    public init(_ stages: [any PipelineStage]) {
        self.stages = stages
    }

    /// The names of the stages, in order.
    public var stageNames: [StageName] { stages.map(\.name) }

    /// Puts `stage` in place of the stage with the same name, or in its place in the standard
    /// order when there is none.
    public mutating func install(_ stage: any PipelineStage) {
        if let i = stages.firstIndex(where: { $0.name == stage.name }) {
            stages[i] = stage
        } else {
            let i = stages.firstIndex { $0.name > stage.name } ?? stages.count
            stages.insert(stage, at: i)
        }
    }

    /// Removes the stage named `name`.
    public mutating func remove(_ name: StageName) {
        stages.removeAll { $0.name == name }
    }

    /// Runs every stage over `job`.
    public func run(_ job: LocalizationJob) async throws -> LocalizationJob {
        try await run(job, where: { _ in true })
    }

    /// Runs the stages that only need the source document (read, segment).
    public func runPerDocument(_ job: LocalizationJob) async throws -> LocalizationJob {
        try await run(job, where: \.isPerDocument)
    }

    /// Runs the stages that depend on the target and market (adapt … write).
    public func runPerTarget(_ job: LocalizationJob) async throws -> LocalizationJob {
        try await run(job, where: { !$0.isPerDocument })
    }

    private func run(_ job: LocalizationJob, where include: (StageName) -> Bool) async throws -> LocalizationJob {
        var job = job
        for stage in stages where include(stage.name) {
            try Task.checkCancellation()
            try await stage.run(&job)
        }
        return job
    }
}
