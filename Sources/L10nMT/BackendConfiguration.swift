/// The settings a backend is built from: options given explicitly (flags, project config) over
/// the process environment. Secrets (API keys) come from the environment only and are never
/// part of a description.
public struct BackendConfiguration: Sendable, CustomStringConvertible {
    /// Explicit options by name (`url`, `model`); they win over the environment.
    public var options: [String: String]
    /// The environment to read `BackendOption.environment` variables from.
    public var environment: [String: String]

    /// Where secret options are read from instead of their own variable (`--api-key-env NAME`).
    public var secretVariable: String?

    public init(options: [String: String] = [:], environment: [String: String] = [:], secretVariable: String? = nil) {
        self.options = options
        self.environment = environment
        self.secretVariable = secretVariable
    }

    /// The value of `option`: explicit first, then its environment variable (for a secret, the
    /// ``secretVariable`` when one is given). Secrets are never taken from explicit options.
    public func value(for option: BackendOption) -> String? {
        if !option.isSecret, let v = options[option.name], !v.isEmpty { return v }
        if let name = variable(for: option), let v = environment[name], !v.isEmpty { return v }
        return nil
    }

    /// The environment variable `option` is read from.
    public func variable(for option: BackendOption) -> String? {
        option.isSecret ? (secretVariable ?? option.environment) : option.environment
    }

    /// The value of `option` as a number of seconds (more than 0, at most a day), nil when not
    /// given; otherwise a ``BackendError`` naming where the value came from (the flag
    /// `--backend-<name>` for an explicit option, else its variable), never quietly a default.
    public func seconds(for option: BackendOption, backend: String) throws -> Duration? {
        guard let text = value(for: option) else { return nil }
        guard let seconds = Double(text.trimmingCharacters(in: .whitespaces)), seconds.isFinite, seconds > 0, seconds <= 86_400 else {
            let origin = options[option.name] == nil ? variable(for: option) ?? option.name : "--backend-\(option.name)"
            throw BackendError(.misconfigured, backend: backend, "\(option.name) (\(origin)) must be a number of seconds between 0 and 86400, not '\(text)'")
        }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    /// Every required option of `descriptor` has a value, or a ``BackendError`` saying which
    /// is missing and where it would come from (never the value of anything).
    public func check(_ descriptor: BackendDescriptor) throws {
        for option in descriptor.options where option.isRequired && value(for: option) == nil {
            let from = variable(for: option).map { "set \($0)" } ?? "give --\(option.name)"
            throw BackendError(.misconfigured, backend: descriptor.id, "needs \(option.name): \(from)")
        }
    }

    /// Option names only: values may be secrets.
    public var description: String { "BackendConfiguration(options: \(options.keys.sorted()))" }
}
