import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP/1.1 server on 127.0.0.1 and a free port, inside the test process, answering with
/// whatever the test's handler says (status, headers, body, an optional delay before answering):
/// HTTP backends are tested against it speaking their service's documented wire format, faults
/// included, and never reach the network. It records every request.
public final class FakeHTTPServer: Sendable {
    public struct Request: Sendable {
        public var method: String
        public var uri: String
        public var headers: [(name: String, value: String)]
        public var body: Data

        public func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }

        /// The path without the query.
        public var path: String { String(uri.prefix { $0 != "?" }) }
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: Data
        /// Wait this long before answering (a service slower than the client's timeout).
        public var delay: Duration?

        public init(status: Int = 200, headers: [String: String] = [:], body: Data = Data(), delay: Duration? = nil) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
        }

        public static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> Response {
            Response(status: status, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a }, body: Data(text.utf8))
        }

        /// `text` as it is: JSON when it starts with `{`, else an HTML page (a proxy's error page).
        public static func raw(_ text: String, status: Int) -> Response {
            Response(status: status, headers: ["Content-Type": text.hasPrefix("{") ? "application/json" : "text/html; charset=utf-8"],
                     body: Data(text.utf8))
        }
    }

    /// Called on the server's event loop, never on Swift's cooperative pool, so a test that blocks
    /// a thread waiting for a subprocess (``CLI/run(_:in:environment:)``) cannot starve it.
    public typealias Handler = @Sendable (Request) -> Response

    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let log: RequestLog
    public let port: Int

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in order.
    public var requests: [Request] { log.all }

    public static func start(_ handler: @escaping Handler) async throws -> FakeHTTPServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let log = RequestLog()
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 64)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Connection(handler: handler, log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else { throw TestSupportError("the fake HTTP server has no port") }
        return FakeHTTPServer(group: group, channel: channel, log: log, port: port)
    }

    private init(group: MultiThreadedEventLoopGroup, channel: any Channel, log: RequestLog, port: Int) {
        self.group = group
        self.channel = channel
        self.log = log
        self.port = port
    }

    public func stop() async throws {
        try await channel.close()
        try await group.shutdownGracefully()
    }
}

/// The requests a server received.
private final class RequestLog: @unchecked Sendable {
    // @unchecked: `requests` is only touched while holding `lock`.
    private let lock = NSLock()
    private var requests: [FakeHTTPServer.Request] = []
    func append(_ r: FakeHTTPServer.Request) { lock.withLock { requests.append(r) } }
    var all: [FakeHTTPServer.Request] { lock.withLock { requests } }
}

/// One connection: collects a request, asks the handler, writes its answer.
private final class Connection: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let handler: FakeHTTPServer.Handler
    private let log: RequestLog
    private var head: HTTPRequestHead?
    private var body = Data()

    init(handler: @escaping FakeHTTPServer.Handler, log: RequestLog) {
        self.handler = handler
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body = Data()
        case .body(var buffer):
            body.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
        case .end:
            guard let head else { return }
            let request = FakeHTTPServer.Request(method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) }, body: body)
            log.append(request)
            let keepAlive = head.isKeepAlive
            let response = handler(request)
            let version = head.version
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let write: @Sendable () -> Void = {
                let context = bound.value
                var headers = HTTPHeaders()
                for (name, value) in response.headers { headers.add(name: name, value: value) }
                headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
                if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
                let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
                context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
                context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
                context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil))).whenComplete { _ in
                    if !keepAlive { bound.value.close(promise: nil) }
                }
            }
            if let delay = response.delay {
                let (seconds, attoseconds) = delay.components
                context.eventLoop.scheduleTask(in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)) { write() }
            } else {
                write()
            }
        }
    }
}
