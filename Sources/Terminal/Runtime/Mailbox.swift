import Synchronization

/// Messages from tasks to the UI loop. Posting wakes the loop; the loop drains everything at once.
public final class Mailbox<Message: Sendable>: Sendable {
    private let queue = Mutex<[Message]>([])
    private let waker: @Sendable () -> Void

    public init(waker: @escaping @Sendable () -> Void) {
        self.waker = waker
    }

    public func post(_ message: Message) {
        queue.withLock { $0.append(message) }
        waker()
    }

    public func drain() -> [Message] {
        queue.withLock { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
    }
}
