import Dispatch
import Foundation
import Synchronization

/// Ctrl-C or SIGTERM while a `users` run sends. The first stops new commands from starting and lets
/// the requests in flight finish and be journalled, so the run can end with its summary; a second
/// ends the process at once, leaving what was in flight in the journal for a rerun to resume.
final class MutationInterrupt: @unchecked Sendable {
    private static let signals = [SIGINT, SIGTERM]
    private let received = Mutex<Int32?>(nil)
    // Touched only by install and remove, on the run's own path; remove breaks the cycle with the handlers.
    private var sources: [DispatchSourceSignal] = []

    /// The first signal received, if any.
    var signal: Int32? { received.withLock { $0 } }

    /// `onFirst` runs on a dispatch queue when the first signal comes.
    func install(onFirst: @escaping @Sendable (Int32) -> Void) {
        for number in Self.signals {
            // Ignored by the process so that only the source sees it.
            Glibc.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                let first = self.received.withLock { state -> Bool in
                    guard state == nil else { return false }
                    state = number
                    return true
                }
                guard first else {
                    FileHandle.standardError.write(Data(("\nStopped at once: the commands in flight stay in the journal; "
                        + "rerun the same command to resume them, or open the console.\n").utf8))
                    _exit(128 + number)
                }
                onFirst(number)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// From here on a signal ends the process as usual.
    func remove() {
        for source in sources { source.cancel() }
        sources = []
        for number in Self.signals { Glibc.signal(number, SIG_DFL) }
    }

    static func name(_ number: Int32) -> String { number == SIGINT ? "Ctrl-C" : "SIGTERM" }
}
