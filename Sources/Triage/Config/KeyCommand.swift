import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs an instance's `key_command` through `/bin/sh -c` and collects what it prints on stdout.
///
/// Its stderr is the operator's own, so a password manager can say what it wants, and its stdin is
/// the terminal when there is one (a passphrase prompt), otherwise /dev/null: a script piping ids
/// into `users ban -` must not have them eaten by the key command. It stays in the terminal's
/// foreground process group, or a prompt reading the terminal would be stopped.
public enum KeyCommand {
    /// Long enough to type a passphrase into a password manager's prompt.
    public static let defaultTimeout = Duration.seconds(60)
    /// A key is ~50 bytes; far more means the command prints something else.
    static let maximumOutput = 64 * 1024

    public enum Outcome: Sendable, Hashable {
        case exited(Int32, Data)
        case signalled(Int32)
        case timedOut
        case tooMuchOutput
        case couldNotStart(Int32)
    }

    public static func run(_ command: String, environment: [String: String], timeout: Duration) -> Outcome {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return .couldNotStart(errno) }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        defer { close(readEnd) }
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if isatty(0) == 0 { posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) }
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        // Swift concurrency's threads block most signals and a child inherits that mask: Ctrl-C
        // and the timeout's SIGTERM must reach the command.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let words: [String] = ["/bin/sh", "-c", command]
        let argv = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
        close(writeEnd)
        guard spawned == 0 else { return .couldNotStart(spawned) }
        return collect(pid: pid, from: readEnd, deadline: ContinuousClock.now + timeout)
    }

    /// Reads until the command exits (what it printed by then is the answer: a daemon it started
    /// may hold stdout open for ever) or the deadline passes.
    private static func collect(pid: pid_t, from descriptor: Int32, deadline: ContinuousClock.Instant) -> Outcome {
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        var status: Int32?
        var endOfOutput = false
        while true {
            if status == nil {
                var raw: Int32 = 0
                if waitpid(pid, &raw, WNOHANG) == pid { status = raw }
            }
            if let status, !endOfOutput, !readable(descriptor, waitMilliseconds: 0) { return outcome(status, output) }
            if let status, endOfOutput { return outcome(status, output) }
            let left = deadline - ContinuousClock.now
            if left <= .zero {
                stop(pid)
                return .timedOut
            }
            let slice = max(1, min(50, Int((left / .milliseconds(1)).rounded(.up))))
            if endOfOutput {
                // Closed its stdout but still running: wait for it to exit.
                var pause = timespec(tv_sec: 0, tv_nsec: slice * 1_000_000)
                nanosleep(&pause, nil)
                continue
            }
            guard readable(descriptor, waitMilliseconds: Int32(slice)) else { continue }
            let count = read(descriptor, &buffer, buffer.count)
            if count > 0 {
                output.append(contentsOf: buffer[0..<count])
                if output.count > maximumOutput {
                    stop(pid)
                    return .tooMuchOutput
                }
            } else if count == 0 || errno != EINTR {
                endOfOutput = true
            }
        }
    }

    private static func readable(_ descriptor: Int32, waitMilliseconds: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, waitMilliseconds) > 0
    }

    private static func outcome(_ status: Int32, _ output: Data) -> Outcome {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff, output) : .signalled(signal)
    }

    /// SIGTERM, a moment to end, then SIGKILL; always reaped.
    private static func stop(_ pid: pid_t) {
        kill(pid, SIGTERM)
        var raw: Int32 = 0
        for _ in 0..<50 {
            if waitpid(pid, &raw, WNOHANG) == pid { return }
            var pause = timespec(tv_sec: 0, tv_nsec: 10_000_000)
            nanosleep(&pause, nil)
        }
        kill(pid, SIGKILL)
        while waitpid(pid, &raw, 0) < 0, errno == EINTR {}
    }
}
