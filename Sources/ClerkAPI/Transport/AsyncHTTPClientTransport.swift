import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// `HTTPTransport` over AsyncHTTPClient. Cancelling the calling task cancels the request.
public struct AsyncHTTPClientTransport: HTTPTransport {
    private let client: HTTPClient
    private let maxBodyBytes: Int

    /// A transport on a process-wide client that gives up connecting after `connectTimeout`.
    public init(connectTimeout: Duration = ClerkConfiguration.defaultConnectTimeout, maxBodyBytes: Int = 32 << 20) {
        self.init(client: SharedHTTPClients.client(connectTimeout: connectTimeout), maxBodyBytes: maxBodyBytes)
    }

    /// A transport on a client the caller configured and shuts down.
    public init(client: HTTPClient, maxBodyBytes: Int = 32 << 20) {
        self.client = client
        self.maxBodyBytes = maxBodyBytes
    }

    public func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            let response = try await client.execute(outgoing, timeout: .nanoseconds(request.timeout.nanoseconds))
            let buffer = try await response.body.collect(upTo: maxBodyBytes)
            return TransportResponse(
                status: Int(response.status.code),
                headers: response.headers.map { HTTPHeader($0.name, $0.value) },
                body: Data(buffer.readableBytesView)
            )
        } catch is CancellationError {
            throw .cancelled
        } catch let error as HTTPClientError where error == .cancelled {
            throw .cancelled
        } catch {
            if Task.isCancelled { throw .cancelled }
            throw .failed(ConnectionProblem(error))
        }
    }
}

/// One long-lived client per connect timeout, shared by every `ClerkClient` that does not bring
/// its own, so connections are pooled across them. Never shut down: they live as long as the process.
enum SharedHTTPClients {
    private static let clients = Mutex<[Duration: HTTPClient]>([:])

    static func client(connectTimeout: Duration) -> HTTPClient {
        clients.withLock { clients in
            if let client = clients[connectTimeout] { return client }
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration(connectTimeout: connectTimeout))
            clients[connectTimeout] = client
            return client
        }
    }

    /// AsyncHTTPClient's defaults suit browsing, not an operator's console: its shared client waits
    /// 90 s to connect and, by default, retries a failed connection attempt with backoff until the
    /// request's deadline, so a dead server looked like a slow one for over a minute. Here a
    /// connection attempt fails once, at once or after `connectTimeout`, and `ClerkClient` decides
    /// whether trying again is worth it. Redirects are not followed: the Backend API never sends
    /// one, and a request that moves elsewhere should be seen, not replayed.
    static func configuration(connectTimeout: Duration) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: .nanoseconds(connectTimeout.nanoseconds))
        configuration.connectionPool.retryConnectionEstablishment = false
        return configuration
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
