import ClerkAPI
import Foundation
import Synchronization

/// A small in-memory Clerk for the Users endpoints the queue calls: it keeps users' state, records
/// every request with the virtual time it was sent, and can fail requests on purpose, either
/// before applying them or after (the answer lost on the way back), and hold requests until
/// released to observe concurrency.
final class FakeClerk: HTTPTransport {
    enum Reply: Sendable {
        case status(Int, retryAfter: Int? = nil)
        case connectionLost
    }

    enum FaultTiming: Sendable {
        /// Clerk never saw it.
        case instead
        /// Clerk applied it, but the answer was lost.
        case afterApplying
    }

    struct Fault: Sendable {
        var method: HTTPMethod
        var pathSuffix: String
        var remaining: Int
        var timing: FaultTiming
        var reply: Reply
    }

    struct Sent: Sendable {
        var method: HTTPMethod
        var path: String
        var body: String
        var at: Duration
    }

    struct State {
        var users: [String: User] = [:]
        var compromised: Set<String> = []
        var ledger: [String: String] = [:]
        var devices: [String: [TrustedDevice]] = [:]
        var sent: [Sent] = []
        var faults: [Fault] = []
        var holding: ((HTTPMethod, String) -> Bool)?
        var held: [CheckedContinuation<Void, Never>] = []
        var inFlight = 0
        var maxInFlight = 0
        var inFlightPaths: [String] = []
    }

    let state = Mutex(State())
    private let clock: ManualClock

    init(clock: ManualClock, users: [User] = []) {
        self.clock = clock
        state.withLock { state in for user in users { state.users[user.id] = user } }
    }

    // MARK: - Test controls

    func fail(_ method: HTTPMethod, _ pathSuffix: String, times: Int = 1, _ timing: FaultTiming, _ reply: Reply) {
        state.withLock { $0.faults.append(Fault(method: method, pathSuffix: pathSuffix, remaining: times, timing: timing, reply: reply)) }
    }

    /// Requests matching `predicate` wait until `release()`.
    func hold(_ predicate: @escaping @Sendable (HTTPMethod, String) -> Bool) {
        state.withLock { $0.holding = predicate }
    }

    func release() {
        let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.holding = nil
            defer { state.held = [] }
            return state.held
        }
        for continuation in waiting { continuation.resume() }
    }

    var heldCount: Int { state.withLock { $0.held.count } }
    var sent: [Sent] { state.withLock { $0.sent } }
    var maxInFlight: Int { state.withLock { $0.maxInFlight } }
    var inFlightPaths: [String] { state.withLock { $0.inFlightPaths } }
    func user(_ id: String) -> User? { state.withLock { $0.users[id] } }
    func isCompromised(_ id: String) -> Bool { state.withLock { $0.compromised.contains(id) } }
    var ledgerCount: Int { state.withLock { $0.ledger.count } }

    func sentPaths(_ method: HTTPMethod? = nil) -> [String] {
        sent.filter { method == nil || $0.method == method }.map(\.path)
    }

    // MARK: - HTTPTransport

    func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse {
        let path = String(request.url[(request.url.range(of: "/v1")?.upperBound ?? request.url.startIndex)...])
        let body = request.body.map { String(decoding: $0, as: UTF8.self) } ?? ""
        let now = clock.now()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let hold = state.withLock { state -> Bool in
                state.sent.append(Sent(method: request.method, path: path, body: body, at: now))
                state.inFlight += 1
                state.inFlightPaths.append(path)
                state.maxInFlight = max(state.maxInFlight, state.inFlight)
                guard let holding = state.holding, holding(request.method, path) else { return false }
                state.held.append(continuation)
                return true
            }
            if !hold { continuation.resume() }
        }
        defer {
            state.withLock { state in
                state.inFlight -= 1
                if let index = state.inFlightPaths.firstIndex(of: path) { state.inFlightPaths.remove(at: index) }
            }
        }
        let fault = state.withLock { state -> Fault? in
            guard let index = state.faults.firstIndex(where: { $0.method == request.method && path.hasSuffix($0.pathSuffix) && $0.remaining > 0 }) else {
                return nil
            }
            state.faults[index].remaining -= 1
            return state.faults[index]
        }
        if let fault, fault.timing == .instead { return try Self.render(fault.reply) }
        let response = state.withLock { handle(request.method, path, body: request.body ?? Data(), state: &$0) }
        if let fault { return try Self.render(fault.reply) }
        return response
    }

    private static func render(_ reply: Reply) throws(TransportError) -> TransportResponse {
        switch reply {
        case .connectionLost:
            throw .failed(.lost)
        case .status(let status, let retryAfter):
            let body = #"{"errors":[{"message":"fault","long_message":"Injected fault \#(status).","code":"fault"}],"clerk_trace_id":"trace-\#(status)"}"#
            return TransportResponse(status: status, headers: retryAfter.map { [HTTPHeader("Retry-After", "\($0)")] } ?? [], body: Data(body.utf8))
        }
    }
}
