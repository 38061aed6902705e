import Glibc

/// Starts the operator's editor and waits for it.
enum EditorProcess {
    /// Runs `command` on `file` through `/bin/sh -c 'COMMAND "$1"' sh FILE`, so a command with
    /// arguments (`code -w`) works and the file name is never parsed by the shell. Returns the
    /// wait status.
    ///
    /// The child starts with no signal blocked and every signal at its default action: Swift's
    /// threads block most signals and the console ignores some while the editor runs, and a child
    /// inherits both; an editor that cannot see SIGINT, SIGWINCH or SIGTSTP misbehaves.
    static func run(_ command: String, file: String, environment: [String: String]) -> Result<Int32, ExternalEditError> {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        // Every bit set, not `sigfillset`: glibc leaves its two internal real-time signals out of
        // that, and posix_spawn then starts the child with them ignored (SigIgn 180000000).
        var catchable = sigset_t()
        withUnsafeMutableBytes(of: &catchable) { $0.initializeMemory(as: UInt8.self, repeating: 0xFF) }
        sigdelset(&catchable, SIGKILL)
        sigdelset(&catchable, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &catchable)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let arguments: [String] = ["/bin/sh", "-c", "\(command) \"$1\"", "sh", file]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", nil, &attributes, argv, envp)
        guard spawned == 0 else { return .failure(.cannotStart(code: spawned)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            // Interrupted by a resize or a stop and continue: the editor is still running.
            if errno != EINTR { return .failure(.cannotStart(code: errno)) }
        }
        return .success(status)
    }

    /// Why a wait status is not a clean exit, or nil when it is. `sh` answers 127 for a command
    /// it cannot find and 126 for one it cannot run.
    static func failure(_ status: Int32, command: String) -> ExternalEditError? {
        let signal = status & 0x7F
        if signal != 0 { return .killed(command: command, signal: signal) }
        switch (status >> 8) & 0xFF {
        case 0: return nil
        case 127: return .notFound(command: command)
        case 126: return .notExecutable(command: command)
        case let code: return .failed(command: command, status: code)
        }
    }
}
