import Foundation
import Glibc
import Synchronization

/// A program the benchmarks run as an operator's shell would, timed from just before it starts
/// until it exits, with its peak resident memory.
///
/// The peak is VmHWM from /proc, read every 10 ms until the child exits, not `wait4`'s
/// `ru_maxrss`: a child spawned with vfork (as posix_spawn does) shares this process's memory
/// until it execs, and Linux carries that high-water mark, the size of the sandbox in this
/// process, into the child's `ru_maxrss`.
struct BenchChild: Sendable {
    /// Where the child's standard output goes.
    enum Destination: Sendable {
        case null
        case file(String)
        /// A pipe the bench reads (`readLines`).
        case pipe
    }

    struct Exit: Sendable {
        /// The exit status, or 128 + the signal that ended it.
        var status: Int32
        var elapsed: Duration
        /// The last VmHWM read before it exited; 0 if it ended before the first reading.
        var peakRSSKilobytes: Int
    }

    let pid: pid_t
    let started: ContinuousClock.Instant
    /// The read end of the stdout pipe, for `.pipe`.
    private let output: Int32?
    private let peak: PeakWatch

    /// Starts `arguments[0]` (a path) with exactly `environment`, stdin from `stdin` (or /dev/null)
    /// and stderr to `stderr` (or this process's stderr). Signals start unblocked and at their
    /// defaults: a child of a Swift concurrency thread would otherwise inherit its blocked mask.
    static func start(_ arguments: [String], environment: [String: String], stdin: String? = nil,
                      stdout: Destination = .null, stderr: String? = nil) throws -> BenchChild {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        var pipeEnds: [Int32] = [-1, -1]
        switch stdout {
        case .null:
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        case .file(let path):
            posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        case .pipe:
            guard pipe(&pipeEnds) == 0 else { throw OperatorError("cannot make a pipe: \(String(cString: strerror(errno)))") }
            // Neither end may leak into the child beyond its stdout (glibc's pipe2 is not visible to Swift).
            for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        }
        if let stderr { posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        // Every bit set, not `sigfillset`: glibc leaves its two internal real-time signals out of
        // that, and posix_spawn would then start the child with them ignored.
        var allSignals = sigset_t()
        _ = withUnsafeMutableBytes(of: &allSignals) { $0.initializeMemory(as: UInt8.self, repeating: 0xFF) }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let started = ContinuousClock.now
        let result = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        if pipeEnds[1] >= 0 { close(pipeEnds[1]) }
        guard result == 0 else {
            if pipeEnds[0] >= 0 { close(pipeEnds[0]) }
            throw OperatorError("cannot run \(arguments[0]): \(String(cString: strerror(result)))")
        }
        return BenchChild(pid: pid, started: started, output: pipeEnds[0] >= 0 ? pipeEnds[0] : nil, peak: PeakWatch(pid: pid))
    }

    /// Waits on a thread of its own, so that no Swift concurrency thread blocks. The time is taken
    /// the moment the child exits; it is reaped only once the memory watch has stopped, so that
    /// its pid cannot have been reused by then.
    func wait() async -> Exit {
        let (pid, started, peak) = (pid, started, peak)
        return await Self.onThread {
            var info = siginfo_t()
            while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0, errno == EINTR {}
            let elapsed = started.duration(to: .now)
            let kilobytes = peak.finished()
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            let signal = status & 0x7f
            return Exit(status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, elapsed: elapsed, peakRSSKilobytes: kilobytes)
        }
    }

    /// Reads the piped stdout to its end, counting lines; each time the count reaches a multiple
    /// of `step`, and once the output ends, notes the child's memory from /proc.
    func readLines(sampleEvery step: Int) async -> (lines: Int, samples: [MemorySample]) {
        guard let output else { return (0, []) }
        let pid = pid
        return await Self.onThread {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            var lines = 0
            var samples: [MemorySample] = []
            while true {
                let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                for index in 0..<count where buffer[index] == 0x0A {
                    lines += 1
                    if lines % step == 0, let sample = MemorySample.read(pid: pid, lines: lines) { samples.append(sample) }
                }
            }
            close(output)
            if lines % step != 0, let sample = MemorySample.read(pid: pid, lines: lines) { samples.append(sample) }
            return (lines, samples)
        }
    }

    private static func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }
}

/// Reads a child's VmHWM every 10 ms on a thread of its own, from its start until it has exited
/// (a zombie's status has no memory lines).
final class PeakWatch: Sendable {
    private let kilobytes = Mutex(0)
    private let stopped = DispatchSemaphore(value: 0)

    init(pid: pid_t) {
        Thread { [self] in
            while let sample = MemorySample.read(pid: pid, lines: 0) {
                kilobytes.withLock { $0 = max($0, sample.peakKilobytes) }
                usleep(10_000)
            }
            stopped.signal()
        }.start()
    }

    /// The peak, once the child has exited and the watch has seen it go.
    func finished() -> Int {
        stopped.wait()
        return kilobytes.withLock { $0 }
    }
}

/// A child's resident memory once it had written `lines` lines.
struct MemorySample: Sendable, Equatable {
    var lines: Int
    /// VmRSS: resident now.
    var residentKilobytes: Int
    /// VmHWM: the most it has been resident so far.
    var peakKilobytes: Int

    static func read(pid: pid_t, lines: Int) -> MemorySample? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        return parse(status, lines: lines)
    }

    /// From the text of /proc/PID/status (`VmRSS:\t  51234 kB`); nil once the process has become
    /// a zombie, whose status has no memory lines.
    static func parse(_ status: String, lines: Int) -> MemorySample? {
        func kilobytes(_ field: String) -> Int? {
            for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
                let words = line.dropFirst(field.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard words.count == 2, words[1] == "kB" else { return nil }
                return Int(words[0])
            }
            return nil
        }
        guard let resident = kilobytes("VmRSS"), let peak = kilobytes("VmHWM") else { return nil }
        return MemorySample(lines: lines, residentKilobytes: resident, peakKilobytes: peak)
    }
}
