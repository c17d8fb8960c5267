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

    func client(transport: any HTTPTransport, policy: HTTPPolicy, sleep: (@Sendable (Duration) async throws -> Void)?) -> ReliableHTTPClient {
        ReliableHTTPClient(backend: backend, transport: transport, policy: policy, keyVariable: keyOption.flatMap { configuration.variable(for: $0) },
                           urlVariable: configuration.options[urlOption.name] == nil ? urlOption.environment : "--backend-url",
                           secrets: keyOption.flatMap { configuration.value(for: $0) }.map { [$0] } ?? [], sleep: sleep)
    }
}
