import ClerkAPI
import Foundation
import Synchronization

/// Answers `GET /users` and `/users/count` from a list of users, optionally holding a request
/// until it is released or cancelled, and records what was asked and what was cancelled.
final class ScriptedTransport: HTTPTransport {
    private struct State {
        var requests: [String] = []
        var cancelled: [String] = []
        var held: Set<String> = []
    }

    private let state = Mutex(State())
    private let users: [User]
    /// Requests whose path contains this text wait until cancelled or released.
    private let holdMatching: String?

    init(users: [User], holdMatching: String? = nil) {
        self.users = users
        self.holdMatching = holdMatching
    }

    var requests: [String] { state.withLock { $0.requests } }
    var cancelled: [String] { state.withLock { $0.cancelled } }

    func release(_ path: String) { _ = state.withLock { $0.held.remove(path) } }

    func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse {
        let target = request.url.components(separatedBy: "/v1").last ?? request.url
        state.withLock {
            $0.requests.append(target)
            if let hold = holdMatching, target.contains(hold) { $0.held.insert(target) }
        }
        while state.withLock({ $0.held.contains(target) }) {
            do {
                try await Task.sleep(for: .milliseconds(5))
            } catch {
                state.withLock { $0.cancelled.append(target) }
                throw .cancelled
            }
        }
        if target.hasPrefix("/users/count") {
            return Self.json("{\"object\":\"total_count\",\"total_count\":\(users.count)}")
        }
        if target.hasPrefix("/users?") || target == "/users" {
            let items = URLComponents(string: "http://x" + target)?.queryItems ?? []
            let limit = items.first { $0.name == "limit" }?.value.flatMap(Int.init) ?? 10
            let offset = items.first { $0.name == "offset" }?.value.flatMap(Int.init) ?? 0
            let page = Array(users.dropFirst(offset).prefix(limit))
            return Self.json(String(decoding: (try? JSONEncoder().encode(page)) ?? Data("[]".utf8), as: UTF8.self))
        }
        if let id = target.split(separator: "/").dropFirst().first, let user = users.first(where: { $0.id == id }) {
            return Self.json(String(decoding: (try? JSONEncoder().encode(user)) ?? Data(), as: UTF8.self))
        }
        return TransportResponse(status: 404, headers: [HTTPHeader("Content-Type", "application/json")],
                                 body: Data(#"{"errors":[{"message":"not found","long_message":"No user here.","code":"resource_not_found"}],"clerk_trace_id":"t1"}"#.utf8))
    }

    private static func json(_ body: String) -> TransportResponse {
        TransportResponse(status: 200, headers: [HTTPHeader("Content-Type", "application/json")], body: Data(body.utf8))
    }
}
