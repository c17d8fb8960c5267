import Foundation

/// One HTTP request as a value: what a backend's pure request builder makes and an
/// ``HTTPTransport`` sends. Its description never shows header values or the body (keys travel
/// in headers, segment text in bodies).
public struct HTTPRequest: Hashable, Sendable, CustomStringConvertible {
    public var method: String
    public var url: URL
    /// Header name and value pairs, in order.
    public var headers: [(name: String, value: String)]
    public var body: Data?

    public init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public var description: String {
        "\(method) \(url.scheme ?? "http")://\(url.host ?? "")\(url.port.map { ":\($0)" } ?? "")\(url.path) (headers: \(headers.map(\.name).joined(separator: ", ")); \(body?.count ?? 0) bytes)"
    }

    public static func == (a: HTTPRequest, b: HTTPRequest) -> Bool {
        a.method == b.method && a.url == b.url && a.body == b.body
            && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(method)
        hasher.combine(url)
        hasher.combine(body)
    }
}
