import ClerkAPI
import Foundation
import Synchronization

/// Records every request and answers from a script (or a default), with the virtual time each
/// request was sent at when given a clock.
final class RecordingTransport: HTTPTransport {
    enum Reply: Sendable {
        case response(TransportResponse)
        case failure(TransportError)
    }

    struct Sent: Sendable {
        var request: TransportRequest
        var at: Duration
    }

    private let state = Mutex<(sent: [Sent], script: [Reply])>((sent: [], script: []))
    private let fallback: @Sendable (TransportRequest) -> Reply
    private let clock: ManualClock?

    init(clock: ManualClock? = nil, fallback: @escaping @Sendable (TransportRequest) -> Reply = { _ in .json(200, "{}") }) {
        self.clock = clock
        self.fallback = fallback
    }

    func enqueue(_ replies: Reply...) {
        state.withLock { $0.script += replies }
    }

    var sent: [Sent] { state.withLock { $0.sent } }
    var requests: [TransportRequest] { sent.map(\.request) }

    func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse {
        let now = clock?.now() ?? .zero
        let reply = state.withLock { state -> Reply in
            state.sent.append(Sent(request: request, at: now))
            return state.script.isEmpty ? fallback(request) : state.script.removeFirst()
        }
        switch reply {
        case .response(let response): return response
        case .failure(let error): throw error
        }
    }
}

extension RecordingTransport.Reply {
    static func json(_ status: Int, _ body: String, headers: [HTTPHeader] = []) -> Self {
        .response(TransportResponse(status: status, headers: [HTTPHeader("Content-Type", "application/json")] + headers, body: Data(body.utf8)))
    }
}

extension TransportRequest {
    /// The path and query below the base URL, e.g. `/users?limit=10`.
    var target: String {
        guard let range = url.range(of: "/v1") else { return url }
        return String(url[range.upperBound...])
    }

    var bodyText: String { body.map { String(decoding: $0, as: UTF8.self) } ?? "" }

    var bodyJSON: JSONValue? { try? JSONValue.parse(bodyText) }
}
