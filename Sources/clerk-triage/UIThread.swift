import Foundation

/// Runs the UI loop on a thread of its own, so that it never blocks a concurrency worker or the
/// main actor, and hands back how it ended.
enum UIThread {
    static func run(_ body: @escaping @Sendable () throws -> Void) async -> Result<Void, any Error> {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                do {
                    try body()
                    continuation.resume(returning: .success(()))
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
