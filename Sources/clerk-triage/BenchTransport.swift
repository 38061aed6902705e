import ClerkAPI
import Foundation
import Synchronization

/// A transport that counts what `bench actions` checks: every request as it goes out (with its
/// time), and every answer by status, per request line (`POST /v1/users/ID/lock`). With a send log,
/// each request is also written to a file before it leaves and its answer after it arrives, so that
/// what a process sent is known even when it is killed mid-request.
final class CountingTransport: HTTPTransport {
    struct Tally: Sendable {
        var sentAt: [Duration] = []
        var statuses: [Int: Int] = [:]
        /// Requests that may have been applied (answered 2xx or not answered at all), per request line.
        var mayHaveApplied: [String: Int] = [:]
        var unanswered = 0
    }

    private let inner: any HTTPTransport
    private let origin = ContinuousClock.now
    private let tally = Mutex(Tally())
    private let log: SendLog?
    private let gate: SendGate?

    init(_ inner: any HTTPTransport = AsyncHTTPClientTransport(), log: SendLog? = nil, gate: SendGate? = nil) {
        self.inner = inner
        self.log = log
        self.gate = gate
    }

    var counts: Tally { tally.withLock { $0 } }

    func reset() { tally.withLock { $0 = Tally() } }

    /// Seconds on this transport's own clock, comparable with `Tally.sentAt`.
    var now: Duration { origin.duration(to: .now) }

    func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse {
        await gate?.wait()
        let line = Self.requestLine(request)
        let number = log?.sending(line)
        tally.withLock { $0.sentAt.append(origin.duration(to: .now)) }
        do {
            let response = try await inner.send(request)
            tally.withLock {
                $0.statuses[response.status, default: 0] += 1
                if (200..<300).contains(response.status) { $0.mayHaveApplied[line, default: 0] += 1 }
            }
            if let number { log?.answered(number, status: response.status) }
            return response
        } catch {
            tally.withLock {
                $0.unanswered += 1
                $0.mayHaveApplied[line, default: 0] += 1
            }
            throw error
        }
    }

    /// `POST /v1/users/user_x/lock`, without scheme, host or query.
    static func requestLine(_ request: TransportRequest) -> String {
        var path = Substring(request.url)
        if let scheme = path.range(of: "://") {
            path = path[scheme.upperBound...]
            path = path.firstIndex(of: "/").map { path[$0...] } ?? "/"
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        return "\(request.method.rawValue) \(path)"
    }
}

/// Holds requests back until opened: lets a worker confirm all its commands before any is sent,
/// as an operator confirming a batch in a few seconds would, so that a kill finds them all journalled.
actor SendGate {
    private var opened = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if opened { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        opened = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }
}

/// An append-only record of requests, written with `write(2)` on an `O_APPEND` descriptor: each
/// line is in the kernel before the request leaves, so a `kill -9` cannot lose it.
final class SendLog: Sendable {
    private let descriptor: Int32
    private let counter = Atomic<Int>(0)

    init(path: String) throws(OperatorError) {
        descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw OperatorError("cannot write \(path): \(String(cString: strerror(errno)))") }
    }

    deinit { close(descriptor) }

    func sending(_ line: String) -> Int {
        let number = counter.wrappingAdd(1, ordering: .relaxed).newValue
        write("send \(number) \(line)\n")
        return number
    }

    func answered(_ number: Int, status: Int) {
        write("answer \(number) \(status)\n")
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }

    /// What a send log says: the request lines that may have been applied (sent, and answered 2xx
    /// or never answered), and how many were answered 2xx.
    struct Reading: Sendable {
        var mayHaveApplied: [String: Int] = [:]
        var answeredOK: [String: Int] = [:]
        var sent = 0
        var unanswered = 0
    }

    static func read(path: String) -> Reading {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return Reading() }
        var lines: [Int: String] = [:]
        var statuses: [Int: Int] = [:]
        for row in text.split(separator: "\n") {
            let parts = row.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let number = Int(parts[1]) else { continue }
            if parts[0] == "send" {
                lines[number] = String(parts[2])
            } else if parts[0] == "answer", let status = Int(parts[2]) {
                statuses[number] = status
            }
        }
        var reading = Reading(sent: lines.count)
        for (number, line) in lines {
            let status = statuses[number]
            if let status, (200..<300).contains(status) { reading.answeredOK[line, default: 0] += 1 }
            if status == nil { reading.unanswered += 1 }
            if status == nil || (200..<300).contains(status ?? 0) { reading.mayHaveApplied[line, default: 0] += 1 }
        }
        return reading
    }
}
