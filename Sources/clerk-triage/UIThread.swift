import Foundation

/// Runs the UI loop on a thread of its own, so that it never blocks a concurrency worker or the
/// main actor, and hands back how it ended. Also for other long blocking work, such as waiting for
/// an operator to unlock a password manager.
enum UIThread {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async -> Result<T, any Error> {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(returning: .success(try body()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
            thread.name = "clerk-triage.ui"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
