import ClerkActions
import Synchronization

/// Collects a queue's events as they arrive.
final class EventRecorder: Sendable {
    private final class Store: Sendable {
        let events = Mutex<[CommandEvent]>([])
    }

    private let store = Store()

    init(_ stream: AsyncStream<CommandEvent>) {
        Task { [store] in
            for await event in stream { store.events.withLock { $0.append(event) } }
        }
    }

    var all: [CommandEvent] { store.events.withLock { $0 } }

    /// The deadline is generous on purpose: with the whole suite running on two cores, CPU-heavy
    /// tests can hold the cooperative threads for seconds (a 10 s deadline timed out that way),
    /// and a passing wait costs nothing however long its deadline.
    func waitFor(_ what: String, timeout: Duration = .seconds(60), _ matches: @Sendable (CommandEvent) -> Bool) async throws -> CommandEvent {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if let found = all.first(where: matches) { return found }
            try await Task.sleep(for: .milliseconds(2))
        }
        throw TimedOut(what: what)
    }
}

extension CommandEvent {
    var commandID: UUID? {
        switch self {
        case .queued(let c), .running(let c), .progress(let c, _, _), .rateLimited(let c, _), .checking(let c), .finished(let c, _),
            .failed(let c, _), .needsOperator(let c, _), .conflict(let c, _), .cancelled(let c), .abandoned(let c):
            c.id
        case .warning:
            nil
        }
    }

    var isTerminal: Bool {
        switch self {
        case .finished, .failed, .needsOperator, .conflict, .cancelled, .abandoned: true
        default: false
        }
    }
}

import Foundation
