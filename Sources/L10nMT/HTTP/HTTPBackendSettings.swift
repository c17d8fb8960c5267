import Foundation

/// How every HTTP backend reads its key and server from a ``BackendConfiguration`` and builds
/// its client: the same checks, the same messages (naming variables, never values).
struct HTTPBackendSettings {
    var backend: String
    var configuration: BackendConfiguration
    var keyOption: BackendOption?
    var urlOption: BackendOption

    /// The key, or nil when the backend takes none and none is set.
    func key() throws -> String? {
        guard let keyOption else { return nil }
        let key = configuration.value(for: keyOption)
        if key == nil, keyOption.isRequired {
            throw BackendError(.misconfigured, backend: backend, "needs a key: set \(configuration.variable(for: keyOption) ?? keyOption.name)")
        }
        return key
    }

    /// The server: the URL option (flag or environment) when given, which must be http(s), else `fallback`.
    func server(fallback: URL?) throws -> URL {
        let variable = urlOption.environment ?? urlOption.name
        guard let url = configuration.value(for: urlOption) else {
            guard let fallback else {
                throw BackendError(.misconfigured, backend: backend, "needs an http(s) server URL: set \(variable) or give --backend-url")
            }
            return fallback
        }
        guard let parsed = URL(string: url), parsed.scheme == "http" || parsed.scheme == "https", parsed.host != nil else {
            throw BackendError(.misconfigured, backend: backend, "the server URL (\(variable) or --backend-url) is not an http(s) URL")
        }
        return parsed
    }

    /// How long to wait for each answer, for every HTTP backend: a local LLM on a CPU may need
    /// minutes for a batch where a cloud service needs seconds.
    static let timeoutOption = BackendOption(name: "timeout", environment: "L10N_MT_TIMEOUT",
                                             summary: "seconds to wait for each answer before retrying (default 60; raise it for a slow local server)")

    /// `policy` with the ``timeoutOption`` applied when one is given; a value that is not a
    /// positive number of seconds is an error naming where it came from.
    func policy(_ policy: HTTPPolicy) throws -> HTTPPolicy {
        var policy = policy
        if let timeout = try configuration.seconds(for: Self.timeoutOption, backend: backend) { policy.requestTimeout = timeout }
        return policy
    }

    func client(transport: any HTTPTransport, policy: HTTPPolicy, sleep: (@Sendable (Duration) async throws -> Void)?) throws -> ReliableHTTPClient {
        ReliableHTTPClient(backend: backend, transport: transport, policy: try self.policy(policy), keyVariable: keyOption.flatMap { configuration.variable(for: $0) },
                           urlVariable: configuration.options[urlOption.name] == nil ? urlOption.environment : "--backend-url",
                           secrets: keyOption.flatMap { configuration.value(for: $0) }.map { [$0] } ?? [], sleep: sleep)
    }
}
