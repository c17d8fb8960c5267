import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The production ``HTTPTransport``: one AsyncHTTPClient client for the process (connection
/// pooling, TLS, no shutdown to forget), each request under its own deadline
/// (``HTTPPolicy/requestTimeout``, `--backend-timeout`).
public struct AsyncHTTPClientTransport: HTTPTransport {
    /// Bodies larger than this are refused: no MT answer is this large.
    public static let maxResponseBytes = 16 << 20

    /// `HTTPClient.shared`'s settings but the timeouts: connecting may take 10 s, and there is
    /// no read timeout, only each request's deadline. The shared client's 90-second read timeout
    /// cut off every answer a local LLM took longer than that to write (it sends nothing until it
    /// is done), whatever the deadline said.
    public static var configuration: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: .seconds(10), read: nil)
        return configuration
    }

    /// Lives as long as the process (a global is never deinitialised, so never needs shutting down).
    private static let processClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)

    private let client: HTTPClient

    public init(client: HTTPClient? = nil) {
        self.client = client ?? Self.processClient
    }

    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let (seconds, attoseconds) = timeout.components
        let deadline = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        do {
            let response = try await client.execute(outgoing, timeout: deadline)
            var body = try await response.body.collect(upTo: Self.maxResponseBytes)
            let data = Data(body.readBytes(length: body.readableBytes) ?? [])
            var headers: [String: String] = [:]
            for (name, value) in response.headers { headers[name.lowercased()] = value }
            return HTTPResponse(status: Int(response.status.code), headers: headers, body: data)
        } catch let error as HTTPClientError {
            // Only the kind of failure: the error's own text may carry the URL with its query.
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                throw HTTPTransportError(.timeout, "no response within \(timeout)")
            default:
                throw HTTPTransportError(.connection, "the connection failed (\(Self.kind(of: error)))")
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw HTTPTransportError(.connection, "the connection failed (\(Self.kind(of: error)))")
        }
    }

    /// A short, secret-free name for an error: its type, and its case for enums.
    static func kind(of error: any Error) -> String {
        let text = String(describing: error)
        let name = String(describing: type(of: error))
        let head = text.prefix { $0.isLetter || $0.isNumber || $0 == "." }
        return head.isEmpty || head.count > 60 ? name : "\(name) \(head)"
    }
}
