/// One step of the localization pipeline.
///
/// Stages are values handed to a ``Pipeline``: the memory layer plugs in as a ``LeverageStage``
/// with its store, MT as a ``TranslateStage`` with its backend, QA as a ``CheckStage`` with its
/// checks — no command grows an `if` for them. A stage reads what earlier stages left in the
/// ``LocalizationJob`` and adds its own part; one that finds its input missing throws
/// ``PipelineError`` (`.misassembled`): the chain was put together in the wrong order.
public protocol PipelineStage: Sendable {
    var name: StageName { get }
    func run(_ job: inout LocalizationJob) async throws
}
