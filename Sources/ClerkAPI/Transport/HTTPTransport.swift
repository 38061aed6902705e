import Foundation

/// A request as it goes on the wire. It carries the secret key in its `Authorization` header, so
/// every textual form of it (description, debug description, reflection, and with them test
/// failure messages and `dump`) shows the key masked.
public struct TransportRequest: Sendable, Hashable {
    public var method: HTTPMethod
    public var url: String
    public var headers: [HTTPHeader]
    public var body: Data?
    public var timeout: Duration

    public init(method: HTTPMethod, url: String, headers: [HTTPHeader], body: Data?, timeout: Duration) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

public struct HTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Headers whose values are credentials.
    static let sensitiveNames: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]

    public var isSensitive: Bool { Self.sensitiveNames.contains(name.lowercased()) }

    /// The value as it may be shown: a credential masked like `SecretKey.masked`
    /// (`Bearer sk_test_…6789`), anything else as it is.
    public var redactedValue: String {
        guard isSensitive else { return value }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return "…" }
        return "\(parts[0]) \(SecretKey(String(parts[1])).masked)"
    }
}

extension HTTPHeader: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "\(name): \(redactedValue)" }
    public var debugDescription: String { "HTTPHeader(\(String(reflecting: name)), \(String(reflecting: redactedValue)))" }
    public var customMirror: Mirror { Mirror(self, children: ["name": name, "value": redactedValue], displayStyle: .struct) }
}

extension TransportRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "\(method.rawValue) \(url) [\(headers.map(\.description).joined(separator: ", "))]\(body.map { " \($0.count) bytes" } ?? "")"
    }

    public var debugDescription: String {
        "TransportRequest(\(method.rawValue) \(url), headers: \(headers.map(\.debugDescription)), body: \(body.map { "\($0.count) bytes" } ?? "none"), timeout: \(timeout))"
    }

    public var customMirror: Mirror {
        Mirror(self, children: ["method": method, "url": url, "headers": headers, "body": body as Any, "timeout": timeout], displayStyle: .struct)
    }
}

public struct TransportResponse: Sendable, Hashable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: Data

    public init(status: Int, headers: [HTTPHeader] = [], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

public enum TransportError: Error, Sendable, Hashable {
    case cancelled
    case failed(ConnectionProblem)
}

/// Sends one HTTP request. The production conformer is `AsyncHTTPClientTransport`; tests record
/// and script responses with their own.
public protocol HTTPTransport: Sendable {
    func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse
}
