/// An error that ends a run, and says which exit code that means.
///
/// Every module's error type conforms (``FormatError``, `PipelineError`, `MarketDataError`,
/// `BackendError`…), declaring its ``exitCategory`` beside its definition. The CLI maps any
/// `L10nError` to its code in one place; anything else is a bug (``ExitCategory/software``).
/// `description` is what the user reads: it names the file and line where there is one, and
/// never includes API keys or customer text beyond what locates the problem.
public protocol L10nError: Error, CustomStringConvertible, Sendable {
    var exitCategory: ExitCategory { get }
}
