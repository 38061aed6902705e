import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM without letting them kill the process, so that foreground
/// servers can shut down cleanly (and remove their temporary database).
enum SignalWaiter {
    static func waitForTermination() async -> Int32 {
        await withCheckedContinuation { continuation in
            let queue = DispatchQueue(label: "clerk-triage.signals")
            let once = OnceFlag()
            var sources: [any DispatchSourceSignal] = []
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                source.setEventHandler {
                    if once.claim() {
                        sources.forEach { $0.cancel() }
                        continuation.resume(returning: signalNumber)
                    }
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}

/// True the first time only.
final class OnceFlag: @unchecked Sendable {
    // Only touched from the serial signal queue.
    private var claimed = false

    func claim() -> Bool {
        defer { claimed = true }
        return !claimed
    }
}
