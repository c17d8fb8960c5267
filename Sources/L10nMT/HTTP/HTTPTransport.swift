import Foundation

/// Sends one request and returns the response, whatever its status; throws
/// ``HTTPTransportError`` when no response came (timeout, connection refused, reset).
///
/// Backends never talk to the network directly: they build ``HTTPRequest`` values and parse
/// ``HTTPResponse`` values, and a transport is injected, so the whole HTTP behaviour (retries,
/// faults) is testable against fakes and in-process servers. Production uses
/// ``AsyncHTTPClientTransport``.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse
}

/// No response at all.
public struct HTTPTransportError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// Connecting or reading took longer than allowed.
        case timeout
        /// Could not connect, or the connection broke.
        case connection
    }

    public var kind: Kind
    /// What happened, never the request's headers or body.
    public var detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "\(kind.rawValue): \(detail)" }
}
